import { ApiHarness } from './testing/api-harness';

// The people's e-mail index (decisions 028, 029, 118): a bulk insert is indexed by the
// statement trigger, edits and archiving by the row trigger, with the same answer.
describe("the people's e-mail index", () => {
  let api: ApiHarness;
  const tag = `idx${Date.now()}`;
  const email = (name: string) => `${name}.${tag}@example.org`;

  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  const query = <T>(sql: string, params: unknown[] = []) => api.dataSource.query(sql, params) as Promise<T[]>;
  const shared = async () =>
    (await query<{ email: string }>(`SELECT email FROM person_email_shared WHERE email LIKE $1 ORDER BY email`, [`%.${tag}@example.org`])).map(
      (row) => row.email,
    );
  const indexed = async (id: string) =>
    (await query<{ email: string }>(`SELECT email FROM person_email WHERE person_id = $1 ORDER BY email`, [id])).map((row) => row.email);

  it('indexes every row of one multi-row insert, and an e-mail two of them share (any case)', async () => {
    const rows = await query<{ id: string }>(
      `INSERT INTO person (first_name, last_name, province_code, emails)
       VALUES ('Ada', 'One', 'ON', $1), ('Bea', 'Two', 'ON', $2), ('Cy', 'Three', 'ON', $3)
       RETURNING id`,
      [[email('Same'), email('ada')], [email('same')], [email('cy'), '']],
    );
    expect(await indexed(rows[0].id)).toEqual([email('ada'), email('same')].sort());
    expect(await indexed(rows[2].id)).toEqual([email('cy')]);
    expect(await shared()).toEqual([email('same')]);
  });

  it('marks an e-mail shared on a later insert, re-indexes an edit, and un-shares it when one of the two is archived', async () => {
    const [first] = await query<{ id: string }>(`INSERT INTO person (first_name, province_code, emails) VALUES ('Di', 'QC', $1) RETURNING id`, [[email('cy')]]);
    expect(await shared()).toContain(email('cy'));

    await query(`UPDATE person SET emails = $2 WHERE id = $1`, [first.id, [email('dee')]]);
    expect(await indexed(first.id)).toEqual([email('dee')]);

    const [twin] = await query<{ id: string }>(`INSERT INTO person (first_name, province_code, emails) VALUES ('Ed', 'QC', $1) RETURNING id`, [[email('dee')]]);
    expect(await shared()).toContain(email('dee'));
    await query(`UPDATE person SET archived_at = now() WHERE id = $1`, [twin.id]);
    expect(await indexed(twin.id)).toEqual([email('dee')]);
    expect(await shared()).not.toContain(email('dee'));
  });
});
