import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, DatabaseModule, type AppConfig } from '@crm/platform';
import { ErasePublicRequestersJob, ToolkitWorkerModule } from '@crm/toolkit';
import { ApiHarness } from './testing/api-harness';
import { ok } from './testing/records-fixtures';

// The privacy job (issue 13): public requesters' personal data goes 12 months after delivery or decline.

function workerModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, ToolkitWorkerModule] })
  class ErasureWorkerModule {}
  return ErasureWorkerModule;
}

describe('erasing public toolkit requesters', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await ApiHarness.start();
    worker = await NestFactory.createApplicationContext(workerModule(api.config), { logger: false });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('erases name, e-mail and address (and in its e-mails) 12 months after closing; keeps request, items, status; audits without values', async () => {
    const staff = await api.tokenFor('STAFF');
    const item = ok<{ createToolkitItem: { id: string } }>(
      await api.graphql(`mutation { createToolkitItem(input: { kind: button, language: en, titleEn: "Button", titleFr: "Macaron" }) { id } }`, {}, staff),
    ).createToolkitItem;
    const submit = async (name: string) => {
      const email = `${name.toLowerCase()}@example.org`;
      ok(
        await api.graphql(
          `mutation($input: PublicToolkitRequestInputType!) { submitPublicToolkitRequest(input: $input) { reference } }`,
          {
            input: {
              name,
              email,
              language: 'en',
              items: [{ itemId: item.id, quantity: 4 }],
              addressLine: '1 Main St',
              city: 'Moncton',
              provinceCode: 'NB',
              postalCode: 'E1C 4M3',
            },
          },
          undefined,
          { 'x-forwarded-for': '192.0.2.77' },
        ),
      );
      const [row]: { id: string; version: number }[] = await api.dataSource.query(`SELECT id, version FROM toolkit_request WHERE requester_email = $1`, [
        email,
      ]);
      const declined = ok<{ moveToolkitRequest: { id: string } }>(
        await api.graphql(
          `mutation($input: MoveToolkitRequestInputType!) { moveToolkitRequest(input: $input) { id } }`,
          { input: { id: row.id, version: row.version, step: 'decline', reason: 'Out of stock' } },
          staff,
        ),
      ).moveToolkitRequest;
      return declined.id;
    };
    const old = await submit('Olden');
    const recent = await submit('Recent');
    await api.dataSource.query(`UPDATE toolkit_request SET closed_at = now() - interval '13 months' WHERE id = $1`, [old]);
    await api.dataSource.query(`UPDATE toolkit_request SET closed_at = now() - interval '11 months' WHERE id = $1`, [recent]);

    const job = worker.get(ErasePublicRequestersJob);
    const tick = { jobName: 'ErasePublicRequestersJob', scheduledAt: new Date(), key: `ErasePublicRequestersJob@${new Date().toISOString()}`, run: 1 };
    await job.handle(tick);
    await job.handle({ ...tick, run: 2 });

    const rows: Record<string, unknown>[] = await api.dataSource.query(
      `SELECT id, requester_name, requester_email, address_line, city, postal_code, status, province_code, erased_at IS NOT NULL AS erased,
              (SELECT sum(quantity)::int FROM toolkit_request_item WHERE request_id = r.id) AS items
         FROM toolkit_request r WHERE id = ANY($1::uuid[])`,
      [[old, recent]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(old)).toMatchObject({
      requester_name: null,
      requester_email: null,
      address_line: null,
      city: null,
      postal_code: null,
      status: 'declined',
      province_code: 'NB',
      erased: true,
      items: 4,
    });
    expect(byId.get(recent)).toMatchObject({ requester_name: 'Recent', erased: false });
    const audit: { changes: unknown }[] = await api.dataSource.query(
      `SELECT changes FROM audit_entry WHERE action = 'toolkitRequest.erase' AND subject_id = $1`,
      [old],
    );
    expect(audit).toEqual([{ changes: { erased: { from: false, to: true } } }]);
    // The e-mails sent about it (the confirmation) no longer say to whom or what; the recent one's are intact.
    const mail: { to: string; erased: boolean; mentions: boolean }[] = await api.dataSource.query(
      `SELECT to_address AS to, erased_at IS NOT NULL AS erased, (body_text || body_html || subject) ILIKE '%olden%' AS mentions
         FROM mail_message WHERE record_type = 'ToolkitRequest' AND record_id = ANY($1::uuid[]) ORDER BY record_id = $2 DESC`,
      [[old, recent], old],
    );
    expect(mail.length).toBeGreaterThanOrEqual(2);
    const [erasedMail, ...keptMail] = mail;
    expect(erasedMail).toEqual({ to: '', erased: true, mentions: false });
    expect(await api.dataSource.query(`SELECT 1 FROM mail_message WHERE lower(to_address) = 'olden@example.org'`)).toEqual([]);
    expect(keptMail.every((row) => row.to === 'recent@example.org' && !row.erased)).toBe(true);
  });
});
