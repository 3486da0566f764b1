import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { data, ImportSteps, startImportJobs, workerImportModules } from './testing/import-steps';

// Outreach history from a spreadsheet (issue 11): the outreach import target,
// through the same wizard operations as people and organizations. A person is found
// by e-mail, else by name and city, among the people the importer may see; a row
// that names nobody, or several, is refused with a code; a file imported twice
// records nothing twice; the ladder moves in the run's transaction.

interface Row {
  rowNumber: number;
  fate: string;
  problems: { field: string | null; code: string | null; message: string }[];
}

describe('outreach import', () => {
  let api: ApiHarness;
  let jobs: INestApplicationContext;
  let steps: ImportSteps;
  const ids: Record<string, string> = {};

  async function person(key: string, values: { firstName: string; lastName: string; provinceCode: string; city?: string; emails?: string[] }) {
    ids[key] = randomUUID();
    await api.dataSource.query(`INSERT INTO person (id, first_name, last_name, province_code, city, emails) VALUES ($1, $2, $3, $4, $5, $6)`, [
      ids[key],
      values.firstName,
      values.lastName,
      values.provinceCode,
      values.city ?? null,
      values.emails ?? [],
    ]);
  }

  async function importFile(role: DemoRole, csv: string): Promise<{ batchId: string; counts: Record<string, number>; rows: Row[] }> {
    const token = await api.tokenFor(role);
    const batchId = await steps.uploaded(token, 'kind=outreach&filename=outreach.csv', csv);
    const columns = await steps.guess(token, batchId);
    expect(columns.map((c) => c.field)).toEqual(['email', 'firstName', 'lastName', 'city', 'campaign', 'channel', 'outcome', 'occurredOn', 'notes']);
    await steps.map(token, batchId, columns, 'UPDATE');
    await steps.dryRun(token, batchId);
    const checked = data<{ counts: Record<string, number> }>(
      await api.graphql('query($id: ID!) { importBatch(id: $id) { counts { create update skip error } } }', { id: batchId }, token),
      'importBatch',
    );
    const rows = data<{ nodes: Row[] }>(
      await api.graphql(
        'query($id: ID!) { importRows(batchId: $id, first: 50) { nodes { rowNumber fate problems { field code message } } } }',
        { id: batchId },
        token,
      ),
      'importRows',
    ).nodes;
    await steps.run(token, batchId);
    return { batchId, counts: checked.counts, rows };
  }

  const header = 'Email,First Name,Last Name,City,Campaign,Channel,Outcome,Date,Notes';
  const file = () =>
    [
      header,
      'amina.import@example.org,,,,,Call,Interested,2026-03-01,Asked about the pledge',
      ',Bruno,Import,Kingston,,Rencontre,Engagé,2026-03-02,',
      ',Twin,Import,Ottawa,,Call,No answer,2026-03-03,',
      'quebec.import@example.org,,,,,Call,Interested,2026-03-04,',
      'nobody.import@example.org,,,,,Call,Interested,2026-03-05,',
      'amina.import@example.org,,,,,Carrier pigeon,Interested,2026-03-06,',
      'amina.import@example.org,,,,No such campaign,Call,Interested,2026-03-07,',
      'amina.import@example.org,,,,,Call,Interested,2026-03-01,Asked about the pledge',
    ].join('\r\n') + '\r\n';

  beforeAll(async () => {
    api = await ApiHarness.start();
    jobs = await startImportJobs(api.config, workerImportModules);
    steps = new ImportSteps(api, jobs);
    await person('amina', { firstName: 'Amina', lastName: 'Import', provinceCode: 'ON', city: 'Toronto', emails: ['amina.import@example.org'] });
    await person('bruno', { firstName: 'Bruno', lastName: 'Import', provinceCode: 'ON', city: 'Kingston' });
    await person('twin1', { firstName: 'Twin', lastName: 'Import', provinceCode: 'ON', city: 'Ottawa' });
    await person('twin2', { firstName: 'Twin', lastName: 'Import', provinceCode: 'ON', city: 'Ottawa' });
    await person('quebec', { firstName: 'Québec', lastName: 'Import', provinceCode: 'QC', emails: ['quebec.import@example.org'] });
  });
  afterAll(async () => {
    await jobs?.close();
    await api?.close();
  });

  it('records what an Ontario coordinator may record, says why each other row is not imported, and moves the ladder', async () => {
    const { batchId, counts, rows } = await importFile('COORDINATOR', file());
    expect(counts).toEqual({ create: 2, update: 0, skip: 1, error: 5 });
    const byRow = new Map(rows.map((row) => [row.rowNumber, row]));
    const problem = (n: number) => byRow.get(n)!.problems.map((p) => [p.field, p.code]);
    expect(rows.map((row) => row.fate)).toEqual(['CREATE', 'CREATE', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'ERROR', 'SKIP']);
    expect(problem(3)).toEqual([['lastName', 'personAmbiguous']]);
    // A Quebec person is not one an Ontario coordinator can see: the same answer as nobody.
    expect(problem(4)).toEqual([['email', 'personUnknown']]);
    expect(problem(5)).toEqual([['email', 'personUnknown']]);
    // An unknown channel: the vocabulary's code (decision 057), which the staff app translates with the allowed values.
    expect(problem(6)).toEqual([['channel', 'oneOf']]);
    expect(problem(7)).toEqual([['campaign', 'campaignUnknown']]);

    const recorded: { person_id: string; channel: string; outcome: string; occurred_on: string; client_id: string | null }[] = await api.dataSource.query(
      `SELECT person_id, channel, outcome, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, client_id FROM outreach
        WHERE person_id = ANY($1::uuid[]) ORDER BY occurred_on`,
      [Object.values(ids)],
    );
    expect(recorded.map((r) => [r.person_id, r.channel, r.outcome, r.occurred_on])).toEqual([
      [ids.amina, 'call', 'interested', '2026-03-01'],
      [ids.bruno, 'meeting', 'committed', '2026-03-02'],
    ]);
    expect(recorded.every((r) => r.client_id)).toBe(true);
    const stages: { id: string; engagement_stage: string }[] = await api.dataSource.query(
      `SELECT id, engagement_stage FROM person WHERE id = ANY($1::uuid[])`,
      [[ids.amina, ids.bruno, ids.twin1]],
    );
    expect(Object.fromEntries(stages.map((s) => [s.id, s.engagement_stage]))).toEqual({
      [ids.amina]: 'engaged',
      [ids.bruno]: 'committed',
      [ids.twin1]: 'identified',
    });
    const [timeline] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM activity
        WHERE subject_type = 'Person' AND subject_id = $1 AND kind = 'outreach.created' AND summary->>'importBatchId' = $2`,
      [ids.amina, batchId],
    );
    expect(timeline.count).toBe(1);
  });

  it('records nothing twice when the same file is imported again', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS count FROM outreach`);
    const { counts } = await importFile('COORDINATOR', file());
    expect(counts).toEqual({ create: 0, update: 0, skip: 3, error: 5 });
    expect(await api.dataSource.query(`SELECT count(*)::int AS count FROM outreach`)).toEqual(before);
  });

  it('lets a Quebec coordinator record for the Quebec person only', async () => {
    const { counts, rows } = await importFile('COORDINATOR_QC', file());
    expect(counts.create).toBe(1);
    expect(rows.filter((row) => row.fate === 'CREATE').map((row) => row.rowNumber)).toEqual([4]);
  });
});
