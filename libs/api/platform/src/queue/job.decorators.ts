import { SetMetadata } from '@nestjs/common';
import { jobQueues, type JobName, type JobPayloads, type QueueName } from './queue-names';

export const JOB_DEFINITION = Symbol('jobDefinition');

/** When a repeatable job runs: a cron pattern in a time zone, or every N milliseconds. */
export type JobSchedule = { pattern: string; tz: string } | { every: number };

export type JobDefinition = { kind: 'outbox'; name: JobName; queue: QueueName } | { kind: 'repeatable'; name: string; queue: QueueName; schedule: JobSchedule };

/** One run of a job, as its handler may want to log it (ids only). */
export interface JobRun {
  jobId: string;
  /** 1 on the first attempt; higher when BullMQ retries after a failure or a stall. */
  attempt: number;
}

/**
 * One tick of a repeatable job. `scheduledAt` is the time the tick was due,
 * not when it runs (a tick runs late when Redis or every worker was away), and
 * is the same on every retry of the tick: a handler derives its idempotency
 * keys from it ("digest of <local date of scheduledAt> for coordinator X").
 */
export interface JobTick {
  jobName: string;
  scheduledAt: Date;
  /** `<job name>@<ISO time>`: stable across retries, workers and restarts. */
  key: string;
  /** 1 the first time this tick runs; higher when it runs again after a crash or a failed attempt. */
  run: number;
}

/** The handler of a job caused by a write (outbox). */
export interface OutboxJobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], run: JobRun): Promise<void>;
  /**
   * After a failed attempt. `final` is true when the job is given up — attempts
   * used up, stalled too often (its worker died repeatedly) or refused — so the
   * handler can leave its records in a state a person can see and act on.
   */
  onFailed?(payload: JobPayloads[N], reason: string, final: boolean): Promise<void>;
}

/** The handler of a repeatable job: one call per tick (again after a crash or failure: make it idempotent per tick). */
export interface RepeatableJobHandler {
  handle(tick: JobTick): Promise<void>;
}

/**
 * Marks the handler of an outbox job. Its class name is the job name and the
 * queue must be the one the outbox sends it to; a mismatch fails when the
 * module loads.
 */
export function QueueJob(queue: QueueName): ClassDecorator {
  return (target) => {
    const name = target.name as JobName;
    if (!(name in jobQueues)) throw new Error(`@QueueJob ${name}: no job of that name in JobPayloads (the job class name is the job name)`);
    if (jobQueues[name] !== queue) throw new Error(`@QueueJob ${name} declares queue "${queue}" but the outbox sends it to "${jobQueues[name]}"`);
    SetMetadata(JOB_DEFINITION, { kind: 'outbox', name, queue } satisfies JobDefinition)(target);
  };
}

/** Marks the handler of a repeatable job (a BullMQ job scheduler), declared by the module that owns it. */
export function RepeatableJob(options: { queue: QueueName; schedule: JobSchedule }): ClassDecorator {
  return (target) => {
    const name = target.name;
    if (name in jobQueues) throw new Error(`@RepeatableJob ${name}: that name is an outbox job`);
    SetMetadata(JOB_DEFINITION, { kind: 'repeatable', name, queue: options.queue, schedule: options.schedule } satisfies JobDefinition)(target);
  };
}
