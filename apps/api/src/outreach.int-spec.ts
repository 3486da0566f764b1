import { randomUUID } from 'node:crypto';
import { ApiHarness } from './testing/api-harness';
import { createOrganization, createPerson, errorCode, ok, userId } from './testing/records-fixtures';

const outreachFields =
  'id version clientId personId campaignId channel occurredOn outcome notes policyAskId followUpOn followUpOwnerId followUpDoneAt createdById';

interface Outreach {
  id: string;
  version: number;
  personId: string;
  outcome: string;
  followUpOn: string | null;
  followUpOwnerId: string | null;
  followUpDoneAt: string | null;
}

describe('outreach: logged once, scoped to regions, audited, on timelines, moving the ladder', () => {
  let api: ApiHarness;
  let staff: string;
  let ontario: string;
  let quebec: string;
  let ontarioId: string;
  let orgId: string;
  let onPerson: string;
  let qcPerson: string;

  beforeAll(async () => {
    api = await ApiHarness.start();
    staff = await api.tokenFor('STAFF');
    ontario = await api.tokenFor('COORDINATOR');
    quebec = await api.tokenFor('COORDINATOR_QC');
    ontarioId = await userId(api, 'COORDINATOR');
    orgId = (await createOrganization(api, { nameEn: 'Hamilton Faith Table', nameFr: 'Table des cultes de Hamilton', provinceCode: 'ON' })).id;
    onPerson = (await createPerson(api, { firstName: 'Amina', lastName: 'Haddad', provinceCode: 'ON', affiliations: [{ organizationId: orgId }] })).id;
    qcPerson = (await createPerson(api, { firstName: 'Luc', lastName: 'Tremblay', provinceCode: 'QC' })).id;
  });
  afterAll(() => api?.close());

  const log = (input: Record<string, unknown>, token: string) =>
    api.graphql(`mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { ${outreachFields} } }`, { input }, token);
  const update = (input: Record<string, unknown>, token: string) =>
    api.graphql(`mutation($input: UpdateOutreachInputType!) { updateOutreach(input: $input) { ${outreachFields} } }`, { input }, token);
  const stageOf = async (personId: string) => (await api.dataSource.query(`SELECT engagement_stage AS s FROM person WHERE id = $1`, [personId]))[0].s;

  it('a coordinator logs a contact; the same client id again answers the same outreach and records nothing twice', async () => {
    const clientId = randomUUID();
    const input = { clientId, personId: onPerson, channel: 'meeting', outcome: 'interested', occurredOn: '2026-11-12', notes: 'Met at the mosque' };
    const first = ok<{ logOutreach: Outreach }>(await log(input, ontario)).logOutreach;
    const again = ok<{ logOutreach: Outreach }>(await log(input, ontario)).logOutreach;
    expect(again.id).toBe(first.id);
    // Two at once (a retry racing the first attempt): still one row.
    const racing = { ...input, clientId: randomUUID() };
    const [a, b] = await Promise.all([log(racing, ontario), log(racing, ontario)]);
    expect(ok<{ logOutreach: Outreach }>(a).logOutreach.id).toBe(ok<{ logOutreach: Outreach }>(b).logOutreach.id);
    const rows = await api.dataSource.query(`SELECT count(*)::int AS n FROM outreach WHERE client_id = ANY($1::uuid[])`, [[clientId, racing.clientId]]);
    expect(rows[0].n).toBe(2);
    expect(first).toMatchObject({ createdById: ontarioId, occurredOn: '2026-11-12', outcome: 'interested' });

    const audit = await api.dataSource.query(`SELECT action, changes FROM audit_entry WHERE subject_type = 'Outreach' AND subject_id = $1`, [first.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('outreach.create');
    expect(JSON.stringify(audit[0].changes)).not.toContain('mosque');
    const timeline = await api.dataSource.query(
      `SELECT subject_type AS "subjectType", subject_id AS "subjectId" FROM activity WHERE record_id = $1 AND kind = 'outreach.created' ORDER BY subject_type`,
      [first.id],
    );
    expect(timeline).toEqual([
      { subjectType: 'Organization', subjectId: orgId },
      { subjectType: 'Person', subjectId: onPerson },
    ]);
    expect(await stageOf(onPerson)).toBe('engaged');
  });

  it('a client id reused for another person is refused', async () => {
    const clientId = randomUUID();
    ok(await log({ clientId, personId: onPerson, channel: 'call', outcome: 'noAnswer' }, ontario));
    const other = await log({ clientId, personId: qcPerson, channel: 'call', outcome: 'noAnswer' }, staff);
    expect(other.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'clientId'], code: 'clientIdTaken' })]);
  });

  it('logging checks the person, the campaign and its ask, and takes "today" in the user’s zone; a refusal writes nothing', async () => {
    const count = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM outreach`))[0].n;
    const fieldsOf = (result: Awaited<ReturnType<typeof log>>) => result.errors?.[0].extensions?.fields;
    const created = ok<{ createCampaign: { id: string; policyAsks: { id: string }[] } }>(
      await api.graphql(
        `mutation($input: CreateCampaignInputType!) { createCampaign(input: $input) { id policyAsks { id } } }`,
        { input: { nameEn: 'Other asks', nameFr: 'Autres demandes', policyAsks: [{ titleEn: 'Fund it', titleFr: 'Financez-le' }] } },
        staff,
      ),
    ).createCampaign;
    const otherAsk = created.policyAsks[0].id;
    const [defaultAsk] = await api.dataSource.query(`SELECT pa.id FROM policy_ask pa JOIN campaign c ON c.id = pa.campaign_id WHERE c.is_default LIMIT 1`);
    const archived = (await createPerson(api, { firstName: 'Gone', lastName: 'Away', provinceCode: 'ON' })).id;
    await api.dataSource.query(`UPDATE person SET archived_at = now() WHERE id = $1`, [archived]);
    const before = await count();
    const base = { personId: onPerson, channel: 'call', outcome: 'noAnswer', occurredOn: '2026-11-20' };

    expect(fieldsOf(await log({ ...base, personId: archived }, ontario))).toEqual([
      expect.objectContaining({ path: ['input', 'personId'], code: 'personUnknown' }),
    ]);
    expect(fieldsOf(await log({ ...base, personId: randomUUID() }, ontario))).toEqual([
      expect.objectContaining({ path: ['input', 'personId'], code: 'personUnknown' }),
    ]);
    expect(fieldsOf(await log({ ...base, campaignId: randomUUID() }, ontario))).toEqual([
      expect.objectContaining({ path: ['input', 'campaignId'], code: 'campaignUnknown' }),
    ]);
    // An ask of another campaign than the (default) one the contact goes to; the person is checked first.
    expect(fieldsOf(await log({ ...base, policyAskId: otherAsk }, ontario))).toEqual([
      expect.objectContaining({ path: ['input', 'policyAskId'], code: 'policyAskUnknown' }),
    ]);
    expect(fieldsOf(await log({ ...base, personId: qcPerson, policyAskId: otherAsk }, ontario))).toEqual([
      expect.objectContaining({ path: ['input', 'personId'], code: 'personUnknown' }),
    ]);
    expect(await count()).toBe(before);

    const inOther = ok<{ logOutreach: Outreach & { campaignId: string; policyAskId: string } }>(
      await log({ ...base, campaignId: created.id, policyAskId: otherAsk }, ontario),
    ).logOutreach;
    expect(inOther).toMatchObject({ campaignId: created.id, policyAskId: otherAsk });
    if (defaultAsk)
      expect(ok<{ logOutreach: { policyAskId: string } }>(await log({ ...base, policyAskId: defaultAsk.id }, ontario)).logOutreach.policyAskId).toBe(
        defaultAsk.id,
      );

    // No date sent: today where the recorder is (Kiritimati is UTC+14), else the office's.
    const todayIn = (zone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await api.dataSource.query(`UPDATE app_user SET time_zone = 'Pacific/Kiritimati' WHERE id = $1`, [ontarioId]);
    try {
      const expected = todayIn('Pacific/Kiritimati');
      const undated = ok<{ logOutreach: { occurredOn: string } }>(await log({ ...base, occurredOn: undefined }, ontario)).logOutreach;
      expect([expected, todayIn('Pacific/Kiritimati')]).toContain(undated.occurredOn);
    } finally {
      await api.dataSource.query(`UPDATE app_user SET time_zone = NULL WHERE id = $1`, [ontarioId]);
    }
    const officeBefore = todayIn('America/Toronto');
    const office = ok<{ logOutreach: { occurredOn: string } }>(await log({ ...base, occurredOn: undefined }, ontario)).logOutreach;
    expect([officeBefore, todayIn('America/Toronto')]).toContain(office.occurredOn);
  });

  it('a coordinator cannot log, read, list or edit outreach outside their regions', async () => {
    const refused = await log({ personId: qcPerson, channel: 'call', outcome: 'interested' }, ontario);
    expect(refused.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'personId'], code: 'personUnknown' })]);
    const qc = ok<{ logOutreach: Outreach }>(await log({ personId: qcPerson, channel: 'call', outcome: 'interested' }, quebec)).logOutreach;
    expect(errorCode(await api.graphql(`{ outreach(id: "${qc.id}") { id } }`, {}, ontario))).toBe('NOT_FOUND');
    expect(errorCode(await update({ id: qc.id, version: qc.version, outcome: 'declined' }, ontario))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql(`mutation { archiveOutreach(input: { id: "${qc.id}", version: 1 }) { id } }`, {}, ontario))).toBe('NOT_FOUND');
    const listed = ok<{ outreachList: { nodes: { personId: string }[] } }>(
      await api.graphql(`{ outreachList(first: 200) { nodes { personId } } }`, {}, ontario),
    );
    expect(listed.outreachList.nodes.length).toBeGreaterThan(0);
    expect(listed.outreachList.nodes.every((node) => node.personId === onPerson)).toBe(true);
    const staffList = ok<{ outreachList: { nodes: { id: string }[] } }>(await api.graphql(`{ outreachList(first: 200) { nodes { id } } }`, {}, staff));
    expect(staffList.outreachList.nodes.map((node) => node.id)).toContain(qc.id);
  });

  it('a coordinator edits only what they recorded or own the follow-up of', async () => {
    const byStaff = ok<{ logOutreach: Outreach }>(await log({ personId: onPerson, channel: 'email', outcome: 'noAnswer' }, staff)).logOutreach;
    expect(errorCode(await update({ id: byStaff.id, version: byStaff.version, notes: 'mine now' }, ontario))).toBe('FORBIDDEN');
    const assigned = ok<{ logOutreach: Outreach }>(
      await log({ personId: onPerson, channel: 'email', outcome: 'followUpNeeded', followUpOn: '2026-12-01', followUpOwnerId: ontarioId }, staff),
    ).logOutreach;
    const edited = ok<{ updateOutreach: Outreach }>(await update({ id: assigned.id, version: assigned.version, notes: 'Called back' }, ontario)).updateOutreach;
    expect(edited.version).toBe(assigned.version + 1);
    expect(errorCode(await update({ id: assigned.id, version: assigned.version, notes: 'stale' }, ontario))).toBe('CONFLICT');
  });

  it('follow-ups: mine when due within the week, done, snoozed, or closed by the next contact', async () => {
    const today = ok<{ myFollowUps: { today: string } }>(await api.graphql(`{ myFollowUps { today } }`, {}, ontario)).myFollowUps.today;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const overdue = ok<{ logOutreach: Outreach }>(
      await log({ personId: onPerson, channel: 'call', outcome: 'followUpNeeded', followUpOn: yesterday }, ontario),
    ).logOutreach;
    expect(overdue.followUpOwnerId).toBe(ontarioId);
    const dueToday = ok<{ logOutreach: Outreach }>(
      await log({ personId: onPerson, channel: 'call', outcome: 'followUpNeeded', followUpOn: today }, ontario),
    ).logOutreach;
    const mine = async () =>
      ok<{ myFollowUps: { nodes: { id: string }[] } }>(await api.graphql(`{ myFollowUps { nodes { id } } }`, {}, ontario)).myFollowUps.nodes.map((n) => n.id);
    expect(await mine()).toEqual(expect.arrayContaining([overdue.id, dueToday.id]));
    // Quebec's coordinator does not see them.
    expect(ok<{ myFollowUps: { nodes: unknown[] } }>(await api.graphql(`{ myFollowUps { nodes { id } } }`, {}, quebec)).myFollowUps.nodes).toHaveLength(0);

    ok(await api.graphql(`mutation { completeFollowUp(input: { id: "${overdue.id}", version: ${overdue.version} }) { id } }`, {}, ontario));
    const snoozed = ok<{ snoozeFollowUp: Outreach }>(
      await api.graphql(
        `mutation { snoozeFollowUp(input: { id: "${dueToday.id}", version: ${dueToday.version}, until: "2099-01-01" }) { ${outreachFields} } }`,
        {},
        ontario,
      ),
    ).snoozeFollowUp;
    expect(snoozed.followUpOn).toBe('2099-01-01');
    expect(await mine()).not.toEqual(expect.arrayContaining([overdue.id]));
    expect(await mine()).not.toEqual(expect.arrayContaining([dueToday.id]));

    const open = ok<{ logOutreach: Outreach }>(
      await log({ personId: onPerson, channel: 'call', outcome: 'followUpNeeded', followUpOn: today }, ontario),
    ).logOutreach;
    const closing = ok<{ logOutreach: Outreach }>(
      await log({ personId: onPerson, channel: 'meeting', outcome: 'interested', closesFollowUpId: open.id }, ontario),
    ).logOutreach;
    expect(closing.id).not.toBe(open.id);
    expect(await mine()).not.toEqual(expect.arrayContaining([open.id]));
  });

  it('the ladder moves with outcomes in the same transaction and explains itself; deleting the outreach moves it back', async () => {
    const person = (await createPerson(api, { firstName: 'Grace', lastName: 'Okafor', provinceCode: 'ON' }, 'COORDINATOR')).id;
    expect(await stageOf(person)).toBe('identified');
    ok(await log({ personId: person, channel: 'call', outcome: 'noAnswer', occurredOn: '2026-10-01' }, ontario));
    expect(await stageOf(person)).toBe('contacted');
    const committed = ok<{ logOutreach: Outreach }>(
      await log({ personId: person, channel: 'meeting', outcome: 'committed', occurredOn: '2026-11-12' }, ontario),
    ).logOutreach;
    ok(await log({ personId: person, channel: 'call', outcome: 'declined', occurredOn: '2026-11-20' }, ontario));
    expect(await stageOf(person)).toBe('committed');
    const explained = ok<{ person: { engagement: Record<string, unknown> } }>(
      await api.graphql(
        `{ person(id: "${person}") { engagement { stage derivedStage factKind factOn factRecordId factDetail { key value } override { stage } } } }`,
        {},
        ontario,
      ),
    ).person.engagement;
    expect(explained).toMatchObject({
      stage: 'committed',
      derivedStage: 'committed',
      factKind: 'committed',
      factOn: '2026-11-12',
      factRecordId: committed.id,
      override: null,
    });
    expect(explained.factDetail).toEqual(expect.arrayContaining([{ key: 'channel', value: 'meeting' }]));

    ok(await api.graphql(`mutation { archiveOutreach(input: { id: "${committed.id}", version: ${committed.version} }) { id } }`, {}, ontario));
    expect(await stageOf(person)).toBe('contacted');
    const changes = await api.dataSource.query(
      `SELECT summary->>'stage' AS stage FROM activity WHERE subject_id = $1 AND kind = 'engagement.changed' ORDER BY id`,
      [person],
    );
    expect(changes.map((row: { stage: string }) => row.stage)).toEqual(['contacted', 'committed', 'contacted']);
  });

  it('national staff may override a stage, shown as such; coordinators may not', async () => {
    const person = (await createPerson(api, { firstName: 'Owen', lastName: 'Price', provinceCode: 'ON' })).id;
    const mutation = `mutation($input: SetEngagementOverrideInputType!) {
      setEngagementOverride(input: $input) { stage derivedStage override { stage note setByName } }
    }`;
    expect(errorCode(await api.graphql(mutation, { input: { personId: person, stage: 'champion' } }, ontario))).toBe('FORBIDDEN');
    const set = ok<{ setEngagementOverride: Record<string, unknown> }>(
      await api.graphql(mutation, { input: { personId: person, stage: 'champion', note: 'Spoke at the rally' } }, staff),
    );
    expect(set.setEngagementOverride).toMatchObject({
      stage: 'champion',
      derivedStage: 'identified',
      override: { stage: 'champion', note: 'Spoke at the rally' },
    });
    expect(await stageOf(person)).toBe('champion');
    ok(await log({ personId: person, channel: 'call', outcome: 'interested' }, staff));
    expect(await stageOf(person)).toBe('champion');
    const cleared = ok<{ setEngagementOverride: Record<string, unknown> }>(await api.graphql(mutation, { input: { personId: person, stage: null } }, staff));
    expect(cleared.setEngagementOverride).toMatchObject({ stage: 'engaged', override: null });
    const audit = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'person.engagementOverride' AND subject_id = $1`, [
      person,
    ]);
    expect(audit[0].n).toBe(2);
  });

  it('a user sets their own time zone: checked, audited, and their follow-ups’ "today" is theirs', async () => {
    const prefs = (input: Record<string, unknown>, token: string) =>
      api.graphql(`mutation($input: UpdateMyPreferencesInputType!) { updateMyPreferences(input: $input) { id timeZone preferredLanguage } }`, { input }, token);
    const zoneOf = async () => (await api.dataSource.query(`SELECT time_zone AS z FROM app_user WHERE id = $1`, [ontarioId]))[0].z;
    const todayIn = (zone: string) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

    const unknown = await prefs({ timeZone: 'Mars/Olympus_Mons' }, ontario);
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ path: ['input', 'timeZone'], code: 'timeZone' })]);
    expect(await zoneOf()).toBeNull();

    // Kiritimati is UTC+14: its date differs from Toronto's for most of the day.
    const set = ok<{ updateMyPreferences: { timeZone: string; preferredLanguage: string } }>(await prefs({ timeZone: 'Pacific/Kiritimati' }, ontario));
    expect(set.updateMyPreferences).toMatchObject({ timeZone: 'Pacific/Kiritimati', preferredLanguage: 'en' });
    expect(ok<{ me: { timeZone: string } }>(await api.graphql('query { me { timeZone } }', {}, ontario)).me.timeZone).toBe('Pacific/Kiritimati');
    const before = todayIn('Pacific/Kiritimati');
    const { today } = ok<{ myFollowUps: { today: string } }>(await api.graphql('query { myFollowUps { today } }', {}, ontario)).myFollowUps;
    expect([before, todayIn('Pacific/Kiritimati')]).toContain(today);
    const audit = await api.dataSource.query(
      `SELECT changes FROM audit_entry WHERE action = 'user.updatePreferences' AND subject_id = $1 ORDER BY id DESC LIMIT 1`,
      [ontarioId],
    );
    expect(JSON.stringify(audit[0].changes)).toContain('Pacific/Kiritimati');

    // None: the office's again.
    expect(ok<{ updateMyPreferences: { timeZone: string | null } }>(await prefs({ timeZone: null }, ontario)).updateMyPreferences.timeZone).toBeNull();
    expect(await zoneOf()).toBeNull();
  });

  it('campaign goals count leaders reached in the viewer’s scope', async () => {
    const [campaign] = await api.dataSource.query(`SELECT id, version FROM campaign WHERE is_default`);
    ok(
      await api.graphql(
        `mutation($input: UpdateCampaignInputType!) { updateCampaign(input: $input) { id } }`,
        {
          input: {
            id: campaign.id,
            version: campaign.version,
            goals: [
              { metric: 'leadersContacted', target: 50 },
              { metric: 'leadersCommitted', target: 5 },
            ],
          },
        },
        staff,
      ),
    );
    const goals = async (token: string) =>
      ok<{ defaultCampaign: { goals: { metric: string; count: number }[] } }>(await api.graphql(`{ defaultCampaign { goals { metric count } } }`, {}, token))
        .defaultCampaign.goals;
    const national = await goals(staff);
    const regional = await goals(quebec);
    const contacted = (list: { metric: string; count: number }[]) => list.find((goal) => goal.metric === 'leadersContacted')!.count;
    const [{ n: onContacted }] = await api.dataSource.query(
      `SELECT count(DISTINCT o.person_id)::int AS n FROM outreach o JOIN person p ON p.id = o.person_id
        WHERE o.archived_at IS NULL AND p.engagement_stage <> 'identified'`,
    );
    expect(contacted(national)).toBe(onContacted);
    expect(contacted(regional)).toBe(1);
  });

  // Last: its twenty contacts would show in the lists the tests above count.
  it('twenty contacts saved at once all complete (no save holds a transaction while waiting for a second connection of the pool of 10)', async () => {
    const people: string[] = [];
    for (let i = 0; i < 4; i++) people.push((await createPerson(api, { firstName: `Rush${i}`, lastName: 'Hour', provinceCode: 'ON' })).id);
    const saves = Array.from({ length: 20 }, (_, i) =>
      log({ clientId: randomUUID(), personId: people[i % people.length], channel: 'call', outcome: i % 3 ? 'interested' : 'noAnswer' }, ontario),
    );
    let timer: NodeJS.Timeout | undefined;
    const answers = await Promise.race([
      Promise.all(saves),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the saves waited on each other for 30 s')), 30_000))),
    ]).finally(() => clearTimeout(timer));
    expect(answers.map((answer) => answer.errors ?? null)).toEqual(Array(20).fill(null));
    const [count] = await api.dataSource.query(`SELECT count(*)::int AS n FROM outreach WHERE person_id = ANY($1::uuid[])`, [people]);
    expect(count.n).toBe(20);
  }, 60_000);
});
