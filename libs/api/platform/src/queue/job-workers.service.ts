import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import type { JobTick } from './job.decorators';
import { JobRegistry, type RegisteredJob } from './job-registry';
import { JobTickRepository } from './job-tick.repository';
import { OutageLog, reasonOf } from './outage-log';
import { assertIdsOnlyPayload, type QueueName } from './queue-names';
import { queueSettings, WORKER_RUN_RETRY_DELAY_MS } from './queue-settings';
import { bullConnectionOptions } from './redis-connection';
import { HEARTBEAT_INTERVAL_MS, WorkerHeartbeat } from './worker-heartbeat';

/**
 * One BullMQ worker per queue that has handlers in this process, with one
 * generic processor: it looks the job's name up in the JobRegistry (unknown →
 * failed at once, no retries), checks an outbox job's payload is ids only, and
 * runs a repeatable job's tick through the tick ledger. Failures are logged as
 * one line and handed to the job's `onFailed`, with whether the job is given up.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This process among the workers (ids only): logged with ticks, sent as heartbeats. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly logger = new Logger('Jobs');
  private readonly workers: { worker: Worker; outage: OutageLog }[] = [];
  private heartbeat: WorkerHeartbeat | undefined;

  constructor(
    private readonly registry: JobRegistry,
    private readonly ticks: JobTickRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const queue of this.registry.queues()) {
      const outage = new OutageLog(`redis (${queue} worker)`, this.logger);
      const worker = new Worker(queue, (job: Job) => this.process(queue, job), {
        connection: bullConnectionOptions(this.config.REDIS_URL),
        ...queueSettings[queue],
        runRetryDelay: WORKER_RUN_RETRY_DELAY_MS,
        name: this.instanceId,
      });
      worker.on('error', (error) => outage.error(error));
      // Ready again after each reconnection (the worker's own 'ready' fires once).
      worker.getBackend().on('ready', () => outage.ready());
      worker.on('failed', (job, error) => void this.failed(queue, job, error));
      worker.on('stalled', (jobId) => this.logger.warn({ queue, jobId, msg: 'job stalled (its worker stopped or lost its lock); back in the queue' }));
      this.workers.push({ worker, outage });
    }
    if (this.workers.length > 0) {
      this.heartbeat = new WorkerHeartbeat(this.workers[0].worker.getBackend(), this.instanceId, HEARTBEAT_INTERVAL_MS);
      this.heartbeat.start();
    }
  }

  /**
   * Stop taking jobs and let the ones in hand finish, before the database
   * connection closes. While Redis is away nothing can finish (completing a job
   * needs Redis) and a graceful close waits for a reconnection: close at once;
   * the jobs in hand stall and run again elsewhere.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.heartbeat?.stop();
    await Promise.all(this.workers.map(({ worker, outage }) => worker.close(outage.isDown)));
  }

  private async process(queue: QueueName, job: Job): Promise<void> {
    const registered = this.registry.resolve(queue, job.name);
    if (registered.kind === 'outbox') {
      // Refuse to run anything but ids, whoever put the job in the queue.
      assertIdsOnlyPayload(job.data as Record<string, unknown>);
      await registered.handler.handle(job.data as never, { jobId: String(job.id), attempt: job.attemptsMade + 1 });
      return;
    }
    const scheduledAt = new Date(tickMillis(job));
    const run = await this.ticks.start(registered.name, scheduledAt, this.instanceId);
    if (run === null) {
      this.logger.log({ job: registered.name, scheduledAt, msg: 'tick already done; skipped' });
      return;
    }
    const tick: JobTick = { jobName: registered.name, scheduledAt, key: `${registered.name}@${scheduledAt.toISOString()}`, run };
    await registered.handler.handle(tick);
    await this.ticks.finish(registered.name, scheduledAt);
  }

  private async failed(queue: QueueName, job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = isGivenUp(job, error);
    // Ids only: the job id is the outbox id (or the tick's), the reason the error's message.
    const line = { queue, jobId: job.id, job: job.name, attempts: job.attemptsMade, final, reason: error.message.slice(0, 500) };
    if (final) this.logger.error({ ...line, msg: 'job given up' });
    else this.logger.warn({ ...line, msg: 'job attempt failed; will retry' });
    let registered: RegisteredJob;
    try {
      registered = this.registry.resolve(queue, job.name);
    } catch {
      return;
    }
    if (registered.kind !== 'outbox' || !registered.handler.onFailed) return;
    try {
      await registered.handler.onFailed(job.data as never, error.message, final);
    } catch (hookError) {
      this.logger.error({ queue, jobId: job.id, job: job.name, reason: reasonOf(hookError), msg: 'could not record the job failure' });
    }
  }
}

/**
 * Whether BullMQ gave the job up with this failure: its attempts are used up,
 * or it was refused outright (an UnrecoverableError, which is also how BullMQ
 * fails a job that stalled more than maxStalledCount times — without using up
 * its attempts, so counting attempts alone missed it).
 */
export function isGivenUp(job: Pick<Job, 'attemptsMade' | 'opts' | 'finishedOn'>, error: Error): boolean {
  return error.name === 'UnrecoverableError' || Boolean(job.finishedOn) || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** The time a repeatable job's tick was due: the last part of its id (`repeat:<scheduler>:<ms>`, `catch-up:<job>:<ms>`). */
export function tickMillis(job: Pick<Job, 'id' | 'opts' | 'timestamp'>): number {
  const fromId = Number(
    String(job.id ?? '')
      .split(':')
      .pop(),
  );
  if (Number.isInteger(fromId) && fromId > 0) return fromId;
  return (job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp;
}
