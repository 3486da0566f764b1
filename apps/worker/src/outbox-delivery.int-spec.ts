import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MailModule, MailService } from '@crm/mail';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelay, parseConfig, QueueName, type AppConfig } from '@crm/platform';
import { createTestDatabase, privateRedis, type PrivateRedis, type TestDatabase } from '@crm/platform/testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createWorker } from './bootstrap';

// The writer side, as the API has it: database, outbox, mail service. No Redis.
function writerModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, OutboxModule, MailModule] })
  class WriterModule {}
  return WriterModule;
}

const mail = { template: 'test', language: 'fr' as const, to: 'amina@example.org', subject: 'Bonjour', text: 'Bonjour', html: '<p>Bonjour</p>' };

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('outbox delivery while Redis is away', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let config: AppConfig;
  let writer: INestApplicationContext;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await privateRedis(); // created, not started: Redis is down
    config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '100' });
    writer = await NestFactory.createApplicationContext(writerModule(config), { logger: false });
  });

  afterAll(async () => {
    await worker?.close();
    await writer?.close();
    await redis?.stop();
    await database?.drop();
  });

  it('acknowledges the write, then runs its job exactly once when Redis returns', async () => {
    const dataSource = writer.get(DataSource);
    const mailService = writer.get(MailService);

    // 1. The write succeeds with Redis down: message and outbox row commit together.
    const messageId = await dataSource.transaction((manager) => mailService.queue(manager, mail));
    const [pending] = await dataSource.query(`SELECT id, payload, relayed_at FROM outbox`);
    expect(pending.payload).toEqual({ mailMessageId: messageId });
    expect(pending.relayed_at).toBeNull();

    // 2. A relay pass while Redis is down fails softly and keeps the row.
    const downQueue = new Queue(QueueName.Mail, {
      connection: { host: '127.0.0.1', port: redis.port, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null },
    });
    downQueue.on('error', () => undefined);
    const relay = new OutboxRelay(dataSource, new Map([[QueueName.Mail, downQueue]]));
    expect(await relay.relayOnce()).toEqual({ relayed: 0, failed: 1 });
    await downQueue.close().catch(() => undefined);
    const [stillPending] = await dataSource.query(`SELECT relayed_at, relay_attempts, last_error FROM outbox WHERE id = $1`, [pending.id]);
    expect(stillPending.relayed_at).toBeNull();
    expect(stillPending.relay_attempts).toBe(1);

    // 3. Redis returns; the worker relays and delivers (stored: no SMTP_URL).
    await redis.start();
    worker = await createWorker(config, { logs: false });
    await worker.init();
    const delivered = await waitFor(async () => {
      const [row] = await dataSource.query(`SELECT status, attempts FROM mail_message WHERE id = $1`, [messageId]);
      return row.status === 'stored' ? row : undefined;
    });
    expect(delivered.attempts).toBe(1);

    // 4. A repeated relay (as after a crash between add and mark) runs nothing twice.
    await dataSource.query(`UPDATE outbox SET relayed_at = NULL WHERE id = $1`, [pending.id]);
    const upQueue = new Queue(QueueName.Mail, { connection: { host: '127.0.0.1', port: redis.port } });
    const again = await new OutboxRelay(dataSource, new Map([[QueueName.Mail, upQueue]])).relayOnce();
    expect(again.relayed).toBe(1);
    const job = await upQueue.getJob(pending.id);
    expect(job?.id).toBe(pending.id);
    expect(await upQueue.getJobCounts('completed', 'waiting', 'active', 'delayed')).toEqual({ completed: 1, waiting: 0, active: 0, delayed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [after] = await dataSource.query(`SELECT status, attempts FROM mail_message WHERE id = $1`, [messageId]);
    expect(after).toEqual({ status: 'stored', attempts: 1 });
    await upQueue.close();
  });

  it('rolls back the job with the write: a failed transaction leaves no outbox row', async () => {
    const dataSource = writer.get(DataSource);
    const mailService = writer.get(MailService);
    const before = Number((await dataSource.query(`SELECT count(*) FROM outbox`))[0].count);
    await expect(
      dataSource.transaction(async (manager) => {
        await mailService.queue(manager, mail);
        throw new Error('the write failed after queueing');
      }),
    ).rejects.toThrow('the write failed');
    const after = Number((await dataSource.query(`SELECT count(*) FROM outbox`))[0].count);
    expect(after).toBe(before);
  });
});
