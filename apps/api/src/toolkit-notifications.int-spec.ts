import 'reflect-metadata';
import { createServer, type Server, type Socket } from 'node:net';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MailWorkerModule } from '@crm/mail';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, type AppConfig } from '@crm/platform';
import { ApiHarness } from './testing/api-harness';
import { ok } from './testing/records-fixtures';

// Toolkit notices the way production sends them: the request's transaction writes the
// message and its outbox row, the relay hands the job to BullMQ, the worker's mail
// processor delivers over SMTP — here to a small SMTP server of the test's own that
// refuses the first message it is given (451, "try again later").

/** A minimal SMTP server: answers each command, refuses the first `failFirst` messages, keeps the others. */
function smtpServer(failFirst: number) {
  const accepted: string[] = [];
  let refused = 0;
  const server: Server = createServer((socket: Socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          if (refused < failFirst) {
            refused += 1;
            socket.write('451 4.3.0 try again later\r\n');
          } else {
            accepted.push(message);
            socket.write('250 2.0.0 queued\r\n');
          }
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return {
    accepted,
    refusedCount: () => refused,
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function workerModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, OutboxModule, MailWorkerModule], providers: [OutboxRelayService] })
  class MailOnlyWorkerModule {}
  return MailOnlyWorkerModule;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('toolkit notifications through the outbox and the worker', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;
  const smtp = smtpServer(1);

  beforeAll(async () => {
    const port = await smtp.listen();
    api = await ApiHarness.start({ OUTBOX_POLL_MS: '100', SMTP_URL: `smtp://127.0.0.1:${port}` });
    worker = await NestFactory.createApplicationContext(workerModule(api.config), { logger: false });
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
    expect(smtp.accepted[0]).toContain('Affiche d=E2=80=99accueil');

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
