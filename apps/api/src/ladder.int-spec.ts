import { randomUUID } from 'node:crypto';
import { EngagementService, LadderSignals, type LadderFactKind } from '@crm/engagement';
import { DataSource } from 'typeorm';
import { ApiHarness } from './testing/api-harness';
import { createPerson, ok } from './testing/records-fixtures';

// A small deterministic random source: a failing sequence can be replayed from its seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Everything the ladder stores about a person: the stage shown and its reason, and the "why"
// the person's page explains (derived stage, the fact that earns it, its details, an override).
interface Stored {
  stage: string;
  reason: string | null;
  derived: string | null;
  factKind: string | null;
  factOn: string | null;
  factRecordType: string | null;
  factRecordId: string | null;
  factDetail: Record<string, string> | null;
  override: string | null;
}

describe('the ladder: incremental stages equal the stages rebuilt from the records', () => {
  let api: ApiHarness;
  let staff: string;
  let people: string[];

  beforeAll(async () => {
    api = await ApiHarness.start();
    staff = await api.tokenFor('STAFF');
    people = [];
    for (let i = 0; i < 6; i++) people.push((await createPerson(api, { firstName: `Leader${i}`, lastName: 'Ladder', provinceCode: i % 2 ? 'ON' : 'QC' })).id);
    // Pledges and attendance stand in for the events module's records, through the same registry it will use.
    await api.ownerDataSource.query(`CREATE TABLE ladder_test_fact (id uuid PRIMARY KEY, person_id uuid NOT NULL, kind text NOT NULL, on_date date NOT NULL)`);
    await api.ownerDataSource.query(`GRANT SELECT, INSERT, DELETE ON ladder_test_fact TO crm_app`);
    api.app.get(LadderSignals).register('test-pledges-and-attendance', async (manager, personIds) => {
      const rows: { id: string; personId: string; kind: LadderFactKind; on: string }[] = await manager.query(
        `SELECT id, person_id AS "personId", kind, to_char(on_date, 'YYYY-MM-DD') AS on FROM ladder_test_fact WHERE person_id = ANY($1::uuid[])`,
        [personIds],
      );
      return rows.map((row) => ({ personId: row.personId, kind: row.kind, on: row.on, recordType: 'Pledge', recordId: row.id }));
    });
  });
  afterAll(() => api?.close());

  const stored = async (ids: string[] = people): Promise<Map<string, Stored>> => {
    const rows: (Stored & { id: string })[] = await api.dataSource.query(
      // No state row reads as "identified, no fact", as the person's page explains it.
      `SELECT p.id, p.engagement_stage AS stage, p.engagement_reason AS reason, coalesce(s.derived_stage, 'identified') AS derived, s.fact_kind AS "factKind",
              to_char(s.fact_on, 'YYYY-MM-DD') AS "factOn", s.fact_record_type AS "factRecordType", s.fact_record_id AS "factRecordId",
              coalesce(s.fact_detail, '{}') AS "factDetail", s.override_stage AS override
         FROM person p LEFT JOIN engagement_state s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ id, ...rest }) => [id, rest]));
  };

  // Forgets what the ladder derived (overrides stay: they are records, not derivations).
  const forgetDerived = async (ids: string[]) => {
    await api.dataSource.query(`UPDATE person SET engagement_stage = 'identified', engagement_reason = NULL WHERE id = ANY($1::uuid[])`, [ids]);
    await api.dataSource.query(
      `UPDATE engagement_state SET derived_stage = 'identified', fact_kind = NULL, fact_on = NULL, fact_record_type = NULL, fact_record_id = NULL,
              fact_detail = '{}' WHERE person_id = ANY($1::uuid[])`,
      [ids],
    );
  };

  const logContact = async (personId: string, outcome: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
    ok<{ logOutreach: { id: string; version: number } }>(
      await api.graphql(
        `mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { id version } }`,
        { input: { personId, channel: 'meeting', outcome, occurredOn, ...extra } },
        staff,
      ),
    ).logOutreach;

  const addFact = async (personId: string, kind: LadderFactKind, on: string) => {
    const engagement = api.app.get(EngagementService);
    await api.app.get(DataSource).transaction(async (manager) => {
      await manager.query(`INSERT INTO ladder_test_fact (id, person_id, kind, on_date) VALUES ($1, $2, $3, $4)`, [randomUUID(), personId, kind, on]);
      await engagement.recompute(manager, null, [personId]);
    });
  };

  it.each([11, 23, 42, 5, 64])('random outreach, pledges and attendance (seed %i)', async (seed) => {
    const next = random(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const outcomes = ['noAnswer', 'interested', 'declined', 'committed', 'followUpNeeded'];
    const date = () => `2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const logged: { id: string; version: number }[] = [];
    const facts: { id: string; personId: string }[] = [];
    const engagement = api.app.get(EngagementService);
    const dataSource = api.app.get(DataSource);

    for (let step = 0; step < 40; step++) {
      const action = next();
      if (action < 0.4 || logged.length === 0) {
        const input = { personId: pick(people), channel: 'call', outcome: pick(outcomes), occurredOn: date() };
        const result = ok<{ logOutreach: { id: string; version: number } }>(
          await api.graphql(`mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { id version } }`, { input }, staff),
        );
        logged.push(result.logOutreach);
      } else if (action < 0.6) {
        const target = pick(logged);
        const input = { id: target.id, version: target.version, outcome: pick(outcomes), occurredOn: date() };
        const result = await api.graphql(`mutation($input: UpdateOutreachInputType!) { updateOutreach(input: $input) { id version } }`, { input }, staff);
        if (!result.errors) target.version = (result.data!.updateOutreach as { version: number }).version;
      } else if (action < 0.7) {
        const target = logged.splice(Math.floor(next() * logged.length), 1)[0];
        ok(await api.graphql(`mutation { archiveOutreach(input: { id: "${target.id}", version: ${target.version} }) { id } }`, {}, staff));
      } else if (action < 0.9 || facts.length === 0) {
        const fact = { id: randomUUID(), personId: pick(people) };
        const kind = pick(['pledged', 'attended', 'pledgeFulfilled', 'hosted'] as const);
        await dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO ladder_test_fact (id, person_id, kind, on_date) VALUES ($1, $2, $3, $4)`, [fact.id, fact.personId, kind, date()]);
          await engagement.recompute(manager, null, [fact.personId]);
        });
        facts.push(fact);
      } else {
        const fact = facts.splice(Math.floor(next() * facts.length), 1)[0];
        await dataSource.transaction(async (manager) => {
          await manager.query(`DELETE FROM ladder_test_fact WHERE id = $1`, [fact.id]);
          await engagement.recompute(manager, null, [fact.personId]);
        });
      }
    }

    const incremental = await stored();
    // Forget everything the ladder derived, then rebuild it from the records alone, in
    // batches smaller than the data (1 to 5 people: keyset batches end and start anywhere).
    await forgetDerived(people);
    const result = await engagement.rebuildAll(undefined, 1 + (seed % 5));
    expect(result.people).toBeGreaterThanOrEqual(people.length);
    expect(await stored()).toEqual(incremental);
    // The sequences did move people (a ladder that never moves would pass trivially).
    expect(new Set([...incremental.values()].map((row) => row.stage)).size).toBeGreaterThan(1);
  });

  it('a mixed data set with overrides: the rebuild in batches equals the incremental stages and their explanations, then writes nothing', async () => {
    const mixed: string[] = [];
    for (let i = 0; i < 14; i++) mixed.push((await createPerson(api, { firstName: `Mixed${i}`, lastName: 'Ladder', provinceCode: i % 3 ? 'ON' : 'BC' })).id);
    const [campaign] = await api.ownerDataSource.query(`SELECT id FROM campaign WHERE is_default`);
    const [ask] = await api.ownerDataSource.query(`SELECT id FROM policy_ask WHERE campaign_id = $1 ORDER BY id LIMIT 1`, [campaign.id]);
    // mixed[0] has nothing: identified.
    await logContact(mixed[1], 'noAnswer', '2026-01-02');
    await logContact(mixed[2], 'interested', '2026-01-03', { policyAskId: ask.id });
    await logContact(mixed[3], 'committed', '2026-01-04', { policyAskId: ask.id });
    await logContact(mixed[3], 'declined', '2026-02-04'); // a later decline does not step down
    await addFact(mixed[4], 'pledged', '2026-01-05');
    await addFact(mixed[5], 'pledgeFulfilled', '2026-01-06');
    await addFact(mixed[6], 'attended', '2026-01-07');
    await addFact(mixed[7], 'hosted', '2026-01-08');
    await logContact(mixed[8], 'interested', '2026-01-09');
    await logContact(mixed[8], 'interested', '2026-03-09'); // the latest of the winning kind explains
    await addFact(mixed[9], 'attended', '2026-01-10');
    await logContact(mixed[9], 'committed', '2026-01-01');
    const archived = await logContact(mixed[10], 'committed', '2026-01-11');
    await logContact(mixed[10], 'noAnswer', '2026-01-12');
    ok(await api.graphql(`mutation { archiveOutreach(input: { id: "${archived.id}", version: ${archived.version} }) { id } }`, {}, staff));
    // Overrides: above the derived stage, below it, and on someone with no fact at all.
    const override = async (personId: string, stage: string) =>
      ok(
        await api.graphql(
          `mutation($input: SetEngagementOverrideInputType!) { setEngagementOverride(input: $input) { stage } }`,
          { input: { personId, stage, note: 'Met at the forum' } },
          staff,
        ),
      );
    await override(mixed[11], 'champion');
    await logContact(mixed[11], 'interested', '2026-01-13');
    await logContact(mixed[12], 'committed', '2026-01-14');
    await override(mixed[12], 'contacted');
    await override(mixed[13], 'engaged');

    const incremental = await stored(mixed);
    // The cases did what they say (so that equality below compares something).
    expect(mixed.map((id) => incremental.get(id)?.stage)).toEqual([
      'identified',
      'contacted',
      'engaged',
      'committed',
      'committed',
      'champion',
      'engaged',
      'champion',
      'engaged',
      'committed',
      'contacted',
      'champion',
      'contacted',
      'engaged',
    ]);
    expect(incremental.get(mixed[2])).toMatchObject({
      derived: 'engaged',
      factKind: 'interested',
      factOn: '2026-01-03',
      factDetail: { channel: 'meeting', outcome: 'interested', policyAskId: ask.id },
    });
    expect(incremental.get(mixed[8])).toMatchObject({ factOn: '2026-03-09', reason: 'engaged: showed interest during a contact on 2026-03-09' });
    expect(incremental.get(mixed[12])).toMatchObject({ stage: 'contacted', derived: 'committed', override: 'contacted', reason: 'contacted: set by hand' });

    await forgetDerived(mixed);
    const engagement = api.app.get(EngagementService);
    const rebuilt = await engagement.rebuildAll(undefined, 4);
    expect(rebuilt.batches).toBeGreaterThan(1);
    expect(await stored(mixed)).toEqual(incremental);
    // A rebuild of a ladder that is right moves nobody and writes nothing (the timeline gets no entry).
    const [before] = await api.dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE kind = 'engagement.changed'`);
    expect((await engagement.rebuildAll()).changed).toBe(0);
    const [after] = await api.dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE kind = 'engagement.changed'`);
    expect(after.n).toBe(before.n);
    expect(await stored(mixed)).toEqual(incremental);
  });
});
