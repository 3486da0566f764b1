import 'reflect-metadata';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiHarness } from './testing/api-harness';
import { mailDeliveryModule, smtpCapture, waitFor } from './testing/mail-capture';
import { ok } from './testing/records-fixtures';

// Toolkit notices the way production sends them: the request's transaction writes the
// message and its outbox row, the relay hands the job to BullMQ, the worker's mail
// processor delivers over SMTP — here to a small SMTP server of the test's own that
// refuses the first message it is given (451, "try again later").

describe('toolkit notifications through the outbox and the worker', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  const smtp = smtpCapture(1);

  beforeAll(async () => {
    const port = await smtp.listen();
    api = await ApiHarness.start({ OUTBOX_POLL_MS: '100', SMTP_URL: `smtp://127.0.0.1:${port}` });
    worker = await NestFactory.createApplicationContext(mailDeliveryModule(api.config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.close();
  });

  it('a confirmation refused once by the relay is retried and delivered exactly once, even when its job runs again', async () => {
    const staff = await api.tokenFor('STAFF');
    const item = ok<{ createToolkitItem: { id: string } }>(
      await api.graphql(
        `mutation { createToolkitItem(input: { kind: poster, language: fr, titleEn: "Welcome poster", titleFr: "Affiche d’accueil" }) { id } }`,
        {},
        staff,
      ),
    ).createToolkitItem;
    const email = 'beatrice.tremblay@example.org';
    ok(
      await api.graphql(
        `mutation($input: PublicToolkitRequestInputType!) { submitPublicToolkitRequest(input: $input) { reference } }`,
        {
          input: {
            name: 'Béatrice Tremblay',
            email,
            language: 'fr',
            items: [{ itemId: item.id, quantity: 2 }],
            addressLine: '5 rue du Parc',
            city: 'Québec',
            provinceCode: 'QC',
            postalCode: 'G1R 4P5',
          },
        },
        undefined,
        { 'x-forwarded-for': '192.0.2.10' },
      ),
    );
    const [message]: { id: string }[] = await api.dataSource.query(`SELECT id FROM mail_message WHERE to_address = $1`, [email]);
    const sent = await waitFor(async () => {
      const [row]: { status: string; attempts: number }[] = await api.dataSource.query(`SELECT status, attempts FROM mail_message WHERE id = $1`, [message.id]);
      return row.status === 'sent' ? row : undefined;
    });
    expect(sent).toEqual({ status: 'sent', attempts: 2 });
    expect(smtp.refusedCount()).toBe(1);
    expect(smtp.accepted).toHaveLength(1);
    expect(smtp.accepted[0].data).toContain('Affiche d=E2=80=99accueil');

    // The same job delivered again (a relay that crashed before marking it): nothing is sent twice.
    await api.dataSource.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('mail', 'SendMailJob', $1)`, [
      JSON.stringify({ mailMessageId: message.id }),
    ]);
    await waitFor(async () => {
      const [row]: { pending: number }[] = await api.dataSource.query(`SELECT count(*)::int AS pending FROM outbox WHERE relayed_at IS NULL`);
      return row.pending === 0 ? true : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.accepted).toHaveLength(1);
    const [after]: { status: string; attempts: number }[] = await api.dataSource.query(`SELECT status, attempts FROM mail_message WHERE id = $1`, [message.id]);
    expect(after).toEqual({ status: 'sent', attempts: 2 });
  });
});
