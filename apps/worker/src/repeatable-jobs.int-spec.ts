import 'reflect-metadata';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConfigModule,
  DatabaseModule,
  JobSchedulers,
  JobWorkers,
  parseConfig,
  QueueModule,
  QueueName,
  RepeatableJob,
  type AppConfig,
  type JobTick,
  type RepeatableJobHandler,
} from '@crm/platform';
import { createTestDatabase, privateRedis, type PrivateRedis, type TestDatabase } from '@crm/platform/testing';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';

// What every tick handler saw, across the worker contexts of this process.
const runs: { key: string; at: number; worker: string }[] = [];
let runningIn = new WeakMap<object, string>();

@RepeatableJob({ queue: QueueName.Maintenance, schedule: { every: 1000 } })
@Injectable()
class EverySecondJob implements RepeatableJobHandler {
  async handle(tick: JobTick): Promise<void> {
    runs.push({ key: tick.key, at: tick.scheduledAt.getTime(), worker: runningIn.get(this) ?? '?' });
    // Long enough that two workers would overlap if both took the tick.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '*/2 * * * * *', tz: 'America/Toronto' } })
@Injectable()
class EveryOtherSecondJob implements RepeatableJobHandler {
  async handle(tick: JobTick): Promise<void> {
    runs.push({ key: tick.key, at: tick.scheduledAt.getTime(), worker: runningIn.get(this) ?? '?' });
  }
}

async function startWorker(config: AppConfig, job: new () => RepeatableJobHandler, label: string): Promise<INestApplicationContext> {
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule], providers: [job] })
  class TickWorkerModule {}
  const app = await NestFactory.createApplicationContext(TickWorkerModule, { logger: false });
  runningIn.set(app.get(job), label);
  return app;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('repeatable jobs', () => {
  let database: TestDatabase;
  let redis: PrivateRedis;
  let config: AppConfig;
  const open: INestApplicationContext[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await privateRedis();
    await redis.start();
    config = parseConfig({ DATABASE_URL: database.url, REDIS_URL: redis.url, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    JobSchedulers.catchUpAfterMs = 500;
  });

  beforeEach(() => {
    runs.length = 0;
    runningIn = new WeakMap();
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((app) => app.close()));
  });

  afterAll(async () => {
    await redis?.stop();
    await database?.drop();
  });

  it('runs each tick exactly once with two workers, also across a restart of one of them', async () => {
    const [a, b] = await Promise.all([startWorker(config, EverySecondJob, 'a'), startWorker(config, EverySecondJob, 'b')]);
    open.push(a, b);
    expect(a.get(JobWorkers).instanceId).not.toBe(b.get(JobWorkers).instanceId);
    await sleep(3500);
    // A restart: the scheduler is already there, unchanged, so it is left alone (no tick dropped or added).
    await open.shift()!.close();
    open.push(await startWorker(config, EverySecondJob, 'a2'));
    await sleep(3500);
    await Promise.all(open.splice(0).map((app) => app.close()));

    const keys = runs.map((run) => run.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    const times = runs.map((run) => run.at).sort((x, y) => x - y);
    // Consecutive ticks, one second apart: none skipped.
    expect(times.slice(1).map((time, i) => time - times[i])).toEqual(times.slice(1).map(() => 1000));
    const ledger: { runs: number; finished: boolean }[] = await (
      await dataSource(config)
    ).query(`SELECT runs, finished_at IS NOT NULL AS finished FROM job_tick WHERE job_name = 'EverySecondJob' ORDER BY scheduled_at`);
    expect(ledger).toHaveLength(runs.length);
    expect(ledger.every((row) => row.runs === 1 && row.finished)).toBe(true);
  });

  it('runs a tick Redis lost once, late, when a worker starts again', async () => {
    const worker = await startWorker(config, EveryOtherSecondJob, 'first');
    open.push(worker);
    await sleep(2500);
    await open.shift()!.close();
    expect(runs.length).toBeGreaterThanOrEqual(1);
    const lastRun = Math.max(...runs.map((run) => run.at));
    // Redis loses everything (no persistence, a new instance…) while no worker runs; ticks fall due meanwhile.
    await redis.stop();
    await redis.start();
    await sleep(3000);
    runs.length = 0;
    const startedAt = Date.now();
    open.push(await startWorker(config, EveryOtherSecondJob, 'second'));
    await sleep(1500);
    const missed = runs.filter((run) => run.at < startedAt);
    // The latest tick that fell due while it was away ran once; the ones before it are not replayed.
    expect(missed).toHaveLength(1);
    expect(missed[0].at).toBeGreaterThan(lastRun);
    expect(startedAt - missed[0].at).toBeLessThan(2500);
    expect(new Set(runs.map((run) => run.key)).size).toBe(runs.length);
  });

  it('fails a job nobody handles at once, without retrying it', async () => {
    open.push(await startWorker(config, EverySecondJob, 'a'));
    const queue = new Queue(QueueName.Maintenance, { connection: { host: '127.0.0.1', port: redis.port } });
    const events = new QueueEvents(QueueName.Maintenance, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      await events.waitUntilReady();
      const job = await queue.add('NoSuchJob', {}, { attempts: 5 });
      const failed = new Promise<string>((resolve) =>
        events.on('failed', ({ jobId, failedReason }) => {
          if (jobId === job.id) resolve(failedReason);
        }),
      );
      expect(await failed).toBe('Unknown job NoSuchJob on queue maintenance: no handler is registered for it');
      const stored = await queue.getJob(job.id!);
      expect(stored?.attemptsMade).toBe(1);
      expect(await stored?.getState()).toBe('failed');
    } finally {
      await events.close();
      await queue.close();
    }
  });
});

let shared: DataSource | undefined;
async function dataSource(config: AppConfig): Promise<DataSource> {
  if (!shared) {
    shared = new DataSource({ type: 'postgres', url: config.DATABASE_URL });
    await shared.initialize();
  }
  return shared;
}
afterAll(() => shared?.destroy());
