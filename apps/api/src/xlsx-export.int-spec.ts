import { randomUUID } from 'node:crypto';
import { readCsv } from '@crm/data-transfer';
import { Workbook, type CellValue } from 'exceljs';
import { ApiHarness, type DemoRole } from './testing/api-harness';

// Excel export (decision 026): the same list, rows and cells as the CSV export, in
// typed cells — read back with exceljs and checked cell by cell against the CSV.

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

async function csvRows(raw: Buffer): Promise<string[][]> {
  const file = await readCsv(once(raw), { maxBytes: 10_000_000 });
  const rows = [file.headers];
  for await (const row of file.rows) rows.push(row.cells);
  return rows;
}

async function xlsxRows(raw: Buffer): Promise<CellValue[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  const rows: CellValue[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => {
    const cells: CellValue[] = [];
    for (let i = 1; i <= workbook.worksheets[0].columnCount; i++) cells.push(row.getCell(i).value);
    rows.push(cells);
  });
  return rows;
}

/** A spreadsheet date (no zone) as the CSV writes the same wall clock: `2024-01-25 09:00` or `2024-01-25`. */
function wallClock(value: Date, withTime: boolean): string {
  const iso = value.toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

describe('Excel export', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};

  async function download(url: string, role: DemoRole = 'ADMIN') {
    return api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: { authorization: `Bearer ${await api.tokenFor(role)}` } });
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    ids.amina = randomUUID();
    ids.formula = randomUUID();
    await api.dataSource.query(
      `INSERT INTO person (id, first_name, last_name, province_code, emails, phones, tags, city, notes, created_at, updated_at)
       VALUES ($1, 'Amina', 'Haddad', 'ON', '{amina@example.org}', '{+16135550101,+18195550162}', '{housing}', 'Ottawa', 'Line one',
               '2024-01-25T14:00:00Z', '2024-07-01T03:30:00Z'),
              ($2, '=HYPERLINK("http://x")', '@Evil', 'QC', '{}', '{}', '{}', '+1', '-2+3', '2024-12-31T23:59:00Z', '2025-01-01T04:59:00Z')`,
      [ids.amina, ids.formula],
    );
    await api.dataSource.query(
      `INSERT INTO organization (name_en, name_fr, kind, province_code, city, postal_code, phone, membership, membership_since)
       VALUES ('Ottawa Welcome Centre', 'Centre d''accueil d''Ottawa', 'settlement_agency', 'ON', 'Ottawa', 'K1A 0B1', '+16135550199', 'member', '2023-04-01'),
              ('Zip Centre', 'Centre Zip', 'other', 'QC', 'Laval', 'H7N 1A1', '+15145550100', 'member', '2020-02-29')`,
    );
    // Starting the API on a fresh database takes long on a loaded machine.
  }, 180_000);
  afterAll(() => api?.close());

  it('writes the people list as typed cells equal, cell by cell, to the CSV of the same list', async () => {
    const [xlsx, csv] = await Promise.all([download('/export/people.xlsx?sort=UPDATED'), download('/export/people.csv?sort=UPDATED')]);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const sheet = await xlsxRows(xlsx.rawPayload);
    const text = await csvRows(csv.rawPayload);
    expect(sheet.length).toBe(text.length);
    expect(sheet[0]).toEqual(text[0]);
    const header = text[0];
    const created = header.indexOf('Created');
    const phones = header.indexOf('Phones');
    for (let r = 1; r < text.length; r++) {
      for (let c = 0; c < header.length; c++) {
        const value = sheet[r][c];
        const expected = text[r][c];
        if (value instanceof Date) expect({ row: r, column: header[c], value: wallClock(value, true) }).toEqual({ row: r, column: header[c], value: expected });
        else if (expected === '') expect({ row: r, column: header[c], value }).toEqual({ row: r, column: header[c], value: null });
        // The CSV escapes formulas with an apostrophe; a typed text cell needs none.
        else expect({ row: r, column: header[c], value }).toEqual({ row: r, column: header[c], value: expected.replace(/^'(?=[=+\-@])/, '') });
      }
    }
    // The two people above: dates in the office's zone (America/Toronto), phones as text, formulas as text.
    const amina = sheet.find((row) => row[0] === ids.amina)!;
    expect(amina[created]).toEqual(new Date('2024-01-25T09:00:00Z'));
    expect(amina[header.indexOf('Updated')]).toEqual(new Date('2024-06-30T23:30:00Z'));
    expect(amina[phones]).toBe('+16135550101; +18195550162');
    const formula = sheet.find((row) => row[0] === ids.formula)!;
    expect(formula[header.indexOf('First name')]).toBe('=HYPERLINK("http://x")');
    expect(formula[header.indexOf('City')]).toBe('+1');
    expect(formula[header.indexOf('Updated')]).toEqual(new Date('2024-12-31T23:59:00Z'));
  });

  it('stores date-times with a date format, phones and postal codes as text and calendar dates as dates', async () => {
    const response = await download('/export/organizations.xlsx?provinceCodes=ON,QC');
    const workbook = new Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as CellValue[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const ottawa = rows.find((row) => row.getCell(column('Name')).value === 'Ottawa Welcome Centre')!;
    const zip = rows.find((row) => row.getCell(column('Name')).value === 'Zip Centre')!;
    expect(ottawa.getCell(column('Postal code')).type).toBe(3); // ValueType.String
    expect(zip.getCell(column('Postal code')).value).toBe('H7N 1A1');
    expect(ottawa.getCell(column('Phone')).value).toBe('+16135550199');
    expect(ottawa.getCell(column('Phone')).type).toBe(3);
    expect(ottawa.getCell(column('Member since')).value).toEqual(new Date('2023-04-01T00:00:00Z'));
    expect(ottawa.getCell(column('Member since')).numFmt).toBe('yyyy-mm-dd');
    expect(zip.getCell(column('Member since')).value).toEqual(new Date('2020-02-29T00:00:00Z'));
    expect(ottawa.getCell(column('Created')).type).toBe(4); // ValueType.Date
    expect(ottawa.getCell(column('Created')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('writes French headers, French labels and a French file name for lang=fr', async () => {
    const response = await download('/export/stories.xlsx?lang=fr');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="recits-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''r%C3%A9cits-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const people = await xlsxRows((await download('/export/people.xlsx?lang=fr')).rawPayload);
    expect(people[0]).toEqual(expect.arrayContaining(['Prénom', 'Étape d’engagement', 'Téléphones', 'Créé le']));
    const amina = people.find((row) => row[0] === ids.amina)!;
    expect(amina[people[0].indexOf('Langue de préférence')]).toBe('Anglais');
  });

  it('keeps the scope: a coordinator’s file holds only their provinces, a member may not export people', async () => {
    const rows = await xlsxRows((await download('/export/people.xlsx', 'COORDINATOR')).rawPayload);
    expect(rows.map((row) => row[0])).toContain(ids.amina);
    expect(rows.map((row) => row[0])).not.toContain(ids.formula);
    expect(new Set(rows.slice(1).map((row) => row[rows[0].indexOf('Province')]))).toEqual(new Set(['ON']));
    expect((await download('/export/people.xlsx', 'MEMBER')).statusCode).toBe(403);
  });

  it('records the export in the audit log with its format and row count, never the values', async () => {
    await download('/export/people.xlsx?provinceCodes=QC');
    const [entry]: { changes: Record<string, { to: unknown }> }[] = await api.dataSource.query(
      `SELECT changes FROM audit_entry WHERE action = 'person.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.changes.format.to).toBe('xlsx');
    expect(entry.changes.rowCount.to).toBe(1);
    expect(entry.changes.completed.to).toBe(true);
    expect(JSON.stringify(entry.changes)).not.toMatch(/Haddad|Evil|example\.org/);
  });
});
