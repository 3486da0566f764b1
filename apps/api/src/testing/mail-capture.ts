import { createServer, type Server, type Socket } from 'node:net';
import { Module } from '@nestjs/common';
import { MailWorkerModule } from '@crm/mail';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, type AppConfig } from '@crm/platform';

/** One message an SMTP client handed over: its envelope recipients and its raw text (headers and MIME parts). */
export interface CapturedMail {
  to: string[];
  data: string;
}

/**
 * A minimal SMTP server for mail specs: answers each command, refuses the first
 * `failFirst` messages (451, "try again later"), keeps the others with their envelope.
 */
export function smtpCapture(failFirst = 0) {
  const accepted: CapturedMail[] = [];
  let refused = 0;
  const server: Server = createServer((socket: Socket) => {
    let inData = false;
    let buffer = '';
    let to: string[] = [];
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          if (refused < failFirst) {
            refused += 1;
            socket.write('451 4.3.0 try again later\r\n');
          } else {
            accepted.push({ to, data });
            socket.write('250 2.0.0 queued\r\n');
          }
          to = [];
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'RCPT') {
          to.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
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

/** The mail worker as mail specs run it: the outbox relay and the delivery job, nothing else. */
export function mailDeliveryModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, OutboxModule, MailWorkerModule], providers: [OutboxRelayService] })
  class MailDeliveryWorkerModule {}
  return MailDeliveryWorkerModule;
}

/** Polls `probe` until it answers something (delivery is asynchronous: relay, queue, worker). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
