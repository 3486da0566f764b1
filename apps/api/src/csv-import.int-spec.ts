import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { DryRunImportJob, ImportEngine, readCsv, RunImportJob } from '@crm/data-transfer';
import { ActivityRecorder } from '@crm/timeline';
import { ApiHarness, type DemoRole } from './testing/api-harness';
import { data, ImportSteps, recordImportModules, startImportJobs } from './testing/import-steps';

// CSV import of organizations and people (decision 050): upload over HTTP,
// mapping, dry run and run through GraphQL, the jobs run here by calling their
// handlers (what the worker's processor does with the job the outbox relays).

const demo = (name: string) => readFileSync(path.resolve(__dirname, '../../../tools/demo-csv', name));

const batchFields = `id kind status filename encoding delimiter headers rowCount skipInvalidRows duplicatePolicy lastError
  mapping { column header field } progress { validatedRows appliedRows rowsToApply }
  counts { create update skip error created updated skipped failed } problemSummary { field message count }`;

interface Batch {
  id: string;
  status: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  rowCount: number;
  lastError: string | null;
  progress: { validatedRows: number; appliedRows: number; rowsToApply: number };
  counts: Record<'create' | 'update' | 'skip' | 'error' | 'created' | 'updated' | 'skipped' | 'failed', number>;
  problemSummary: { field: string | null; message: string; count: number }[];
}

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

