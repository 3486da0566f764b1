import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MailWorkerModule } from '@crm/mail';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, type AppConfig } from '@crm/platform';
import { ApiHarness } from './testing/api-harness';

// Redis stopped under a running API and worker: writes that send mail are
// accepted meanwhile, readiness says what is down, and the mail leaves once,
// within a couple of seconds of Redis coming back (BullMQ's defaults took ~19 s:
// a reconnection back-off growing to 20 s, then 15 s before asking for jobs).

function workerModule(config: AppConfig) {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, OutboxModule, MailWorkerModule], providers: [OutboxRelayService] })
  class MailWorkerTestModule {}
  return MailWorkerTestModule;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('jobs while Redis is away', () => {
  let api: ApiHarness;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    api = await ApiHarness.start({ OUTBOX_POLL_MS: '100' });
    worker = await NestFactory.createApplicationContext(workerModule(api.config), { logger: false });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function readiness() {
    const response = await api.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health/ready' });
    return { status: response.statusCode, body: response.json() };
  }

  async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<{ value: T; ms: number }> {
    const started = Date.now();
    for (;;) {
      const value = await probe();
      if (value !== undefined) return { value, ms: Date.now() - started };
      if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  it('accepts the write, says jobs cannot flow, and delivers once within 2 s of Redis returning', async () => {
    // Ready, with the worker's heartbeat seen.
    const ready = await until(async () => {
      const { status, body } = await readiness();
      return status === 200 && body.details.jobs.workers === 1 ? body.details.jobs : undefined;
    }, 10_000);
    expect(ready.value).toMatchObject({ status: 'up', pending: 0 });

    await api.redis.stop();
    // Long enough for BullMQ's default back-off to grow: its attempts come ~10 s and ~18 s into an outage.
    await sleep(12_000);
    const reset = await api.graphql(`mutation { requestPasswordReset(input: { email: "${ApiHarness.emailFor('STAFF')}" }) }`);
    expect(reset.data).toEqual({ requestPasswordReset: true });
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ redis: { status: 'down' }, jobs: { status: 'down' } });
    expect(down.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    await api.redis.start();
    const delivered = await until(async () => {
      const [row] = await api.dataSource.query(`SELECT status, attempts FROM mail_message WHERE template = 'password_reset'`);
      return row?.status === 'stored' ? row : undefined;
    }, 30_000);
    expect(delivered.value).toEqual({ status: 'stored', attempts: 1 });
    expect(delivered.ms).toBeLessThan(2000);
    const back = await until(async () => ((await readiness()).status === 200 ? true : undefined), 10_000);
    expect(back.ms).toBeLessThan(2000);
    // Nothing twice: one message, one outbox row relayed.
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM mail_message`)).toEqual([{ n: 1 }]);
  });
});
