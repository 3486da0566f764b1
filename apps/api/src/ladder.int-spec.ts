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

interface Stored {
  stage: string;
  reason: string | null;
  derived: string | null;
  factRecordId: string | null;
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

  const stored = async (): Promise<Map<string, Stored>> => {
    const rows: (Stored & { id: string })[] = await api.dataSource.query(
      `SELECT p.id, p.engagement_stage AS stage, p.engagement_reason AS reason, s.derived_stage AS derived, s.fact_record_id AS "factRecordId"
         FROM person p LEFT JOIN engagement_state s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])`,
      [people],
    );
    return new Map(rows.map(({ id, ...rest }) => [id, rest]));
  };

  it.each([11, 23, 42])('random outreach, pledges and attendance (seed %i)', async (seed) => {
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
    // Forget everything the ladder derived, then rebuild it from the records alone.
    await api.dataSource.query(`UPDATE person SET engagement_stage = 'identified', engagement_reason = NULL WHERE id = ANY($1::uuid[])`, [people]);
    await api.dataSource.query(`DELETE FROM engagement_state WHERE person_id = ANY($1::uuid[])`, [people]);
    const result = await engagement.rebuildAll();
    expect(result.people).toBeGreaterThanOrEqual(people.length);
    expect(await stored()).toEqual(incremental);
    // The sequences did move people (a ladder that never moves would pass trivially).
    expect(new Set([...incremental.values()].map((row) => row.stage)).size).toBeGreaterThan(1);
  });
});