describe('CSV import', () => {
  let api: ApiHarness;
  let jobs: INestApplicationContext;
  let userIds: Record<string, string>;

  async function upload(role: DemoRole, body: Buffer | string, query = 'kind=people&filename=people.csv', contentType = 'text/csv') {
    return new ImportSteps(api).upload(await api.tokenFor(role), query, body, contentType);
  }

  async function uploaded(role: DemoRole, body: Buffer | string, query = 'kind=people&filename=people.csv'): Promise<string> {
    return new ImportSteps(api).uploaded(await api.tokenFor(role), query, body);
  }

  async function batch(role: DemoRole, id: string): Promise<Batch> {
    return data<Batch>(await api.graphql(`query($id: ID!) { importBatch(id: $id) { ${batchFields} } }`, { id }, await api.tokenFor(role)), 'importBatch');
  }

  async function guess(role: DemoRole, batchId: string) {
    const result = await api.graphql(
      `query($id: ID!) { guessImportMapping(batchId: $id) { columns { column header field samples } fields { name required } } }`,
      { id: batchId },
      await api.tokenFor(role),
    );
    return data<{ columns: { column: number; header: string; field: string | null; samples: string[] }[]; fields: { name: string; required: boolean }[] }>(
      result,
      'guessImportMapping',
    );
  }

  async function setMapping(
    role: DemoRole,
    batchId: string,
    mapping: { column: number; field: string | null }[],
    duplicatePolicy: 'UPDATE' | 'SKIP',
    skipInvalidRows = false,
  ) {
    return api.graphql(
      `mutation($input: SetImportMappingInput!) { setImportMapping(input: $input) { ${batchFields} } }`,
      { input: { batchId, mapping, duplicatePolicy, skipInvalidRows } },
      await api.tokenFor(role),
    );
  }

  async function mapAsGuessed(role: DemoRole, batchId: string, policy: 'UPDATE' | 'SKIP', skipInvalidRows = false): Promise<Batch> {
    const { columns } = await guess(role, batchId);
    const result = await api.graphql(
      `mutation($input: SetImportMappingInput!) { setImportMapping(input: $input) { ${batchFields} } }`,
      { input: { batchId, mapping: columns.map((c) => ({ column: c.column, field: c.field })), duplicatePolicy: policy, skipInvalidRows } },
      await api.tokenFor(role),
    );
    return data<Batch>(result, 'setImportMapping');
  }

  /** The dry run: the mutation enqueues the job through the outbox; the job runs here. */
  async function dryRun(role: DemoRole, batchId: string): Promise<Batch> {
    const started = data<Batch>(
      await api.graphql(`mutation($id: ID!) { dryRunImport(batchId: $id) { id status } }`, { id: batchId }, await api.tokenFor(role)),
      'dryRunImport',
    );
    expect(started.status).toBe('VALIDATING');
    const [job] = await api.dataSource.query(
      `SELECT job_name, queue, payload FROM outbox WHERE payload->>'importBatchId' = $1 ORDER BY created_at DESC LIMIT 1`,
      [batchId],
    );
    expect(job).toEqual({ job_name: 'DryRunImportJob', queue: 'imports', payload: { importBatchId: batchId } });
    await jobs.get(DryRunImportJob).handle({ importBatchId: batchId });
    return batch(role, batchId);
  }

  async function run(role: DemoRole, batchId: string): Promise<Batch> {
    const result = await api.graphql(`mutation($id: ID!) { runImport(batchId: $id) { id status } }`, { id: batchId }, await api.tokenFor(role));
    expect(data<Batch>(result, 'runImport').status).toBe('IMPORTING');
    await jobs.get(RunImportJob).handle({ importBatchId: batchId });
    return batch(role, batchId);
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS count FROM ${sql}`, params);
    return row.count;
  }

  async function insertPerson(values: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    await api.dataSource.query(
      `INSERT INTO person (id, first_name, last_name, province_code, emails, phones, tags, owner_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        values.firstName,
        values.lastName ?? '',
        values.provinceCode,
        values.emails ?? [],
        values.phones ?? [],
        values.tags ?? [],
        values.ownerId ?? null,
        values.createdById ?? null,
      ],
    );
    return id;
  }

  beforeAll(async () => {
    api = await ApiHarness.start();
    jobs = await startImportJobs(api.config, recordImportModules);
    const rows: { email: string; id: string }[] = await api.dataSource.query(`SELECT lower(email) AS email, id FROM app_user`);
    userIds = Object.fromEntries(rows.map((r) => [r.email, r.id]));
  });
  afterAll(async () => {
    await jobs?.close();
    await api?.close();
  });

  describe('the demo files, end to end', () => {
    let organizationsBatch: string;
    let peopleBatch: string;

    it('imports the demo organizations: upload, guessed mapping, dry run, run', async () => {
      const before = await count('organization');
      const response = await upload('STAFF', demo('organizations-civicrm.csv'), 'kind=organizations&filename=organizations-civicrm.csv');
      expect(response.status).toBe(201);
      expect(response.body.importBatch).toMatchObject({ kind: 'organizations', status: 'uploaded', encoding: 'utf-8-bom', delimiter: ',', rowCount: 20 });
      organizationsBatch = response.body.importBatch.id;

      const { columns } = await guess('STAFF', organizationsBatch);
      expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toEqual({
        'Contact ID': null,
        'Contact Type': 'contactType',
        'Organization Name': 'nameEn',
        'Contact Subtype': 'kind',
        Email: 'email',
        Phone: 'phone',
        Website: 'website',
        'Street Address': null,
        City: 'city',
        'State/Province': 'provinceCode',
        'Postal Code': 'postalCode',
        Country: null,
        Tags: 'tags',
      });
      expect(columns.find((c) => c.header === 'City')!.samples).toEqual(['Ottawa', 'Toronto', 'Hamilton']);

      await mapAsGuessed('STAFF', organizationsBatch, 'SKIP', true);
      const checked = await dryRun('STAFF', organizationsBatch);
      expect(checked.status).toBe('VALIDATED');
      expect(checked.counts).toMatchObject({ create: 17, update: 0, skip: 1, error: 2 });
      expect(checked.progress).toEqual({ validatedRows: 20, appliedRows: 0, rowsToApply: 18 });
      expect(await count('organization')).toBe(before);

      const done = await run('STAFF', organizationsBatch);
      expect(done.status).toBe('IMPORTED');
      expect(done.counts).toMatchObject({ created: 17, updated: 0, skipped: 1, failed: 0 });
      expect(done.progress.appliedRows).toBe(18);
      expect(await count('organization')).toBe(before + 17);
      const [ocis] = await api.dataSource.query(
        `SELECT kind, province_code, website, tags, created_by_id FROM organization WHERE name_en = 'Ottawa Community Immigrant Services'`,
      );
      expect(ocis).toEqual({
        kind: 'settlement_agency',
        province_code: 'ON',
        website: 'https://ocisdemo.example.org',
        tags: ['private-sponsorship'],
        created_by_id: userIds['staff@demo.coalition.invalid'],
      });
      // One audit entry per chunk lists the records it created (ids only).
      const [created] = await api.dataSource.query(`SELECT actor_role, changes FROM audit_entry WHERE action = 'organization.import' AND subject_id = $1`, [
        organizationsBatch,
      ]);
      expect(created.actor_role).toBe('STAFF');
      expect(created.changes.created.to).toHaveLength(17);
      expect(created.changes.created.to).toContain(
        (await api.dataSource.query(`SELECT id FROM organization WHERE name_en = 'Ottawa Community Immigrant Services'`))[0].id,
      );
      expect(await count(`activity WHERE kind = 'record.created' AND summary->>'importBatchId' = $1`, [organizationsBatch])).toBe(17);
    });

    it('checks every row: new, duplicate of an earlier row, invalid with its reason', async () => {
      peopleBatch = await uploaded('STAFF', demo('people-civicrm.csv'), 'kind=people&filename=people-civicrm.csv');
      const { columns } = await guess('STAFF', peopleBatch);
      expect(Object.fromEntries(columns.map((c) => [c.header, c.field]))).toMatchObject({
        'First Name': 'firstName',
        'Last Name': 'lastName',
        Email: 'emails',
        Phone: 'phones',
        'Organization Name': 'organizationName',
        'Job Title': 'jobTitle',
        'State/Province': 'provinceCode',
        City: 'city',
        'Preferred Language': 'preferredLanguage',
        'Do Not Email': 'doNotEmail',
        Tags: 'tags',
        'Contact Type': 'contactType',
        'Postal Code': null,
      });
      await mapAsGuessed('STAFF', peopleBatch, 'SKIP', false);
      const checked = await dryRun('STAFF', peopleBatch);
      // Row 51's tag “Gala 2019” is not in the vocabulary: left out with a warning, the row is created.
      expect(checked.counts).toMatchObject({ create: 42, skip: 3, error: 5 });
      expect(checked.problemSummary).toContainEqual({ field: 'emails', message: '“olivia.reyes.at.example.org”: Enter a valid e-mail address.', count: 1 });

      expect((await batch('STAFF', peopleBatch)).status).toBe('VALIDATED');
    });

    it('imports the valid people; one bad row never blocks the others (they are left out and listed)', async () => {
      await mapAsGuessed('STAFF', peopleBatch, 'SKIP');
      expect((await dryRun('STAFF', peopleBatch)).counts).toMatchObject({ create: 42, skip: 3, error: 5 });
      const before = await count('person');
      const done = await run('STAFF', peopleBatch);
      expect(done).toMatchObject({ status: 'IMPORTED', counts: expect.objectContaining({ created: 42, skipped: 3, failed: 0 }) });
      expect(await count('person')).toBe(before + 42);
      const [amina] = await api.dataSource.query(
        `SELECT p.first_name, p.emails, p.phones, p.preferred_language, p.province_code, p.city, p.tags, a.title, o.name_en AS organization
           FROM person p JOIN affiliation a ON a.person_id = p.id JOIN organization o ON o.id = a.organization_id
          WHERE p.emails @> ARRAY['amina.haddad@example.org']`,
      );
      expect(amina).toEqual({
        first_name: 'Amina',
        emails: ['amina.haddad@example.org'],
        phones: ['+16135550201'],
        preferred_language: 'en',
        province_code: 'ON',
        city: 'Ottawa',
        tags: ['private-sponsorship', 'speaker'],
        title: 'Executive Director',
        organization: 'Ottawa Community Immigrant Services',
      });
      const [marieClaude] = await api.dataSource.query(
        `SELECT preferred_language, consent_email, province_code FROM person WHERE emails @> ARRAY['mc.gagnon@example.org']`,
      );
      expect(marieClaude).toEqual({ preferred_language: 'fr', consent_email: false, province_code: 'QC' });
      const [entry] = await api.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'person.import' AND subject_id = $1`, [peopleBatch]);
      expect(entry.changes.created.to).toHaveLength(42);
      // Ids only: no personal values in the audit log.
      expect(JSON.stringify(entry.changes)).not.toMatch(/Amina|example\.org/);
      expect(await count(`activity WHERE kind = 'affiliation.added' AND record_type = 'Person' AND subject_type = 'Organization'`)).toBe(18);
    });

    it('keeps line numbers across quoted line breaks and names the rows it skipped', async () => {
      const rows = await api.graphql(
        `query($id: ID!) { importRows(batchId: $id, first: 3) { nodes { rowNumber lineNumber fate applied recordId } pageInfo { hasNextPage endCursor } } }`,
        { id: peopleBatch },
        await api.tokenFor('STAFF'),
      );
      const page = data<{ nodes: { rowNumber: number; lineNumber: number; applied: string }[]; pageInfo: { hasNextPage: boolean } }>(rows, 'importRows');
      // Row 1 spans lines 2-3 (a line break inside its street address).
      expect(page.nodes.map((n) => [n.rowNumber, n.lineNumber])).toEqual([
        [1, 2],
        [2, 4],
        [3, 5],
      ]);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const skipped = await api.graphql(
        `query($id: ID!) { importRows(batchId: $id, fate: SKIP) { nodes { rowNumber duplicateOfRow matchId applied } } }`,
        { id: peopleBatch },
        await api.tokenFor('STAFF'),
      );
      expect(data<{ nodes: unknown[] }>(skipped, 'importRows').nodes).toEqual([
        { rowNumber: 42, duplicateOfRow: 4, matchId: null, applied: 'SKIPPED' },
        { rowNumber: 43, duplicateOfRow: 1, matchId: null, applied: 'SKIPPED' },
        { rowNumber: 44, duplicateOfRow: 9, matchId: null, applied: 'SKIPPED' },
      ]);
    });

    it('offers the rejected rows as CSV: the original cells and the reason', async () => {
      const response = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/imports/${peopleBatch}/rejected.csv?lang=en`, headers: { authorization: `Bearer ${await api.tokenFor('STAFF')}` } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="people-civicrm-rejected.csv"');
      expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const file = await readCsv(once(response.rawPayload), { maxBytes: 1_000_000 });
      expect(file.headers.at(-1)).toBe('Reason');
      const rows: string[][] = [];
      for await (const row of file.rows) rows.push(row.cells);
      expect(rows.map((r) => r[0])).toEqual(['245', '246', '247', '248', '250']);
      const reasons = rows.map((r) => r.at(-1));
      expect(reasons).toEqual([
        'Line 47: Email: “olivia.reyes.at.example.org”: Enter a valid e-mail address.',
        'Line 48: First Name: This field is required.',
        'Line 49: State/Province: “Ontaria” is not a Canadian province or territory (ON, Ontario, Québec…)',
        expect.stringMatching(/^Line 50: Phone: “12345”: Enter a phone number/),
        'Line 52: Contact Type: is “Organization”: import organizations from an organizations file',
      ]);
      // The original cells, as uploaded.
      expect(rows[0].slice(2, 5)).toEqual(['Olivia', 'Reyes', 'olivia.reyes.at.example.org']);
    });

    it('says every row problem in French, from its code, in the French rejected rows and in the rows the screens read', async () => {
      const response = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/imports/${peopleBatch}/rejected.csv?lang=fr`, headers: { authorization: `Bearer ${await api.tokenFor('STAFF')}` } });
      expect(response.statusCode).toBe(200);
      const file = await readCsv(once(response.rawPayload), { maxBytes: 1_000_000 });
      expect(file.headers.at(-1)).toBe('Motif');
      const reasons: string[] = [];
      for await (const row of file.rows) reasons.push(row.cells.at(-1) ?? '');
      expect(reasons).toEqual([
        'Ligne 47\u00a0: Email\u00a0: «\u00a0olivia.reyes.at.example.org\u00a0»\u00a0: Saisissez une adresse courriel valide.',
        'Ligne 48\u00a0: First Name\u00a0: Ce champ est obligatoire.',
        'Ligne 49\u00a0: State/Province\u00a0: «\u00a0Ontaria\u00a0» n’est pas une province ni un territoire du Canada (ON, Ontario, Québec…).',
        expect.stringMatching(/^Ligne 50\u00a0: Phone\u00a0: «\u00a012345\u00a0»\u00a0: [^A-Za-z]*[A-Z][a-zé]+ un numéro/),
        'Ligne 52\u00a0: Contact Type\u00a0: Cette ligne est «\u00a0Organization\u00a0»\u00a0: importez les organismes depuis un fichier d’organismes.',
      ]);
      // Every problem of every row carries a code the catalogues say in both languages: nothing reaches a screen in English only.
      const result = await api.graphql(
        `query($id: ID!) { importRows(batchId: $id, first: 100, fate: ERROR) { nodes { problems { code message } } } }`,
        { id: peopleBatch },
        await api.tokenFor('STAFF'),
      );
      const problems = data<{ nodes: { problems: { code: string | null; message: string }[] }[] }>(result, 'importRows').nodes.flatMap((row) => row.problems);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.filter((problem) => !problem.code)).toEqual([]);
    });

    it('creates no duplicates when the same file is imported again (duplicates found by e-mail)', async () => {
      const before = await count('person');
      const again = await uploaded('STAFF', demo('people-civicrm.csv'));
      await mapAsGuessed('STAFF', again, 'UPDATE', true);
      const checked = await dryRun('STAFF', again);
      expect(checked.counts).toMatchObject({ create: 0, update: 45, skip: 0, error: 5 });
      const done = await run('STAFF', again);
      expect(done.counts).toMatchObject({ created: 0, updated: 45, failed: 0 });
      expect(await count('person')).toBe(before);
      // Row 43's second e-mail was added to Amina, once.
      const [amina] = await api.dataSource.query(`SELECT emails, tags FROM person WHERE emails @> ARRAY['amina.haddad@example.org']`);
      expect(amina.emails).toEqual(['amina.haddad@example.org', 'amina@ocisdemo.example.org']);
      expect(amina.tags).toEqual(['private-sponsorship', 'speaker', 'mp-contact']);
    });
  });

  describe('duplicates by e-mail', () => {
    const file = (phone: string) => `First Name,Last Name,Email,Phone,Province,Tags\r\nDana,Scully,DANA.SCULLY@example.org,${phone},ON,Youth\r\n`;

    it('updates the existing person when the policy is UPDATE, matching e-mails without case', async () => {
      const id = await insertPerson({ firstName: 'Dana', lastName: 'S.', provinceCode: 'ON', emails: ['dana.scully@example.org'], tags: ['housing'] });
      const batchId = await uploaded('ADMIN', file('613-555-0111'));
      await mapAsGuessed('ADMIN', batchId, 'UPDATE');
      const checked = await dryRun('ADMIN', batchId);
      expect(checked.counts).toMatchObject({ create: 0, update: 1 });
      await run('ADMIN', batchId);
      const [row] = await api.dataSource.query(`SELECT last_name, phones, tags, version FROM person WHERE id = $1`, [id]);
      expect(row).toEqual({ last_name: 'Scully', phones: ['+16135550111'], tags: ['housing', 'youth'], version: 2 });
      expect(await count(`person WHERE emails @> ARRAY['dana.scully@example.org']`)).toBe(1);
      const [audit] = await api.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'person.update' AND subject_id = $1`, [id]);
      expect(Object.keys(audit.changes).sort()).toEqual(['importBatchId', 'lastName', 'phones', 'tags']);
      expect(audit.changes.lastName).toEqual({ from: '•••', to: '•••' });
    });

    it('leaves the existing person alone when the policy is SKIP', async () => {
      const [before] = await api.dataSource.query(`SELECT * FROM person WHERE emails @> ARRAY['dana.scully@example.org']`);
      const batchId = await uploaded('ADMIN', file('613-555-0122'));
      await mapAsGuessed('ADMIN', batchId, 'SKIP');
      expect((await dryRun('ADMIN', batchId)).counts).toMatchObject({ create: 0, skip: 1 });
      expect((await run('ADMIN', batchId)).counts).toMatchObject({ skipped: 1, created: 0, updated: 0 });
      const [after] = await api.dataSource.query(`SELECT * FROM person WHERE id = $1`, [before.id]);
      expect(after).toEqual(before);
    });
  });

  describe('files as people save them', () => {
    it('reads a Latin-1 (Windows-1252) file from Excel', async () => {
      const latin1 = Buffer.from('Prénom;Nom;Courriel;Province;Ville\r\nFrançois;Bérubé;francois.berube@example.org;Québec;Trois-Rivières\r\n', 'latin1');
      const batchId = await uploaded('ADMIN', latin1);
      const checked = await batch('ADMIN', batchId);
      expect(checked).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headers: ['Prénom', 'Nom', 'Courriel', 'Province', 'Ville'], rowCount: 1 });
      await mapAsGuessed('ADMIN', batchId, 'SKIP');
      expect((await dryRun('ADMIN', batchId)).counts).toMatchObject({ create: 1, error: 0 });
      await run('ADMIN', batchId);
      const [row] = await api.dataSource.query(
        `SELECT first_name, last_name, province_code, city FROM person WHERE emails @> ARRAY['francois.berube@example.org']`,
      );
      expect(row).toEqual({ first_name: 'François', last_name: 'Bérubé', province_code: 'QC', city: 'Trois-Rivières' });
    });

    it('accepts a multipart form upload', async () => {
      const boundary = '----csvboundary';
      const body = [
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npeople\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="C:\\fakepath\\list.csv"\r\nContent-Type: text/csv\r\n\r\n`,
        'First Name,Email,Province\r\nMulder,fox.mulder@example.org,ON\r\n',
        `\r\n--${boundary}--\r\n`,
      ].join('');
      const response = await upload('ADMIN', body, '', `multipart/form-data; boundary=${boundary}`);
      expect(response.status).toBe(201);
      expect(response.body.importBatch).toMatchObject({ kind: 'people', filename: 'list.csv', rowCount: 1, headers: ['First Name', 'Email', 'Province'] });
    });

    it.each([
      ['a first row of data', 'amina@example.org,Amina,ON\r\nsam@example.org,Sam,QC\r\n', /first row looks like data/],
      ['a column without a name', 'First Name,,Province\r\nA,B,ON\r\n', /Column 2 has no name/],
      ['an empty file', '', /empty/],
      ['a header without rows', 'First Name,Email,Province\r\n', /no data rows/],
      ['an unclosed quote', 'First Name,Notes,Province\r\nA,"never closed,ON\r\n', /Line \d+: a quoted cell is never closed/],
      ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /Excel workbook/],
      ['binary junk', Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919) % 256)), /not a text file/],
      ['text that is not CSV', 'lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n'.repeat(500), /does not look like a CSV file of people/],
    ])('refuses %s with a clear message and stores nothing', async (_name, body, message) => {
      const before = await count('import_batch');
      const response = await upload('ADMIN', body as string | Buffer);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors[0].message).toMatch(message);
      expect(response.body.errors[0].extensions.fields[0].path).toEqual(['file']);
      expect(await count('import_batch')).toBe(before);
    });

    it('answers an unknown kind and a missing token in the GraphQL error shape', async () => {
      const kind = await upload('ADMIN', 'First Name\r\nA\r\n', 'kind=events');
      expect(kind.status).toBe(400);
      expect(kind.body.errors[0].extensions.fields[0].path).toEqual(['kind']);
      const anonymous = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'POST', url: '/imports?kind=people', headers: { 'content-type': 'text/csv' }, payload: 'a,b\r\n1,2\r\n' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // Other routes still refuse CSV bodies.
      const graphql = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
      expect(graphql.statusCode).toBe(415);
    });
  });

  describe('scope', () => {
    it('lets an Ontario coordinator import people in Ontario only, owned by them', async () => {
      const csv = 'First Name,Last Name,Email,State/Province\r\nWalter,Skinner,w.skinner@example.org,Ontario\r\nMonica,Reyes,m.reyes@example.org,Quebec\r\n';
      const batchId = await uploaded('COORDINATOR', csv);
      await mapAsGuessed('COORDINATOR', batchId, 'SKIP', true);
      const checked = await dryRun('COORDINATOR', batchId);
      expect(checked.counts).toMatchObject({ create: 1, error: 1 });
      expect(checked.problemSummary).toEqual([{ field: 'provinceCode', message: 'QC is outside your regions', count: 1 }]);
      await run('COORDINATOR', batchId);
      const [walter] = await api.dataSource.query(`SELECT owner_id, created_by_id FROM person WHERE emails @> ARRAY['w.skinner@example.org']`);
      const coordinator = userIds['ontario@demo.coalition.invalid'];
      expect(walter).toEqual({ owner_id: coordinator, created_by_id: coordinator });
      expect(await count(`person WHERE emails @> ARRAY['m.reyes@example.org']`)).toBe(0);
    });

    it('lets a coordinator name as owner only whom their forms offer: staff, themselves, not a coordinator of another region', async () => {
      const csv =
        'First Name,Email,State/Province,Owner Email\r\n' +
        'Dana,d.scully@example.org,ON,staff@demo.coalition.invalid\r\n' +
        'Fox,f.mulder@example.org,ON,ontario@demo.coalition.invalid\r\n' +
        'Gibson,g.praise@example.org,ON,quebec@demo.coalition.invalid\r\n';
      const batchId = await uploaded('COORDINATOR', csv);
      await mapAsGuessed('COORDINATOR', batchId, 'SKIP', true);
      const checked = await dryRun('COORDINATOR', batchId);
      expect(checked.counts).toMatchObject({ create: 2, error: 1 });
      expect(checked.problemSummary).toEqual([
        { field: 'ownerEmail', message: '“quebec@demo.coalition.invalid” is not the e-mail of a staff or coordinator account you can make owner', count: 1 },
      ]);
      // Staff may name any coordinator.
      const asStaff = await uploaded('STAFF', csv.replace(/example\.org/g, 'example.net'));
      await mapAsGuessed('STAFF', asStaff, 'SKIP', true);
      expect((await dryRun('STAFF', asStaff)).counts).toMatchObject({ create: 3, error: 0 });
    });

    it('does not let a coordinator update a person they neither created nor own, nor see one in another region', async () => {
      await insertPerson({ firstName: 'Alvin', lastName: 'Kersh', provinceCode: 'ON', emails: ['a.kersh@example.org'] });
      await insertPerson({ firstName: 'John', lastName: 'Doggett', provinceCode: 'QC', emails: ['j.doggett@example.org'] });
      const csv = 'First Name,Email,State/Province\r\nAlvin,a.kersh@example.org,ON\r\nJohn,j.doggett@example.org,ON\r\n';
      const batchId = await uploaded('COORDINATOR', csv);
      await mapAsGuessed('COORDINATOR', batchId, 'UPDATE', true);
      const checked = await dryRun('COORDINATOR', batchId);
      // Kersh is visible but not theirs to edit; Doggett (Quebec) is invisible: a new Ontario person, as if he did not exist.
      expect(checked.counts).toMatchObject({ error: 1, create: 1 });
      expect(checked.problemSummary[0].message).toBe('matches an existing person you may not edit (ask their owner or national staff)');
    });

    it('refuses organizations imports to a coordinator, and FUNDER and MEMBER everything', async () => {
      const csv = 'Organization Name,State/Province\r\nX,ON\r\n';
      expect((await upload('COORDINATOR', csv, 'kind=organizations')).status).toBe(403);
      expect((await upload('FUNDER', csv, 'kind=people')).body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await upload('MEMBER', csv, 'kind=organizations')).status).toBe(403);
      const list = await api.graphql('{ importBatches { nodes { id } } }', {}, await api.tokenFor('FUNDER'));
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it("answers another user's batch as not found", async () => {
      const batchId = await uploaded('ADMIN', 'First Name,Province\r\nA,ON\r\n');
      const seen = await api.graphql(`query($id: ID!) { importBatch(id: $id) { id } }`, { id: batchId }, await api.tokenFor('STAFF'));
      expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const rejected = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url: `/imports/${batchId}/rejected.csv`, headers: { authorization: `Bearer ${await api.tokenFor('STAFF')}` } });
      expect(rejected.statusCode).toBe(404);
      const mine = await api.graphql('{ importBatches(first: 50) { nodes { id } } }', {}, await api.tokenFor('STAFF'));
      expect(data<{ nodes: { id: string }[] }>(mine, 'importBatches').nodes.map((n) => n.id)).not.toContain(batchId);
    });
  });

  describe('mapping', () => {
    it('refuses a mapping without the required fields, an unknown field, or a single field twice', async () => {
      const batchId = await uploaded('ADMIN', 'Given,Family,Email,Email 2\r\nA,B,a@example.org,b@example.org\r\n');
      const resolved = await setMapping(
        'ADMIN',
        batchId,
        [
          { column: 0, field: 'lastName' },
          { column: 1, field: 'lastName' },
          { column: 2, field: 'favouriteColour' },
          { column: 9, field: 'emails' },
        ],
        'SKIP',
      );
      expect(resolved.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const fields = resolved.errors?.[0].extensions?.fields as { path: string[]; code: string; params?: Record<string, unknown> }[];
      expect(fields.map((f) => [f.path.join('.'), f.code, f.params ?? {}])).toEqual([
        ['input.mapping.1.field', 'fieldOneColumn', { field: 'lastName' }],
        ['input.mapping.2.field', 'fieldUnknown', {}],
        ['input.mapping.3.column', 'columnUnknown', { count: 4 }],
        ['input.mapping', 'fieldNeedsColumn', { field: 'firstName' }],
        ['input.mapping', 'fieldNeedsColumn', { field: 'provinceCode' }],
      ]);
      const dry = await api.graphql(`mutation($id: ID!) { dryRunImport(batchId: $id) { id } }`, { id: batchId }, await api.tokenFor('ADMIN'));
      expect(dry.errors?.[0].message).toMatch(/set its column mapping first/);
    });
  });

  describe('running again after a crash', () => {
    const people = (n: number, offset = 0) =>
      'First Name,Last Name,Email,Province\r\n' +
      Array.from({ length: n }, (_v, i) => `Crash${i + offset},Test,crash${i + offset}@example.org,ON\r\n`).join('');

    afterEach(() => {
      jobs.get(ImportEngine).chunkSize = 1000;
      jest.restoreAllMocks();
    });

    it('a run that dies half-way and runs again creates every person exactly once', async () => {
      const batchId = await uploaded('ADMIN', people(7));
      await mapAsGuessed('ADMIN', batchId, 'UPDATE');
      await dryRun('ADMIN', batchId);
      const engine = jobs.get(ImportEngine);
      engine.chunkSize = 2;
      // The third chunk fails after writing its people (its transaction rolls back).
      const recorder = jobs.get(ActivityRecorder);
      const append = recorder.append.bind(recorder);
      let calls = 0;
      jest.spyOn(recorder, 'append').mockImplementation(async (...args) => {
        if (++calls === 3) throw new Error('worker killed');
        return append(...args);
      });
      await api.graphql(`mutation($id: ID!) { runImport(batchId: $id) { id } }`, { id: batchId }, await api.tokenFor('ADMIN'));
      await expect(jobs.get(RunImportJob).handle({ importBatchId: batchId })).rejects.toThrow('worker killed');
      expect(await count(`person WHERE first_name LIKE 'Crash%'`)).toBe(4);
      const half = await batch('ADMIN', batchId);
      expect(half).toMatchObject({ status: 'IMPORTING', progress: expect.objectContaining({ appliedRows: 4 }) });

      // The job is retried (BullMQ), twice even, at the same time: nothing is created twice.
      await Promise.all([jobs.get(RunImportJob).handle({ importBatchId: batchId }), jobs.get(RunImportJob).handle({ importBatchId: batchId })]);
      expect(await count(`person WHERE first_name LIKE 'Crash%'`)).toBe(7);
      const done = await batch('ADMIN', batchId);
      expect(done).toMatchObject({
        status: 'IMPORTED',
        counts: expect.objectContaining({ created: 7 }),
        progress: expect.objectContaining({ appliedRows: 7 }),
      });
      expect(await count(`import_row WHERE batch_id = $1 AND applied = 'created'`, [batchId])).toBe(7);
      expect(await count(`(SELECT DISTINCT record_id FROM import_row WHERE batch_id = $1) AS r`, [batchId])).toBe(7);

      // A job delivered again after the import finished does nothing.
      await jobs.get(RunImportJob).handle({ importBatchId: batchId });
      expect(await count(`person WHERE first_name LIKE 'Crash%'`)).toBe(7);
      const again = await api.graphql(`mutation($id: ID!) { runImport(batchId: $id) { id } }`, { id: batchId }, await api.tokenFor('ADMIN'));
      expect(again.errors?.[0].message).toMatch(/already imported/);
    });

    it('finds duplicates across chunks and within a chunk', async () => {
      jobs.get(ImportEngine).chunkSize = 2;
      const csv =
        'First Name,Email,Province,Tags\r\nA,dup1@example.org,ON,youth\r\nB,dup2@example.org,ON,\r\n' +
        'C,DUP1@example.org,ON,housing\r\nD,dup2@example.org,ON,\r\nE,dup1@example.org,ON,\r\n';
      const batchId = await uploaded('ADMIN', csv);
      await mapAsGuessed('ADMIN', batchId, 'UPDATE');
      const checked = await dryRun('ADMIN', batchId);
      expect(checked.counts).toMatchObject({ create: 2, update: 3 });
      const done = await run('ADMIN', batchId);
      expect(done.counts).toMatchObject({ created: 2, updated: 3 });
      const rows = await api.dataSource.query(
        `SELECT first_name, tags FROM person WHERE emails && ARRAY['dup1@example.org', 'dup2@example.org'] ORDER BY first_name`,
      );
      expect(rows).toEqual([
        { first_name: 'D', tags: [] },
        { first_name: 'E', tags: ['youth', 'housing'] },
      ]);
    });

    it('cancelling stops an import between chunks; what was applied stays', async () => {
      const batchId = await uploaded('ADMIN', people(4, 100));
      await mapAsGuessed('ADMIN', batchId, 'UPDATE');
      await dryRun('ADMIN', batchId);
      jobs.get(ImportEngine).chunkSize = 2;
      // The worker stops after the first chunk (its second chunk fails and rolls back)…
      const recorder = jobs.get(ActivityRecorder);
      const append = recorder.append.bind(recorder);
      let calls = 0;
      jest.spyOn(recorder, 'append').mockImplementation(async (...args) => {
        if (++calls === 2) throw new Error('worker stopped');
        return append(...args);
      });
      await api.graphql(`mutation($id: ID!) { runImport(batchId: $id) { id } }`, { id: batchId }, await api.tokenFor('ADMIN'));
      await expect(jobs.get(RunImportJob).handle({ importBatchId: batchId })).rejects.toThrow('worker stopped');
      // …the user cancels, and the retried job finds nothing to do.
      const cancelled = await api.graphql(`mutation($id: ID!) { cancelImport(batchId: $id) { status } }`, { id: batchId }, await api.tokenFor('ADMIN'));
      expect(data<{ status: string }>(cancelled, 'cancelImport').status).toBe('CANCELLED');
      await jobs.get(RunImportJob).handle({ importBatchId: batchId });
      expect(await count(`person WHERE first_name LIKE 'Crash10%'`)).toBe(2);
      expect(await batch('ADMIN', batchId)).toMatchObject({ status: 'CANCELLED', progress: expect.objectContaining({ appliedRows: 2 }) });
      expect(await count(`audit_entry WHERE action = 'import.cancel' AND subject_id = $1`, [batchId])).toBe(1);
    });
  });

  describe('import quality (hardening defect 11, each as a class)', () => {
    async function importRows(role: DemoRole, batchId: string) {
      const result = await api.graphql(
        `query($id: ID!) {
           importRows(batchId: $id, first: 100) { nodes { rowNumber fate applied matchId problems { field column code params warning message } } }
         }`,
        { id: batchId },
        await api.tokenFor(role),
      );
      return data<{ nodes: { rowNumber: number; fate: string; problems: { field: string; code: string | null; params: unknown; warning: boolean }[] }[] }>(
        result,
        'importRows',
      ).nodes;
    }

    async function exported(role: DemoRole, url: string): Promise<Buffer> {
      const response = await api.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url, headers: { authorization: `Bearer ${await api.tokenFor(role)}` } });
      expect(response.statusCode).toBe(200);
      return response.rawPayload;
    }

    it('leaves tags that are not in the vocabulary out with a warning (CiviCRM’s “Tag(s)”), never refusing the row', async () => {
      const file =
        'First Name,Last Name,Email,State/Province,Tag(s)\r\n' +
        Array.from(
          { length: 13 },
          (_v, i) => `Tag${i},Person,tag${i}@quality.example.org,ON,${i === 0 ? 'Private sponsorship' : `"Volunteer ${i}, Private sponsorship"`}`,
        ).join('\r\n') +
        '\r\n';
      const batchId = await uploaded('STAFF', file);
      expect((await guess('STAFF', batchId)).columns.find((c) => c.header === 'Tag(s)')!.field).toBe('tags');
      await mapAsGuessed('STAFF', batchId, 'SKIP');
      const checked = await dryRun('STAFF', batchId);
      expect(checked.counts).toMatchObject({ create: 13, error: 0 });
      const rows = await importRows('STAFF', batchId);
      expect(rows[1].problems).toEqual([
        expect.objectContaining({ field: 'tags', code: 'tagsLeftOut', params: { tags: '“Volunteer 1”', count: 1 }, warning: true }),
      ]);
      expect(rows[0].problems).toEqual([]);
      expect((await run('STAFF', batchId)).counts).toMatchObject({ created: 13, failed: 0 });
      const [person] = await api.dataSource.query(`SELECT tags FROM person WHERE emails @> ARRAY['tag5@quality.example.org']`);
      expect(person.tags).toEqual(['private-sponsorship']);
    });

    it('never replaces a value by a poorer spelling of it: later rows of the same person, and existing records', async () => {
      const file =
        'First Name,Last Name,Email,State/Province,City\r\n' +
        'Émilie,Côté,emilie.cote@quality.example.org,QC,Montréal\r\n' +
        'Emilie,Cote,EMILIE.COTE@quality.example.org,QC,montreal\r\n';
      const batchId = await uploaded('STAFF', file);
      await mapAsGuessed('STAFF', batchId, 'UPDATE');
      expect((await dryRun('STAFF', batchId)).counts).toMatchObject({ create: 1, update: 1, error: 0 });
      await run('STAFF', batchId);
      const [emilie] = await api.dataSource.query(`SELECT first_name, last_name, city FROM person WHERE emails @> ARRAY['emilie.cote@quality.example.org']`);
      expect(emilie).toEqual({ first_name: 'Émilie', last_name: 'Côté', city: 'Montréal' });

      // An organization matched by name and city (case and accents aside) keeps its spelling too.
      const [org] = await api.dataSource.query(
        `INSERT INTO organization (name_en, name_fr, kind, province_code, city) VALUES ('Centre Éveil', 'Centre Éveil', 'other', 'ON', 'Ottawa') RETURNING id`,
      );
      const orgBatch = await uploaded(
        'STAFF',
        'Organization Name,City,State/Province,Website\r\nCentre Eveil,ottawa,ON,https://eveil.example.org\r\n',
        'kind=organizations&filename=o.csv',
      );
      await mapAsGuessed('STAFF', orgBatch, 'UPDATE');
      expect((await dryRun('STAFF', orgBatch)).counts).toMatchObject({ update: 1, error: 0 });
      await run('STAFF', orgBatch);
      const [after] = await api.dataSource.query(`SELECT name_en, city, website FROM organization WHERE id = $1`, [org.id]);
      expect(after).toEqual({ name_en: 'Centre Éveil', city: 'Ottawa', website: 'https://eveil.example.org' });
    });

    it('normalises Canadian postal codes on every input path (CSV and GraphQL)', async () => {
      const batchId = await uploaded(
        'STAFF',
        'Organization Name,City,State/Province,Postal Code\r\nPostal One,Calgary,AB,T2P-1J9\r\nPostal Two,Calgary,AB,t2p1j9\r\n',
        'kind=organizations&filename=p.csv',
      );
      await mapAsGuessed('STAFF', batchId, 'SKIP');
      expect((await dryRun('STAFF', batchId)).counts).toMatchObject({ create: 2, error: 0 });
      await run('STAFF', batchId);
      const rows = await api.dataSource.query(`SELECT postal_code FROM organization WHERE name_en LIKE 'Postal %' ORDER BY name_en`);
      expect(rows).toEqual([{ postal_code: 'T2P 1J9' }, { postal_code: 'T2P 1J9' }]);
      const created = await api.graphql(
        `mutation($input: CreateOrganizationInputType!) { createOrganization(input: $input) { postalCode } }`,
        { input: { nameEn: 'Postal Three', kind: 'other', provinceCode: 'AB', postalCode: 'T2P-1J9' } },
        await api.tokenFor('STAFF'),
      );
      expect(data<{ postalCode: string }>(created, 'createOrganization').postalCode).toBe('T2P 1J9');
    });

    it('refuses a cell with a NUL or a control character as a row problem with its code, and imports the other rows', async () => {
      const file = Buffer.from(
        'First Name,Last Name,Email,State/Province\r\n' +
          'An\u0000a,Nul,nul@quality.example.org,ON\r\nBell,Ring\u0007,bel@quality.example.org,ON\r\nGood,Row,good@quality.example.org,ON\r\n',
      );
      const batchId = await uploaded('STAFF', file);
      await mapAsGuessed('STAFF', batchId, 'SKIP', true);
      expect((await dryRun('STAFF', batchId)).counts).toMatchObject({ create: 1, error: 2 });
      const rows = await importRows('STAFF', batchId);
      expect(rows[0].problems).toEqual([expect.objectContaining({ field: 'firstName', code: 'controlCharacters', warning: false })]);
      expect(rows[1].problems).toEqual([expect.objectContaining({ field: 'lastName', code: 'controlCharacters', warning: false })]);
      expect((await run('STAFF', batchId)).counts).toMatchObject({ created: 1 });
    });

    it('re-imports its own exports without changing anything (formula escaping undone, labels read back)', async () => {
      const staff = userIds['staff@demo.coalition.invalid'];
      const [org] = await api.dataSource.query(
        `INSERT INTO organization (name_en, name_fr, kind, membership, membership_since, province_code, city, postal_code, email, phone, website, tags,
                                   notes, owner_id)
         VALUES ('=Round Trip Centre', 'Centre aller-retour', 'faith_community', 'member', '2021-05-01', 'QC', 'Montréal', 'H2X 1Y4',
                 'info@roundtrip.example.org', '+15145550100', 'https://roundtrip.example.org', '{private-sponsorship}', 'Line one
Line two', $1) RETURNING id`,
        [staff],
      );
      await api.dataSource.query(
        `INSERT INTO person (first_name, last_name, province_code, city, emails, phones, tags, leader_category, preferred_language, consent_email,
                             notes, owner_id)
         VALUES ('Émilie', '-Côté', 'QC', 'Montréal', '{emilie.round@quality.example.org}', '{+16135550199,+18195550162}', '{mp-contact}',
                 'faith', 'fr', true, '@note', $1)`,
        [staff],
      );
      const snapshot = async () => ({
        people: await api.dataSource.query(`SELECT * FROM person WHERE emails && ARRAY['emilie.round@quality.example.org'] ORDER BY id`),
        organizations: await api.dataSource.query(`SELECT * FROM organization WHERE id = $1`, [org.id]),
      });
      const before = await snapshot();
      for (const lang of ['en', 'fr']) {
        for (const [kind, url] of [
          ['organizations', `/export/organizations.csv?search=Round%20Trip&lang=${lang}`],
          ['people', `/export/people.csv?search=emilie.round%40quality.example.org&lang=${lang}`],
        ]) {
          const file = await exported('ADMIN', url);
          const batchId = await uploaded('ADMIN', file, `kind=${kind}&filename=${kind}-${lang}.csv`);
          await mapAsGuessed('ADMIN', batchId, 'UPDATE');
          const checked = await dryRun('ADMIN', batchId);
          expect({ kind, lang, counts: checked.counts, problems: checked.problemSummary }).toEqual({
            kind,
            lang,
            counts: expect.objectContaining({ create: 0, update: 1, error: 0 }),
            problems: [],
          });
          expect((await importRows('ADMIN', batchId)).flatMap((r) => r.problems)).toEqual([]);
          expect((await run('ADMIN', batchId)).counts).toMatchObject({ created: 0, failed: 0 });
        }
      }
      expect(await snapshot()).toEqual(before);
    });
  });
});
