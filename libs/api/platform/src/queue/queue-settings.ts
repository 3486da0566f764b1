import type { WorkerOptions } from 'bullmq';
import { QueueName } from './queue-names';

type Settings = Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval' | 'maxStalledCount'>;

/**
 * How the worker takes each queue's jobs (decision 062). A job's lock is renewed
 * every lockDuration / 2 while it runs; when its worker dies the lock lapses
 * after at most `lockDuration`, and the next stall check (every
 * `stalledInterval`, by any worker) puts the job back in the queue: a killed
 * worker costs lockDuration / 2 to lockDuration + stalledInterval (5–15 s;
 * BullMQ's defaults, 30 s + 30 s, cost about a minute). Every handler is idempotent, so a
 * stalled job simply runs again; `maxStalledCount` bounds a job that kills its
 * worker every time, after which it is given up and its handler told (onFailed).
 */
export const queueSettings: Record<QueueName, Settings> = {
  // Short jobs waiting on the database or SMTP: several at a time per worker, so
  // a backlog (after an outage, an invitation run) drains in seconds.
  [QueueName.Mail]: { concurrency: 8, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 },
  // Long jobs that commit a chunk at a time and resume where they stopped: a
  // stall costs little, so allow many before giving up. One import at a time
  // per worker: each holds a database connection and locks rows.
  [QueueName.Imports]: { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 10 },
  [QueueName.Maintenance]: { concurrency: 1, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 3 },
};

/**
 * After an error talking to Redis, BullMQ's worker waits `runRetryDelay` (15 s
 * by default) before it asks for jobs again; with the reconnection delay bounded
 * at a second, jobs resume about a second after Redis is back.
 */
export const WORKER_RUN_RETRY_DELAY_MS = 1000;

/** BullMQ job options of every tick of a repeatable job. */
export const tickJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;
