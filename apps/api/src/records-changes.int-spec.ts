import { createHash, randomBytes } from 'node:crypto';
import { MASKED } from '@crm/platform';
import { ApiHarness } from './testing/api-harness';
import {
  countRows,
  createOrganization,
  createPerson,
  errorCode,
  ok,
  organizationFields,
  organizationRow,
  personFields,
  personRow,
  userId,
  type CreatedOrganization,
  type CreatedPerson,
} from './testing/records-fixtures';

const updatePersonDoc = `mutation($input: UpdatePersonInputType!) { updatePerson(input: $input) { ${personFields} } }`;
const updateOrganizationDoc = `mutation($input: UpdateOrganizationInputType!) { updateOrganization(input: $input) { ${organizationFields} } }`;
const mergePeopleDoc = `mutation($input: MergeRecordsInputType!) { mergePeople(input: $input) { ${personFields} } }`;
const mergeOrganizationsDoc = `mutation($input: MergeRecordsInputType!) { mergeOrganizations(input: $input) { ${organizationFields} } }`;

describe('records: creating, changing, archiving and merging', () => {
  let api: ApiHarness;
  let staff: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    staff = await api.tokenFor('STAFF');
  });
  afterAll(() => api?.close());

  const auditEntries = (subjectId: string): Promise<{ action: string; changes: Record<string, { from: unknown; to: unknown }>; actor_role: string }[]> =>
    api.dataSource.query(`SELECT action, changes, actor_role FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [subjectId]);
  const activityOf = (type: string, id: string): Promise<{ kind: string; record_id: string; summary: Record<string, unknown> }[]> =>
    api.dataSource.query(`SELECT kind, record_id, summary FROM activity WHERE subject_type = $1 AND subject_id = $2 ORDER BY id`, [type, id]);

  describe('creating', () => {
    it('creates an organization with normalised contact details, an audit entry (contact values masked) and a timeline entry', async () => {
      const org = await createOrganization(api, {
        nameEn: 'Halifax Refugee Clinic',
        kind: 'legal_clinic',
        membership: 'member',
        membershipSince: '2012-04-04',
        provinceCode: 'NS',
        city: 'Halifax',
        postalCode: 'b3j1s9',
        email: 'Info@Clinic.example.org',
        phone: '(902) 555-0188 ext. 4',
        website: 'clinic.example.org',
        tags: ['legal-aid', 'fair-hearing'],
        notes: 'Runs IRB hearing preparation nights',
      });
      expect(org).toMatchObject({
        nameFr: 'Halifax Refugee Clinic',
        postalCode: 'B3J 1S9',
        email: 'info@clinic.example.org',
        phone: '+19025550188;ext=4',
        website: 'https://clinic.example.org',
        version: 1,
        archivedAt: null,
      });
      const [audit] = await auditEntries(org.id);
      expect(audit.action).toBe('organization.create');
      expect(audit.changes.email).toEqual({ from: null, to: MASKED });
      expect(audit.changes.notes).toEqual({ from: null, to: MASKED });
      expect(audit.changes.nameEn).toEqual({ from: null, to: 'Halifax Refugee Clinic' });
      expect((await activityOf('Organization', org.id)).map((a) => a.kind)).toEqual(['record.created']);
    });

    it('creates a person with affiliations; personal values are masked in the audit log; organizations get a timeline entry', async () => {
      const org = await createOrganization(api, { nameEn: 'Winnipeg Welcome Place', provinceCode: 'MB' });
      const person = await createPerson(api, {
        firstName: ' Amina ',
        lastName: 'Hassan',
        provinceCode: 'MB',
        emails: ['Amina@Example.org'],
        phones: ['204 555 0123'],
        leaderCategory: 'faith',
        tags: ['interfaith'],
        affiliations: [{ organizationId: org.id, title: 'Imam' }],
      });
      expect(person).toMatchObject({
        firstName: 'Amina',
        emails: ['amina@example.org'],
        phones: ['+12045550123'],
        engagementStage: 'identified',
        ownerId: null,
      });
      expect(person.affiliations).toEqual([{ title: 'Imam', organization: { id: org.id, nameEn: 'Winnipeg Welcome Place' } }]);
      const [audit] = await auditEntries(person.id);
      expect(audit.changes.firstName).toEqual({ from: null, to: MASKED });
      expect(audit.changes.emails).toEqual({ from: null, to: MASKED });
      expect(audit.changes.affiliations).toEqual({ from: null, to: MASKED });
      expect(audit.changes.provinceCode).toEqual({ from: null, to: 'MB' });
      expect(JSON.stringify(audit)).not.toMatch(/Amina|Hassan|example\.org|Imam/);
      expect((await activityOf('Organization', org.id)).map((a) => [a.kind, a.summary])).toEqual([
        ['record.created', {}],
        ['affiliation.added', { personId: person.id }],
      ]);
    });

    it('a coordinator who adds a person owns them', async () => {
      const person = await createPerson(api, { firstName: 'Chloé', provinceCode: 'ON' }, 'COORDINATOR');
      expect(person.ownerId).toBe(await userId(api, 'COORDINATOR'));
      expect(person.createdById).toBe(person.ownerId);
    });
  });

  describe('bad input names the field and changes nothing', () => {
    const cases: [string, Record<string, unknown>, (string | number)[]][] = [
      ['an invalid e-mail', { emails: ['ok@example.org', 'not-an-email'] }, ['input', 'emails', 1]],
      ['an invalid phone', { phones: ['555-12'] }, ['input', 'phones', 0]],
      ['an unknown province', { provinceCode: 'ZZ' }, ['input', 'provinceCode']],
      ['oversize notes', { notes: 'x'.repeat(10_001) }, ['input', 'notes']],
      ['an oversize first name', { firstName: 'x'.repeat(101) }, ['input', 'firstName']],
      ['a tag not in the vocabulary', { tags: ['interfaith', 'no-such-tag'] }, ['input', 'tags', 1]],
      ['a tag of the wrong form', { tags: ['Not A Tag'] }, ['input', 'tags', 0]],
      ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t-${i}`) }, ['input', 'tags']],
      [
        'an unknown organization',
        { affiliations: [{ organizationId: '00000000-0000-4000-8000-00000000beef' }] },
        ['input', 'affiliations', 0, 'organizationId'],
      ],
      ['an owner who is not staff', { ownerId: '00000000-0000-4000-8000-00000000beef' }, ['input', 'ownerId']],
    ];

    it.each(cases)('creating a person with %s', async (_name, input, path) => {
      const counts = [await countRows(api, 'person'), await countRows(api, 'audit_entry'), await countRows(api, 'activity')];
      const result = await api.graphql(
        `mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }`,
        { input: { firstName: 'Test', provinceCode: 'ON', ...input } },
        staff,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields?.map((f) => f.path)).toContainEqual(path);
      expect([await countRows(api, 'person'), await countRows(api, 'audit_entry'), await countRows(api, 'activity')]).toEqual(counts);
    });

    const organizationCases: [string, Record<string, unknown>, (string | number)[]][] = [
      ['a malformed postal code', { postalCode: '12345' }, ['input', 'postalCode']],
      ['a postal code of another province', { postalCode: 'H2X 1Y4' }, ['input', 'postalCode']],
      ['an invalid website', { website: 'not a website' }, ['input', 'website']],
      ['an empty name', { nameEn: '  ' }, ['input', 'nameEn']],
    ];

    it.each(organizationCases)('updating an organization with %s', async (_name, input, path) => {
      const org = await createOrganization(api, { nameEn: `Bad input ${_name}`, provinceCode: 'ON' });
      const before = await organizationRow(api, org.id);
      const result = await api.graphql(updateOrganizationDoc, { input: { id: org.id, version: org.version, ...input } }, staff);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields?.map((f) => f.path)).toContainEqual(path);
      expect(await organizationRow(api, org.id)).toEqual(before);
    });
  });

  describe('versions', () => {
    it('updating a person against a stale version answers CONFLICT and changes nothing', async () => {
      const person = await createPerson(api, { firstName: 'Wei', lastName: 'Chen', provinceCode: 'BC', city: 'Vancouver' });
      ok(await api.graphql(updatePersonDoc, { input: { id: person.id, version: person.version, city: 'Surrey' } }, staff));
      const before = await personRow(api, person.id);
      const audits = await countRows(api, 'audit_entry');
      const stale = await api.graphql(updatePersonDoc, { input: { id: person.id, version: person.version, city: 'Victoria', tags: ['youth'] } }, staff);
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(await personRow(api, person.id)).toEqual(before);
      expect(await countRows(api, 'audit_entry')).toBe(audits);
    });

    it('updating an organization against a stale version answers CONFLICT and changes nothing', async () => {
      const org = await createOrganization(api, { nameEn: 'Regina Open Door', provinceCode: 'SK' });
      ok(await api.graphql(updateOrganizationDoc, { input: { id: org.id, version: 1, city: 'Regina' } }, staff));
      const before = await organizationRow(api, org.id);
      const stale = await api.graphql(updateOrganizationDoc, { input: { id: org.id, version: 1, city: 'Saskatoon' } }, staff);
      expect(errorCode(stale)).toBe('CONFLICT');
      expect(await organizationRow(api, org.id)).toEqual(before);
    });

    it('an update bumps the version, records changed fields only (personal ones masked) and a timeline entry', async () => {
      const person = await createPerson(api, { firstName: 'Rania', lastName: 'Nasser', provinceCode: 'AB', city: 'Calgary' });
      const updated = ok<{ updatePerson: CreatedPerson }>(
        await api.graphql(updatePersonDoc, { input: { id: person.id, version: 1, city: 'Edmonton', lastName: 'Nasser-Ali', doNotContact: true } }, staff),
      ).updatePerson;
      expect(updated).toMatchObject({ version: 2, city: 'Edmonton', lastName: 'Nasser-Ali', doNotContact: true });
      const [, audit] = await auditEntries(person.id);
      expect(audit.action).toBe('person.update');
      expect(audit.changes).toEqual({ city: { from: MASKED, to: MASKED }, lastName: { from: MASKED, to: MASKED }, doNotContact: { from: false, to: true } });
      const activity = await activityOf('Person', person.id);
      expect(activity[1]).toMatchObject({ kind: 'record.updated', summary: { fields: ['lastName', 'city', 'doNotContact'] } });
    });

    it('affiliations given in an update replace the ones the caller can see', async () => {
      const a = await createOrganization(api, { nameEn: 'Kelowna Welcome', provinceCode: 'BC' });
      const b = await createOrganization(api, { nameEn: 'Victoria Welcome', provinceCode: 'BC' });
      const person = await createPerson(api, { firstName: 'Inés', provinceCode: 'BC', affiliations: [{ organizationId: a.id, title: 'Chair' }] });
      const updated = ok<{ updatePerson: CreatedPerson }>(
        await api.graphql(updatePersonDoc, { input: { id: person.id, version: 1, affiliations: [{ organizationId: b.id, title: 'Treasurer' }] } }, staff),
      ).updatePerson;
      expect(updated.affiliations).toEqual([{ title: 'Treasurer', organization: { id: b.id, nameEn: 'Victoria Welcome' } }]);
      expect((await activityOf('Organization', a.id)).map((x) => x.kind)).toContain('affiliation.removed');
      expect((await activityOf('Organization', b.id)).map((x) => x.kind)).toContain('affiliation.added');
    });
  });

  describe('archiving', () => {
    it('an archived person leaves the default list, shows among archived ones, and comes back when restored', async () => {
      const person = await createPerson(api, { firstName: 'Zoé', lastName: 'Archivable', provinceCode: 'PE' });
      const archived = ok<{ archivePerson: { archivedAt: string; version: number } }>(
        await api.graphql(
          'mutation($input: RecordVersionInputType!) { archivePerson(input: $input) { archivedAt version } }',
          { input: { id: person.id, version: 1 } },
          staff,
        ),
      ).archivePerson;
      expect(archived.archivedAt).not.toBeNull();
      const list = async (archivedFilter: boolean) =>
        ok<{ people: { nodes: { id: string }[] } }>(
          await api.graphql(`{ people(filter: { provinceCodes: ["PE"], archived: ${archivedFilter} }) { nodes { id } } }`, {}, staff),
        ).people.nodes.map((n) => n.id);
      expect(await list(false)).not.toContain(person.id);
      expect(await list(true)).toContain(person.id);
      ok(
        await api.graphql(
          'mutation($input: RecordVersionInputType!) { restorePerson(input: $input) { id } }',
          { input: { id: person.id, version: archived.version } },
          staff,
        ),
      );
      expect(await list(false)).toContain(person.id);
      expect((await auditEntries(person.id)).map((a) => a.action)).toEqual(['person.create', 'person.archive', 'person.restore']);
    });
  });

  describe('merging people', () => {
    let org1: CreatedOrganization;
    let org2: CreatedOrganization;
    let survivor: CreatedPerson;
    let duplicate: CreatedPerson;

    beforeAll(async () => {
      org1 = await createOrganization(api, { nameEn: 'Sherbrooke Accueil', provinceCode: 'QC' });
      org2 = await createOrganization(api, { nameEn: 'Estrie Refugee Network', provinceCode: 'QC' });
      survivor = await createPerson(api, {
        firstName: 'Mohammed',
        lastName: 'Ali',
        provinceCode: 'QC',
        emails: ['m.ali@example.org'],
        consentEmail: true,
        affiliations: [{ organizationId: org1.id, title: null }],
      });
      duplicate = await createPerson(api, {
        firstName: 'Mohamed',
        lastName: 'Ali',
        provinceCode: 'QC',
        city: 'Sherbrooke',
        emails: ['mohamed.ali@example.org', 'm.ali@example.org'],
        phones: ['819-555-0111'],
        consentEmail: false,
        tags: ['speaker'],
        notes: 'Spoke at the vigil',
        affiliations: [
          { organizationId: org1.id, title: 'Board member' },
          { organizationId: org2.id, title: 'Volunteer' },
        ],
      });
    });

    it('a stale version answers CONFLICT and merges nothing', async () => {
      const before = [await personRow(api, survivor.id), await personRow(api, duplicate.id)];
      const result = await api.graphql(
        mergePeopleDoc,
        { input: { survivorId: survivor.id, survivorVersion: 1, duplicateId: duplicate.id, duplicateVersion: 7 } },
        staff,
      );
      expect(errorCode(result)).toBe('CONFLICT');
      expect([await personRow(api, survivor.id), await personRow(api, duplicate.id)]).toEqual(before);
    });

    it('a person cannot be merged into itself', async () => {
      const result = await api.graphql(
        mergePeopleDoc,
        { input: { survivorId: survivor.id, survivorVersion: 1, duplicateId: survivor.id, duplicateVersion: 1 } },
        staff,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields?.[0].path).toEqual(['input', 'duplicateId']);
    });

    it('moves affiliations and activity to the survivor, archives the duplicate with a pointer, and audits it', async () => {
      const merged = ok<{ mergePeople: CreatedPerson & Record<string, unknown> }>(
        await api.graphql(mergePeopleDoc, { input: { survivorId: survivor.id, survivorVersion: 1, duplicateId: duplicate.id, duplicateVersion: 1 } }, staff),
      ).mergePeople;
      expect(merged).toMatchObject({
        id: survivor.id,
        version: 2,
        firstName: 'Mohammed',
        city: 'Sherbrooke',
        emails: ['m.ali@example.org', 'mohamed.ali@example.org'],
        phones: ['+18195550111'],
        tags: ['speaker'],
        notes: 'Spoke at the vigil',
        // The stricter consent wins.
        consentEmail: false,
      });
      // Same organization twice: one affiliation, the duplicate's title filling the survivor's blank.
      expect(merged.affiliations.map((a) => [a.organization.id, a.title]).sort()).toEqual(
        [
          [org1.id, 'Board member'],
          [org2.id, 'Volunteer'],
        ].sort(),
      );
      const gone = await personRow(api, duplicate.id);
      expect(gone.merged_into_id).toBe(survivor.id);
      expect(gone.archived_at).not.toBeNull();
      expect(await api.dataSource.query(`SELECT 1 FROM affiliation WHERE person_id = $1`, [duplicate.id])).toEqual([]);

      const timeline = ok<{ timeline: { nodes: { kind: string; recordId: string }[] } }>(
        await api.graphql(`{ timeline(subjectType: Person, subjectId: "${survivor.id}") { nodes { kind recordId } } }`, {}, staff),
      ).timeline.nodes;
      // The duplicate's history is the survivor's now, newest first.
      expect(timeline.map((n) => n.kind)).toEqual(['record.merged', 'record.created', 'record.created']);
      expect(timeline.map((n) => n.recordId)).toContain(duplicate.id);
      expect((await activityOf('Person', duplicate.id)).map((a) => a.kind)).toEqual(['record.mergedInto']);

      const audits = await api.dataSource.query(`SELECT action, subject_id, changes FROM audit_entry WHERE action LIKE 'person.merge%' ORDER BY id`);
      expect(audits.map((a: { action: string; subject_id: string }) => [a.action, a.subject_id])).toEqual([
        ['person.merge', survivor.id],
        ['person.mergedInto', duplicate.id],
      ]);
      expect(audits[0].changes.mergedFromId).toEqual({ from: null, to: duplicate.id });
      expect(audits[0].changes.moved.to).toMatchObject({ affiliations: 2, activity: 1 });
      expect(audits[0].changes.emails).toEqual({ from: MASKED, to: MASKED });
    });

    it('a merged duplicate cannot be restored nor merged again', async () => {
      const [{ version }] = await api.dataSource.query(`SELECT version FROM person WHERE id = $1`, [duplicate.id]);
      const restore = await api.graphql(
        'mutation($input: RecordVersionInputType!) { restorePerson(input: $input) { id } }',
        { input: { id: duplicate.id, version } },
        staff,
      );
      expect(errorCode(restore)).toBe('BAD_USER_INPUT');
      const other = await createPerson(api, { firstName: 'Other', provinceCode: 'QC' });
      const again = await api.graphql(
        mergePeopleDoc,
        { input: { survivorId: other.id, survivorVersion: 1, duplicateId: duplicate.id, duplicateVersion: version } },
        staff,
      );
      expect(errorCode(again)).toBe('BAD_USER_INPUT');
    });
  });

  describe('merging organizations', () => {
    it('moves people, member contacts and activity to the survivor and archives the duplicate', async () => {
      const survivor = await createOrganization(api, { nameEn: 'Moncton Newcomer Centre', provinceCode: 'NB', tags: ['francophone'] });
      const duplicate = await createOrganization(api, {
        nameEn: 'Moncton Newcomers Center',
        provinceCode: 'NB',
        email: 'hello@moncton.example.org',
        tags: ['rural'],
      });
      const shared = await createPerson(api, {
        firstName: 'Léa',
        provinceCode: 'NB',
        affiliations: [
          { organizationId: survivor.id, title: 'Director' },
          { organizationId: duplicate.id, title: 'Founder' },
        ],
      });
      const onlyDuplicate = await createPerson(api, {
        firstName: 'Noah',
        provinceCode: 'NB',
        affiliations: [{ organizationId: duplicate.id, title: 'Volunteer' }],
      });
      const [member] = await api.dataSource.query(
        `INSERT INTO app_user (email, name, role, organization_id) VALUES ('moncton-member@example.org', 'Moncton Member', 'MEMBER', $1) RETURNING id`,
        [duplicate.id],
      );
      // The member contact is signed in (their session cached) while the merge happens.
      const memberToken = randomBytes(32).toString('base64url');
      await api.dataSource.query(`INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
        member.id,
        createHash('sha256').update(memberToken).digest(),
      ]);
      expect(ok<{ organization: { id: string } }>(await api.graphql(`{ organization(id: "${duplicate.id}") { id } }`, {}, memberToken)).organization.id).toBe(
        duplicate.id,
      );

      const merged = ok<{ mergeOrganizations: CreatedOrganization }>(
        await api.graphql(
          mergeOrganizationsDoc,
          { input: { survivorId: survivor.id, survivorVersion: 1, duplicateId: duplicate.id, duplicateVersion: 1 } },
          staff,
        ),
      ).mergeOrganizations;
      expect(merged).toMatchObject({ id: survivor.id, email: 'hello@moncton.example.org', tags: ['francophone', 'rural'], version: 2 });

      const people = ok<{ organization: { people: { id: string }[] } }>(
        await api.graphql(`{ organization(id: "${survivor.id}") { people { id } } }`, {}, staff),
      ).organization.people;
      expect(people.map((p) => p.id).sort()).toEqual([shared.id, onlyDuplicate.id].sort());
      const [{ title }] = await api.dataSource.query(`SELECT title FROM affiliation WHERE person_id = $1 AND organization_id = $2`, [shared.id, survivor.id]);
      expect(title).toBe('Director');
      const [user] = await api.dataSource.query(`SELECT organization_id FROM app_user WHERE id = $1`, [member.id]);
      expect(user.organization_id).toBe(survivor.id);
      // Their very next request acts for the survivor.
      expect(ok<{ organization: { id: string } }>(await api.graphql(`{ organization(id: "${survivor.id}") { id } }`, {}, memberToken)).organization.id).toBe(
        survivor.id,
      );
      const dup = await organizationRow(api, duplicate.id);
      expect(dup.merged_into_id).toBe(survivor.id);
      expect(dup.archived_at).not.toBeNull();
      const kinds = (await activityOf('Organization', survivor.id)).map((a) => a.kind);
      expect(kinds.filter((k) => k === 'record.created')).toHaveLength(2);
      expect(kinds).toContain('record.merged');
      const [audit] = await api.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'organization.merge' AND subject_id = $1`, [survivor.id]);
      expect(audit.changes.moved.to).toMatchObject({ affiliations: 2, memberContacts: 1 });
    });

    it('a coordinator cannot merge organizations', async () => {
      const a = await createOrganization(api, { nameEn: 'Hamilton A', provinceCode: 'ON' });
      const b = await createOrganization(api, { nameEn: 'Hamilton B', provinceCode: 'ON' });
      const result = await api.graphql(
        mergeOrganizationsDoc,
        { input: { survivorId: a.id, survivorVersion: 1, duplicateId: b.id, duplicateVersion: 1 } },
        await api.tokenFor('COORDINATOR'),
      );
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect((await organizationRow(api, b.id)).merged_into_id).toBeNull();
    });
  });

  describe('timeline', () => {
    it('pages newest first with a cursor', async () => {
      const org = await createOrganization(api, { nameEn: 'Timeline Org', provinceCode: 'YT' });
      let version = org.version;
      for (const city of ['Whitehorse', 'Dawson City', 'Watson Lake']) {
        version = ok<{ updateOrganization: { version: number } }>(await api.graphql(updateOrganizationDoc, { input: { id: org.id, version, city } }, staff))
          .updateOrganization.version;
      }
      const page = async (after: string | null) =>
        ok<{ timeline: { nodes: { id: string; kind: string; actorName: string | null }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
          await api.graphql(
            'query($id: ID!, $after: String) { timeline(subjectType: Organization, subjectId: $id, first: 3, after: $after) { nodes { id kind actorName } ' +
              'pageInfo { endCursor hasNextPage } } }',
            { id: org.id, after },
            await api.tokenFor('ADMIN'),
          ),
        ).timeline;
      const first = await page(null);
      expect(first.nodes.map((n) => n.kind)).toEqual(['record.updated', 'record.updated', 'record.updated']);
      expect(first.nodes[0].actorName).toBe('Sam Staff');
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(first.pageInfo.endCursor);
      expect(second.nodes.map((n) => n.kind)).toEqual(['record.created']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('hides who did it from those who may not read user names', async () => {
      const org = await createOrganization(api, { nameEn: 'Who Did It', provinceCode: 'ON' });
      const nodes = ok<{ timeline: { nodes: { actorId: string; actorName: string | null }[] } }>(
        await api.graphql(
          `{ timeline(subjectType: Organization, subjectId: "${org.id}") { nodes { actorId actorName } } }`,
          {},
          await api.tokenFor('COORDINATOR'),
        ),
      ).timeline.nodes;
      expect(nodes).toEqual([{ actorId: await userId(api, 'STAFF'), actorName: null }]);
    });
  });
});
