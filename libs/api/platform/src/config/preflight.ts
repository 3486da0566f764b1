import Redis from 'ioredis';
import { Client } from 'pg';
import type { AppConfig } from './config.schema';
import { redisOptionsFromUrl } from '../queue/redis-connection';

/** A URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { errors?: Error[] };
  return e.code ?? e.errors?.[0]?.message ?? e.message ?? String(error);
}

/**
 * Checks PostgreSQL and Redis answer before anything starts, so a wrong URL is
 * one clear line and a non-zero exit instead of a process retrying forever.
 * Returns the problems found (empty when all is well).
 */
export async function preflight(config: Pick<AppConfig, 'DATABASE_URL' | 'REDIS_URL'>, timeoutMs = 3000): Promise<string[]> {
  const problems: string[] = [];
  const client = new Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    problems.push(`DATABASE_URL ${redactUrl(config.DATABASE_URL)} cannot be reached: ${reason(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(
    redisOptionsFromUrl(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: timeoutMs,
      enableOfflineQueue: false,
    }),
  );
  let socketError: unknown;
  redis.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    // The socket's own error (ECONNREFUSED…) says more than "connection is closed".
    problems.push(`REDIS_URL ${redactUrl(config.REDIS_URL)} cannot be reached: ${reason(socketError ?? error)}`);
  } finally {
    redis.disconnect();
  }
  return problems;
}

/** For entry points: print the problems, one per line, and exit 1. */
export async function preflightOrExit(config: Pick<AppConfig, 'DATABASE_URL' | 'REDIS_URL'>, who: string): Promise<void> {
  const problems = await preflight(config);
  if (problems.length) {
    for (const problem of problems) console.error(`${who}: ${problem}`);
    process.exit(1);
  }
}
