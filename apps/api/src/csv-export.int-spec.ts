import { randomUUID } from 'node:crypto';
import { readCsv } from '@crm/data-transfer';
import { ApiHarness, type DemoRole } from './testing/api-harness';

// CSV export of the people and organizations lists (decision 050), through the
// real API on a fresh database.

interface Download {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
  raw: Buffer;
}

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

/** The rows of a downloaded CSV, parsed back with the import's reader (header first). */
async function parse(raw: Buffer): Promise<string[][]> {
  const file = await readCsv(once(raw), { maxBytes: 10_000_000 });
  const rows = [file.headers];
  try {
    for await (const row of file.rows) rows.push(row.cells);
  } catch {
    // a header without rows
  }
  return rows;
}

describe('CSV export', () => {
  let api: ApiHarness;
  const ids: Record<string, string> = {};
  let users: Record<string, string>;

  async function download(url: string, role?: DemoRole): Promise<Download> {
    const response = await api.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url, headers: role ? { authorization: `Bearer ${await api.tokenFor(role)}` } : {} });
    return { status: response.statusCode, headers: response.headers, text: response.body, raw: response.rawPayload };
  }

  async function insertPerson(values: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const row = {
      id,
      last_name: '',
      emails: [],
      phones: [],
      tags: [],
      lived_experience: false,
      notes: null,
      city: null,
      owner_id: null,
      created_by_id: null,
      ...values,
    };
    await api.dataSource.query(
      `INSERT INTO person (id, first_name, last_name, province_code, emails, phones, tags, city, notes, owner_id, created_by_id, lived_experience)
       SELECT x.id, x.first_name, x.last_name, x.province_code, x.emails, x.phones, x.tags, x.city, x.notes, x.owner_id, x.created_by_id, x.lived_experience
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, first_name text, last_name text, province_code text, emails text[], phones text[], tags text[],
                                                 city text, notes text, owner_id uuid, created_by_id uuid, lived_experience boolean)`,
      [JSON.stringify([row])],
    );
    return id;
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    const rows: { email: string; id: string }[] = await api.dataSource.query(`SELECT lower(email) AS email, id FROM app_user`);
    users = Object.fromEntries(rows.map((r) => [r.email, r.id]));
    const ontario = users['ontario@demo.coalition.invalid'];
    const [org] = await api.dataSource.query(
      `INSERT INTO organization (name_en, name_fr, kind, province_code, city, tags) VALUES ('Ottawa Welcome Centre', 'Centre d''accueil d''Ottawa', ` +
        `'settlement_agency', 'ON', 'Ottawa', '{housing}') RETURNING id`,
    );
    ids.org = org.id;
    await api.dataSource.query(
      `INSERT INTO organization (name_en, name_fr, kind, province_code, city, membership) VALUES ('=cmd|calc', '=cmd|calc', 'other', 'QC', 'Montréal', ` +
        `'member')`,
    );
    ids.amina = await insertPerson({
      first_name: 'Amina',
      last_name: 'Haddad',
      province_code: 'ON',
      emails: ['amina@example.org', 'a.haddad@example.org'],
      phones: ['+16135550101'],
      tags: ['housing', 'youth'],
      city: 'Ottawa, "Centre"',
      notes: 'Line one\nline two',
      owner_id: ontario,
      lived_experience: true,
    });
    ids.formula = await insertPerson({ first_name: '=HYPERLINK("http://x")', last_name: '@Evil', province_code: 'ON', notes: '-2+3', city: '+1' });
    ids.other = await insertPerson({ first_name: 'Omar', last_name: 'Zed', province_code: 'ON', lived_experience: true, tags: ['youth'] });
    ids.quebec = await insertPerson({ first_name: 'Élodie', last_name: 'Tremblay', province_code: 'QC', emails: ['elodie@example.org'] });
    await api.dataSource.query(`INSERT INTO affiliation (person_id, organization_id, title) VALUES ($1, $2, 'Director')`, [ids.amina, ids.org]);
  });
  afterAll(() => api?.close());

  it('streams people as UTF-8 with a BOM, CRLF line ends, and a dated attachment name', async () => {
    const response = await download('/export/people.csv?lang=en', 'STAFF');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...response.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text.slice(1).split('\r\n')[0]).toBe(
      'ID,First name,Last name,Preferred language,E-mails,Phones,Organizations (title),Leader category,Province,City,Owner e-mail,Engagement stage,May ' +
        'e-mail,May phone,Do not contact,Lived experience,Tags,Notes,Created,Updated',
    );
    // Outside quoted cells, every line ends with CRLF.
    const outside = response.text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside).not.toMatch(/[^\r]\n/);
    expect(outside.endsWith('\r\n')).toBe(true);
    const rows = await parse(response.raw);
    // List order: last name, first name.
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids.formula, ids.amina, ids.quebec, ids.other]);
    const amina = rows.find((r) => r[0] === ids.amina)!;
    expect(amina.slice(1, 11)).toEqual([
      'Amina',
      'Haddad',
      'English',
      'amina@example.org; a.haddad@example.org',
      // A phone number is no formula: written as it is, without an apostrophe.
      '+16135550101',
      'Ottawa Welcome Centre (Director)',
      '',
      'ON',
      'Ottawa, "Centre"',
      '',
    ]);
    expect(amina.slice(11, 18)).toEqual(['Identified', 'No', 'No', 'No', 'Yes', 'housing; youth', 'Line one\nline two']);
  });

  it('writes dates as the office’s local date and time, which spreadsheets read as dates; French file names in French', async () => {
    const response = await download('/export/people.csv?lang=fr', 'ADMIN');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="personnes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = await parse(response.raw);
    expect(header.slice(-2)).toEqual(['Créé le', 'Modifié le']);
    expect(header).toContain('Étape d’engagement');
    const amina = rows.find((r) => r[0] === ids.amina)!;
    const [db] = await api.dataSource.query(
      `SELECT to_char(created_at AT TIME ZONE 'America/Toronto', 'YYYY-MM-DD HH24:MI') AS created FROM person WHERE id = $1`,
      [ids.amina],
    );
    expect(amina.at(-2)).toBe(db.created);
    expect(amina.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const organizations = await download('/export/organizations.csv?lang=fr', 'ADMIN');
    expect(organizations.headers['content-disposition']).toMatch(/filename="organismes-\d{4}-\d{2}-\d{2}\.csv"/);
  });

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const response = await download('/export/people.csv?lang=en', 'ADMIN');
    expect(response.text).toContain(`"'=HYPERLINK(""http://x"")",'@Evil`);
    const row = (await parse(response.raw)).find((r) => r[0] === ids.formula)!;
    expect(row[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[2]).toBe("'@Evil");
    expect(row[9]).toBe("'+1");
    expect(row[17]).toBe("'-2+3");
    const organizations = await download('/export/organizations.csv', 'ADMIN');
    expect(organizations.text).toContain(`'=cmd|calc,'=cmd|calc`);
  });

  it('labels columns and values in French for a French-speaking user, or as ?lang= says', async () => {
    // The demo STAFF user prefers French.
    const french = await download('/export/people.csv', 'STAFF');
    const [header, ...rows] = await parse(french.raw);
    expect(header.slice(0, 5)).toEqual(['ID', 'Prénom', 'Nom', 'Langue de préférence', 'Courriels']);
    expect(rows.find((r) => r[0] === ids.amina)!.slice(11, 16)).toEqual(['Repéré', 'Non', 'Non', 'Non', 'Oui']);
    const english = await download('/export/organizations.csv?lang=en', 'STAFF');
    expect((await parse(english.raw))[0].slice(0, 6)).toEqual(['ID', 'Name', 'Name (French)', 'Kind', 'Membership', 'Member since']);
    const organizationsFr = await download('/export/organizations.csv?lang=fr', 'ADMIN');
    const orgRows = await parse(organizationsFr.raw);
    expect(orgRows.find((r) => r[1] === 'Ottawa Welcome Centre')!.slice(3, 5)).toEqual(['Organisme d’établissement', 'Allié']);
  });

  it('applies the list filters given as query parameters', async () => {
    const quebec = await parse((await download('/export/people.csv?provinceCodes=QC', 'ADMIN')).raw);
    expect(quebec.slice(1).map((r) => r[0])).toEqual([ids.quebec]);
    const both = await parse((await download('/export/people.csv?provinceCodes=ON,QC&tags=youth', 'ADMIN')).raw);
    expect(both.slice(1).map((r) => r[0])).toEqual([ids.amina, ids.other]);
    const repeated = await parse((await download('/export/people.csv?provinceCodes=QC&provinceCodes=ON&search=hadad', 'ADMIN')).raw);
    expect(repeated.slice(1).map((r) => r[0])).toEqual([ids.amina]);
    const organization = await parse((await download(`/export/people.csv?organizationId=${ids.org}`, 'ADMIN')).raw);
    expect(organization.slice(1).map((r) => r[0])).toEqual([ids.amina]);
    const kinds = (await parse((await download('/export/organizations.csv?kinds=settlement_agency&lang=en', 'ADMIN')).raw)).slice(1);
    expect(kinds.map((r) => r[1])).toContain('Ottawa Welcome Centre');
    expect(new Set(kinds.map((r) => r[3]))).toEqual(new Set(['Settlement agency']));
  });

  it('holds exactly the rows of the GraphQL list with the same filter', async () => {
    const list = await api.graphql(`{ people(first: 200, filter: { provinceCodes: ["ON", "QC"] }) { nodes { id } } }`, {}, await api.tokenFor('ADMIN'));
    const listed = (list.data!.people as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    const exported = (await parse((await download('/export/people.csv?provinceCodes=ON,QC', 'ADMIN')).raw)).slice(1).map((r) => r[0]);
    expect(exported).toEqual(listed);
  });

  it('keeps the list order it was asked for: most recently changed first too', async () => {
    const list = await api.graphql(
      `{ people(first: 200, filter: { provinceCodes: ["ON", "QC"], sort: UPDATED }) { nodes { id } } }`,
      {},
      await api.tokenFor('ADMIN'),
    );
    const listed = (list.data!.people as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    const byName = (await parse((await download('/export/people.csv?provinceCodes=ON,QC', 'ADMIN')).raw)).slice(1).map((r) => r[0]);
    const exported = (await parse((await download('/export/people.csv?provinceCodes=ON,QC&sort=UPDATED', 'ADMIN')).raw)).slice(1).map((r) => r[0]);
    expect(exported).toEqual(listed);
    expect(new Set(exported)).toEqual(new Set(byName));
    const refused = await download('/export/people.csv?sort=SIZE', 'ADMIN');
    expect(refused.status).toBe(400);
  });

  it('coordinator in Ontario cannot export a person in Quebec, even by asking for Quebec', async () => {
    const all = await parse((await download('/export/people.csv', 'COORDINATOR')).raw);
    const exported = all.slice(1).map((r) => r[0]);
    expect(exported).toEqual([ids.formula, ids.amina, ids.other]);
    expect(exported).not.toContain(ids.quebec);
    const asked = await download('/export/people.csv?provinceCodes=QC', 'COORDINATOR');
    expect(asked.status).toBe(200);
    expect((await parse(asked.raw)).length).toBe(1);
    expect(asked.text).not.toContain('Tremblay');
    // Quebec's coordinator sees only Quebec.
    const quebec = await parse((await download('/export/people.csv', 'COORDINATOR_QC')).raw);
    expect(quebec.slice(1).map((r) => r[0])).toEqual([ids.quebec]);
  });

  it('leaves out lived experience a coordinator may not see, and other users’ e-mails', async () => {
    const rows = await parse((await download('/export/people.csv?lang=en', 'COORDINATOR')).raw);
    const livedExperience = rows[0].indexOf('Lived experience');
    const owner = rows[0].indexOf('Owner e-mail');
    // The coordinator owns Amina: they see her lived experience and their own e-mail; not Omar's.
    expect(rows.find((r) => r[0] === ids.amina)![livedExperience]).toBe('Yes');
    expect(rows.find((r) => r[0] === ids.amina)![owner]).toBe('ontario@demo.coalition.invalid');
    expect(rows.find((r) => r[0] === ids.other)![livedExperience]).toBe('');
    const staff = await parse((await download('/export/people.csv?lang=en', 'STAFF')).raw);
    expect(staff.find((r) => r[0] === ids.other)![livedExperience]).toBe('Yes');
    // STAFF may not read another user's e-mail address.
    expect(staff.find((r) => r[0] === ids.amina)![owner]).toBe('');
  });

  it('refuses FUNDER with FORBIDDEN in the GraphQL error shape, and anonymous callers with UNAUTHENTICATED', async () => {
    const funder = await download('/export/people.csv', 'FUNDER');
    expect(funder.status).toBe(403);
    expect(JSON.parse(funder.text)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
    expect((await download('/export/organizations.csv', 'FUNDER')).status).toBe(403);
    expect((await download('/export/people.csv', 'MEMBER')).status).toBe(403);
    const anonymous = await download('/export/people.csv');
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a bad filter with BAD_USER_INPUT naming the field, like the GraphQL list', async () => {
    const bad = await download('/export/people.csv?provinceCodes=XX&updatedSince=yesterday', 'ADMIN');
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.text).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields.map((f: { path: unknown[] }) => f.path)).toEqual([
      ['filter', 'provinceCodes', 0],
      ['filter', 'updatedSince'],
    ]);
    const unknown = await download('/export/people.csv?colour=blue', 'ADMIN');
    expect(JSON.parse(unknown.text).errors[0].extensions.fields).toEqual([
      { path: ['filter', 'colour'], code: 'unknownFilter', message: 'This is not a filter of this list.' },
    ]);
    const language = await download('/export/people.csv?lang=de', 'ADMIN');
    expect(JSON.parse(language.text).errors[0].extensions.fields[0].path).toEqual(['lang']);
  });

  it('writes one audit entry per export with the filter and the row count, no personal values', async () => {
    await download('/export/people.csv?provinceCodes=ON&search=Haddad', 'COORDINATOR');
    const entries: { action: string; actor_role: string; changes: Record<string, { to: unknown }> }[] = await api.dataSource.query(
      `SELECT action, actor_role, changes FROM audit_entry WHERE action = 'person.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(entries[0].actor_role).toBe('COORDINATOR');
    expect(entries[0].changes.rowCount.to).toBe(1);
    expect(entries[0].changes.completed.to).toBe(true);
    expect(entries[0].changes.filter.to).toEqual({ provinceCodes: ['ON'], archived: false, search: '•••', sort: 'NAME' });
    expect(JSON.stringify(entries[0].changes)).not.toMatch(/Haddad|Amina|example\.org/);
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM audit_entry WHERE action = 'organization.export'`);
    expect(count).toBeGreaterThan(0);
  });
});
