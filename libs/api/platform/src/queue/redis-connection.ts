import type { ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';

/** Injection token of the shared plain ioredis client (RedisModule). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Delay before the n-th reconnection attempt: 250 ms, 500 ms, 750 ms, then
 * every second for as long as Redis is away. BullMQ's own default grows to 20 s,
 * so jobs resumed up to ~20 s after Redis came back (decision 064).
 */
export function reconnectDelay(attempt: number): number {
  return Math.min(250 * attempt, RECONNECT_MAX_DELAY_MS);
}
export const RECONNECT_MAX_DELAY_MS = 1000;

/** ioredis options from a redis:// URL (BullMQ takes options, not URLs), reconnecting within a second. */
export function redisOptionsFromUrl(url: string, extra: RedisOptions = {}): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    retryStrategy: reconnectDelay,
    ...extra,
  };
}

/** The connection options of every BullMQ queue and worker (blocking commands need maxRetriesPerRequest null). */
export function bullConnectionOptions(url: string): ConnectionOptions {
  return redisOptionsFromUrl(url, { maxRetriesPerRequest: null }) as ConnectionOptions;
}
