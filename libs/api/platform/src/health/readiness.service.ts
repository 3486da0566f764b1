import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ErrorCode } from '../errors/domain.exception';
import { OutboxRepository } from '../queue/outbox.repository';
import { REDIS_CLIENT } from '../queue/redis-connection';
import { liveWorkers } from '../queue/worker-heartbeat';

/** Jobs count as not flowing once a write's job has waited this long to be queued (the relay polls every 500 ms). */
export const JOBS_STALE_AFTER_SECONDS = 5;
const TIMEOUT_MS = 1500;

export type Component = { status: 'up' | 'down'; message?: string } & Record<string, unknown>;

export interface ReadinessReport {
  status: 'ok' | 'error';
  info: Record<string, Component>;
  error: Record<string, Component>;
  details: Record<string, Component>;
  /** When not ready: the same, in the API's error shape. */
  errors?: { message: string; extensions: { code: string } }[];
}

/**
 * Ready = a request made now is served in full, its background jobs included
 * (decision 064): PostgreSQL answers, Redis answers, and jobs flow — no job a
 * write recorded in the outbox has waited more than 5 s to reach the queue
 * (after an outage, readiness stays 503 until the backlog is queued). The
 * report says what is down in words without internals (no hosts, ports or
 * driver messages), and how many workers sent a heartbeat in the last 5 s.
 * Kept in @nestjs/terminus's shape (status, info, error, details), which the
 * staff dashboard reads.
 */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async check(): Promise<ReadinessReport> {
    const [database, redis] = await Promise.all([this.database(), this.redisCheck()]);
    const jobs = await this.jobs(database.status === 'up', redis.status === 'up');
    const details: Record<string, Component> = { database, redis, jobs };
    const down = Object.entries(details).filter(([, c]) => c.status === 'down');
    return {
      status: down.length ? 'error' : 'ok',
      info: Object.fromEntries(Object.entries(details).filter(([, c]) => c.status === 'up')),
      error: Object.fromEntries(down),
      details,
      ...(down.length
        ? {
            errors: [
              { message: `Not ready: ${down.map(([name, c]) => `${name} ${c.message}`).join('; ')}`, extensions: { code: ErrorCode.ServiceUnavailable } },
            ],
          }
        : {}),
    };
  }

  private async database(): Promise<Component> {
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), TIMEOUT_MS);
      return { status: 'up', responseTimeMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', message: failure(error) };
    }
  }

  private async redisCheck(): Promise<Component> {
    const started = Date.now();
    try {
      await withTimeout(this.redis.ping(), TIMEOUT_MS);
      return { status: 'up', responseTimeMs: Date.now() - started };
    } catch (error) {
      return { status: 'down', message: failure(error) };
    }
  }

  private async jobs(databaseUp: boolean, redisUp: boolean): Promise<Component> {
    if (!redisUp) return { status: 'down', message: 'cannot be queued: Redis is not reachable (writes keep them in the outbox)' };
    if (!databaseUp) return { status: 'down', message: 'unknown: the database is not reachable' };
    try {
      const [{ pending, oldestSeconds }, workers] = await Promise.all([
        withTimeout(this.outbox.backlog(), TIMEOUT_MS),
        withTimeout(liveWorkers(this.redis), TIMEOUT_MS),
      ]);
      const oldest = Math.round(oldestSeconds);
      const counts = { workers, pending, oldestPendingSeconds: oldest };
      if (oldestSeconds <= JOBS_STALE_AFTER_SECONDS) return { status: 'up', ...counts };
      const noWorker = workers === 0 ? '; no worker is running' : '';
      return { status: 'down', message: `not flowing: ${pending} job(s) waiting to be queued, the oldest for ${oldest} s${noWorker}`, ...counts };
    } catch (error) {
      return { status: 'down', message: `unknown: ${failure(error)}` };
    }
  }
}

function failure(error: unknown): string {
  return error instanceof Error && error.message === 'timed out' ? 'timed out' : 'not reachable';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}
