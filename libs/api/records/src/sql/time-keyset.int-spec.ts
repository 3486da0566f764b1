import { createDataSource, SqlParams } from '@crm/platform';
import { createTestDatabase, type TestDatabase } from '@crm/platform/testing';
import type { DataSource } from 'typeorm';
import type { KeysetPage } from './keyset-cursor';
import { timeKeysetList, type TimeKey } from './time-keyset';

// Paging a list in a timestamp's order on real PostgreSQL: ties on the timestamp and
// microseconds must neither repeat nor skip a row, in either direction.
describe('timeKeysetList', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
  // Three share one instant; two differ only by a microsecond.
  const at = [
    '2026-03-01 10:00:00+00',
    '2026-03-01 10:00:00+00',
    '2026-03-01 10:00:00+00',
    '2026-03-01 10:00:00.000001+00',
    '2026-03-01 10:00:00.000002+00',
    '2026-02-28 23:59:59.999999-05',
    '2026-03-02 00:00:00+00',
  ];

  // The rows as a derived table (the application role may not create tables); the 5th is filtered out.
  const probe = () => `(VALUES ${ids.map((id, i) => `('${id}'::uuid, '${at[i]}'::timestamptz, ${i !== 4})`).join(', ')}) AS k(id, at, kept)`;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function all(key: TimeKey, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const params = new SqlParams();
      const page: KeysetPage<{ id: string }> = await timeKeysetList<{ id: string }>(dataSource, {
        params,
        select: 'k.id',
        from: probe(),
        where: ['k.kept'],
        key,
        first,
        after,
      });
      expect(page.rows.length).toBeLessThanOrEqual(first);
      for (const row of page.rows) expect(Object.keys(row)).toEqual(['id']);
      seen.push(...page.rows.map((row) => row.id));
      if (!page.hasNextPage) return seen;
      after = page.endCursor;
    }
    throw new Error('did not end');
  }

  it('pages oldest first and newest first, each row once, in the order of one whole read', async () => {
    for (const descending of [false, true]) {
      const direction = descending ? 'DESC' : '';
      const whole: { id: string }[] = await dataSource.query(`SELECT k.id FROM ${probe()} WHERE k.kept ORDER BY k.at ${direction}, k.id ${direction}`);
      for (const first of [1, 2, 4]) expect(await all({ column: 'k.at', id: 'k.id', descending }, first)).toEqual(whole.map((row) => row.id));
    }
  });

  it('refuses a tampered cursor as the caller’s error', async () => {
    const read = timeKeysetList(dataSource, {
      params: new SqlParams(),
      select: 'k.id',
      from: probe(),
      where: [],
      key: { column: 'k.at', id: 'k.id' },
      first: 2,
      after: 'bm90IGEgY3Vyc29y',
    });
    await expect(read).rejects.toMatchObject({ message: 'The page cursor is not valid; start from the first page' });
  });
});
