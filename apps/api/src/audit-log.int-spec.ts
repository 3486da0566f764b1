import { defineAbilityFor } from '@crm/authz';
import { AuditLogService } from '@crm/identity';
import { ApiHarness } from './testing/api-harness';
import { createOrganization, createPerson, ok, userId } from './testing/records-fixtures';
import { createStory, defaultCampaignId } from './testing/story-fixtures';

// The audit log as a person reads it (issue 10, decision 027): the record's name where
// the viewer may read it, ids of owners and organizations as names, and values masked
// wherever the viewer may not read the field, whatever the value.

const entries = `query($filter: AuditFilterInputType) { auditEntries(filter: $filter, first: 20) { nodes {
  action subjectType changes
  subject { subjectType id name nameFr }
  fieldChanges { field masked from to fromRecord { subjectType id name } toRecord { subjectType id name } } } } }`;

type Change = { field: string; masked: boolean; from: unknown; to: unknown; toRecord: { name: string | null } | null };
type Entry = { action: string; changes: Record<string, unknown>; subject: { name: string | null; nameFr: string | null } | null; fieldChanges: Change[] };

describe('audit log names and masking', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  const asAdmin = async (filter: Record<string, unknown>) =>
    ok<{ auditEntries: { nodes: Entry[] } }>(await api.graphql(entries, { filter }, await api.tokenFor('ADMIN'))).auditEntries.nodes;

  it('names the record and the owner, keeps labels to the screen, and keeps personal values masked', async () => {
    const coordinator = await userId(api, 'COORDINATOR');
    const organization = await createOrganization(api, { nameEn: 'Kingston Welcome Centre', nameFr: 'Centre d’accueil de Kingston', provinceCode: 'ON' });
    const person = await createPerson(api, { firstName: 'Amina', lastName: 'Diallo', provinceCode: 'ON', city: 'Kingston', consentEmail: false });
    ok(
      await api.graphql(
        `mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { id } }`,
        { input: { id: person.id, version: person.version, city: 'Ottawa', consentEmail: true, ownerId: coordinator } },
        await api.tokenFor('STAFF'),
      ),
    );

    const [update] = await asAdmin({ subjectId: person.id, action: 'person.update' });
    expect(update.subject).toEqual(expect.objectContaining({ name: 'Amina Diallo' }));
    const byField = Object.fromEntries(update.fieldChanges.map((change) => [change.field, change]));
    // A personal value is never shown, not even to ADMIN: the log stored it masked.
    expect(byField.city).toEqual(expect.objectContaining({ masked: true, from: null, to: null }));
    expect(byField.consentEmail).toEqual(expect.objectContaining({ masked: false, from: false, to: true }));
    expect(byField.ownerId).toEqual(expect.objectContaining({ masked: false, toRecord: expect.objectContaining({ name: 'Olivia Ontario' }) }));
    expect(JSON.stringify(update)).not.toContain('Ottawa');

    const [created] = await asAdmin({ subjectId: organization.id, action: 'organization.create' });
    expect(created.subject).toEqual(expect.objectContaining({ name: 'Kingston Welcome Centre', nameFr: 'Centre d’accueil de Kingston' }));
  });

  it('masks a field the viewer may not read whatever its value, and names no record they may not read', async () => {
    const owner = await userId(api, 'STAFF');
    const person = await createPerson(api, { firstName: 'Yusuf', lastName: 'Haddad', provinceCode: 'ON', ownerId: owner });
    // An entry whose values are not masked in storage (as an older entry or another writer could leave it).
    await api.dataSource.query(
      `INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes) VALUES ($1, 'STAFF', 'person.update', 'Person', $2, $3)`,
      [
        owner,
        person.id,
        JSON.stringify({ livedExperience: { from: null, to: true }, consentPhone: { from: false, to: true }, ownerId: { from: null, to: owner } }),
      ],
    );
    const log = api.app.get(AuditLogService);
    const view = async (actor: Parameters<typeof defineAbilityFor>[0]) => {
      const page = await log.list({ ability: defineAbilityFor(actor) }, { subjectId: person.id, action: 'person.update' }, 5, null);
      return page.nodes[0];
    };

    const admin = await view({ id: await userId(api, 'ADMIN'), role: 'ADMIN', provinceCodes: [], organizationId: null });
    expect(admin.fieldChanges.find((c) => c.field === 'livedExperience')).toEqual(expect.objectContaining({ masked: false, to: true }));

    // An Ontario coordinator reads the person but not, not owning them, their lived experience:
    // masked, though one side is empty (an empty side would tell "it was not set").
    const ontario = await view({ id: await userId(api, 'COORDINATOR'), role: 'COORDINATOR', provinceCodes: ['ON'], organizationId: null });
    expect(ontario.subject?.name).toBe('Yusuf Haddad');
    expect(ontario.fieldChanges.find((c) => c.field === 'livedExperience')).toEqual(expect.objectContaining({ masked: true, from: null, to: null }));
    expect(ontario.changes.livedExperience).toEqual({ from: '•••', to: '•••' });
    expect(ontario.fieldChanges.find((c) => c.field === 'consentPhone')).toEqual(expect.objectContaining({ masked: false, from: false, to: true }));

    // A Quebec coordinator may not read the person at all: no name, every field masked.
    const quebec = await view({ id: await userId(api, 'COORDINATOR_QC'), role: 'COORDINATOR', provinceCodes: ['QC'], organizationId: null });
    expect(quebec.subject).toEqual(expect.objectContaining({ name: null }));
    expect(quebec.fieldChanges.every((c) => c.masked && c.from === null && c.to === null && c.toRecord === null)).toBe(true);
    expect(JSON.stringify(quebec)).not.toMatch(/Yusuf|Haddad/);

    // A funder reads no person: the same.
    const funder = await view({ id: await userId(api, 'FUNDER'), role: 'FUNDER', provinceCodes: [], organizationId: null });
    expect(funder.subject?.name).toBeNull();
    expect(funder.fieldChanges.every((c) => c.masked)).toBe(true);
  });

  it('names the campaign domains’ records (events, stories, toolkit items, campaigns) where the viewer may read them', async () => {
    const campaignId = await defaultCampaignId(api);
    const { campaign } = ok<{ campaign: { nameEn: string; nameFr: string } }>(
      await api.graphql(`query($id: ID!) { campaign(id: $id) { nameEn nameFr } }`, { id: campaignId }, await api.tokenFor('STAFF')),
    );
    const { createEvent: event } = ok<{ createEvent: { id: string } }>(
      await api.graphql(
        `mutation($input: CreateEventInputType!) { createEvent(input: $input) { id } }`,
        {
          input: {
            titleEn: 'Vigil in Kingston',
            titleFr: 'Veille à Kingston',
            kind: 'vigil',
            provinceCode: 'ON',
            timeZone: 'America/Toronto',
            startsAt: '2026-04-04T19:00',
            endsAt: '2026-04-04T21:00',
          },
        },
        await api.tokenFor('STAFF'),
      ),
    );
    const story = await createStory(api, { title: 'A bakery in Gatineau', provinceCode: 'QC' });
    const { createToolkitItem: item } = ok<{ createToolkitItem: { id: string } }>(
      await api.graphql(
        `mutation($input: CreateToolkitItemInputType!) { createToolkitItem(input: $input) { id } }`,
        { input: { kind: 'booklet', language: 'en', titleEn: 'Know your rights flyer', titleFr: 'Dépliant « Connaître ses droits »' } },
        await api.tokenFor('STAFF'),
      ),
    );

    const [eventEntry] = await asAdmin({ subjectId: event.id, action: 'event.create' });
    expect(eventEntry.subject).toEqual(expect.objectContaining({ name: 'Vigil in Kingston', nameFr: 'Veille à Kingston' }));
    const campaignChange = eventEntry.fieldChanges.find((change) => change.field === 'campaignId');
    expect(campaignChange?.toRecord).toEqual(expect.objectContaining({ name: campaign.nameEn }));
    // An RSVP names whose answer it records (the person, where the viewer may read them).
    const guest = await createPerson(api, { firstName: 'Farah', lastName: 'Nasser', provinceCode: 'ON' });
    ok(
      await api.graphql(
        `mutation($input: RsvpInputType!) { rsvpToEvent(input: $input) { response } }`,
        { input: { eventId: event.id, personId: guest.id, response: 'yes' } },
        await api.tokenFor('STAFF'),
      ),
    );
    const [rsvp] = await asAdmin({ subjectId: event.id, action: 'event.rsvp' });
    expect(rsvp.fieldChanges.map((change) => [change.field, change.from, change.to])).toEqual([
      ['personId', guest.id, guest.id],
      ['response', null, 'yes'],
    ]);
    expect(rsvp.fieldChanges[0].toRecord).toEqual(expect.objectContaining({ name: 'Farah Nasser' }));

    const [storyEntry] = await asAdmin({ subjectId: story.id, action: 'story.create' });
    expect(storyEntry.subject).toEqual(expect.objectContaining({ name: 'A bakery in Gatineau' }));
    const [itemEntry] = await asAdmin({ subjectId: item.id });
    expect(itemEntry.subject).toEqual(expect.objectContaining({ name: 'Know your rights flyer', nameFr: 'Dépliant « Connaître ses droits »' }));

    // Out of the viewer's scope: no name, whatever the record is called.
    const log = api.app.get(AuditLogService);
    const subjectAs = async (actor: Parameters<typeof defineAbilityFor>[0], subjectId: string) =>
      (await log.list({ ability: defineAbilityFor(actor) }, { subjectId }, 5, null)).nodes[0];
    const quebec = { id: await userId(api, 'COORDINATOR_QC'), role: 'COORDINATOR' as const, provinceCodes: ['QC'], organizationId: null };
    const ontario = { id: await userId(api, 'COORDINATOR'), role: 'COORDINATOR' as const, provinceCodes: ['ON'], organizationId: null };
    expect((await subjectAs(quebec, event.id)).subject?.name).toBeNull();
    const rsvpAsQuebec = (await log.list({ ability: defineAbilityFor(quebec) }, { subjectId: event.id, action: 'event.rsvp' }, 5, null)).nodes[0];
    expect(JSON.stringify(rsvpAsQuebec)).not.toContain('Farah');
    expect((await subjectAs(ontario, event.id)).subject?.name).toBe('Vigil in Kingston');
    expect((await subjectAs(ontario, story.id)).subject?.name).toBeNull();
    expect((await subjectAs(quebec, story.id)).subject?.name).toBe('A bakery in Gatineau');
    const funder = { id: await userId(api, 'FUNDER'), role: 'FUNDER' as const, provinceCodes: [], organizationId: null };
    expect(JSON.stringify(await subjectAs(funder, event.id))).not.toContain('Kingston');
  });

  it('is ADMIN’s only', async () => {
    const result = await api.graphql(entries, { filter: {} }, await api.tokenFor('STAFF'));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
