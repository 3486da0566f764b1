import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { getNextMillis, type Queue, type RepeatOptions } from 'bullmq';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import type { JobSchedule } from './job.decorators';
import { JobRegistry } from './job-registry';
import { JobTickRepository } from './job-tick.repository';
import { reasonOf } from './outage-log';
import { tickJobOptions } from './queue-settings';
import { Queues } from './queues';

/** Every minute each worker checks the schedulers are there and no tick was lost. */
const RECONCILE_EVERY_MS = 60_000;

type Repeatable = ReturnType<JobRegistry['repeatable']>[number];

/**
 * Keeps the BullMQ job scheduler of every repeatable job the process declares
 * (decision 063). Idempotent and safe with several workers:
 * - a scheduler is created, or replaced only when its schedule changed: an
 *   upsert at every start would drop a tick that is due but not yet taken;
 * - a scheduler on one of our queues that nothing declares any more is removed
 *   (at start);
 * - a cron tick that is overdue and that BullMQ does not hold at all — Redis
 *   lost its data, or the scheduler was replaced as the tick fell due — is
 *   added again under a fixed id (`catch-up:<job>:<ms>`), so two workers add it
 *   once, and the tick ledger stops it running if it did run after all.
 * Ticks run by the queue's worker (JobWorkers); a tick that fell due while Redis
 * or every worker was away waits in Redis and runs late, once.
 */
@Injectable()
export class JobSchedulers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /**
   * A tick due this long ago that BullMQ does not hold was lost. (Each tick's job
   * is created when the one before it starts, so a due tick is always in Redis
   * unless Redis lost it; the margin only keeps clear of clock skew.) Tests shorten it.
   */
  static catchUpAfterMs = 60_000;
  private readonly logger = new Logger('JobSchedulers');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly registry: JobRegistry,
    private readonly ticks: JobTickRepository,
    private readonly queues: Queues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const declared = new Set(this.registry.repeatable().map((job) => job.name));
    const unknown = Object.keys(this.config.REPEATABLE_JOB_SCHEDULES).filter((name) => !declared.has(name));
    if (unknown.length) this.logger.warn({ jobs: unknown, msg: 'REPEATABLE_JOB_SCHEDULES names jobs this worker does not declare; ignored' });
    if (declared.size === 0) return;
    // Not awaited: a worker starts (and takes other jobs) while Redis is away; this retries every minute.
    this.running = this.reconcile({ removeUndeclared: true });
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.reconcile({ removeUndeclared: false }));
    }, RECONCILE_EVERY_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** The schedule a job runs on: REPEATABLE_JOB_SCHEDULES may move it (operators; fault drills tick every second). */
  scheduleOf(job: Pick<Repeatable, 'name' | 'schedule'>): JobSchedule {
    return this.config.REPEATABLE_JOB_SCHEDULES[job.name] ?? job.schedule;
  }

  async reconcile({ removeUndeclared }: { removeUndeclared: boolean }): Promise<void> {
    const declared = this.registry.repeatable();
    try {
      for (const job of declared) {
        const queue = this.queue(job.queue);
        const repeat = repeatOptions(this.scheduleOf(job));
        const existing = await queue.getJobScheduler(job.name);
        if (!existing || existing.name !== job.name || existing.pattern !== repeat.pattern || existing.tz !== repeat.tz || existing.every !== repeat.every) {
          await queue.upsertJobScheduler(job.name, repeat, { name: job.name, data: {}, opts: tickJobOptions });
          this.logger.log({ job: job.name, queue: job.queue, ...repeat, msg: existing ? 'job schedule changed' : 'job scheduled' });
        }
        if (repeat.pattern) await this.catchUp(queue, job.name, repeat);
      }
      if (removeUndeclared) await this.removeUndeclared(new Set(declared.map((job) => job.name)));
    } catch (error) {
      this.logger.warn({ reason: reasonOf(error), msg: 'could not check the job schedulers; trying again in a minute' });
    }
  }

  private async catchUp(queue: Queue, name: string, repeat: RepeatOptions): Promise<void> {
    const last = await this.ticks.lastFinished(name);
    if (!last) return; // never ran: nothing can have been missed yet
    const now = Date.now();
    let due = getNextMillis(last.getTime(), repeat);
    const overdue = now - JobSchedulers.catchUpAfterMs;
    if (!due || due > overdue) return;
    // Only the latest overdue tick runs (a digest three days late is one digest, not three).
    for (let i = 0; i < 10_000; i++) {
      const after = getNextMillis(due, repeat);
      if (!after || after > overdue) break;
      due = after;
    }
    if (await queue.getJob(`repeat:${name}:${due}`)) return; // BullMQ has it: waiting, running, done or failed
    const added = await queue.add(name, {}, { ...tickJobOptions, jobId: `catch-up:${name}:${due}` });
    this.logger.warn({ job: name, scheduledAt: new Date(due), jobId: added.id, msg: 'a tick of a repeatable job was lost; running it now' });
  }

  private async removeUndeclared(declared: Set<string>): Promise<void> {
    for (const queueName of new Set(this.registry.repeatable().map((job) => job.queue))) {
      const queue = this.queue(queueName);
      for (const scheduler of await queue.getJobSchedulers()) {
        if (declared.has(scheduler.key)) continue;
        await queue.removeJobScheduler(scheduler.key);
        this.logger.log({ job: scheduler.key, queue: queueName, msg: 'job scheduler removed: no module declares it' });
      }
    }
  }

  private queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }
}

export function repeatOptions(schedule: JobSchedule): RepeatOptions {
  return 'every' in schedule ? { every: schedule.every } : { pattern: schedule.pattern, tz: schedule.tz };
}
