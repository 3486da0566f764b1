import type Redis from 'ioredis';

/** Sorted set of worker processes (member: instance id, score: last heartbeat in ms). */
export const WORKER_HEARTBEAT_KEY = 'crm:workers';
export const HEARTBEAT_INTERVAL_MS = 1000;
/** A worker not heard from for this long is counted out. */
export const HEARTBEAT_STALE_MS = 5000;

interface HasClient {
  client: Promise<unknown>;
}

/**
 * Each worker process says "I can reach Redis" every second, through the
 * connection its BullMQ worker uses, so the API's readiness can tell whether
 * anything takes jobs (decision 064). Ids only: host name, process id, random.
 */
export class WorkerHeartbeat {
  private timer: NodeJS.Timeout | undefined;
  private pending = false;

  constructor(
    private readonly source: HasClient,
    private readonly instanceId: string,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    const beat = () => {
      // While Redis is away a beat waits in the client's offline queue: never pile them up.
      if (this.pending) return;
      this.pending = true;
      this.source.client
        .then((client) => {
          const redis = client as Redis;
          const now = Date.now();
          // Errors are the BullMQ worker's to report (it shares the connection); a missed beat is harmless.
          return redis
            .multi()
            .zadd(WORKER_HEARTBEAT_KEY, now, this.instanceId)
            .zremrangebyscore(WORKER_HEARTBEAT_KEY, '-inf', now - 60_000)
            .exec();
        })
        .catch(() => undefined)
        .finally(() => (this.pending = false));
    };
    beat();
    this.timer = setInterval(beat, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    try {
      const redis = (await withTimeout(this.source.client, 500)) as Redis;
      await withTimeout(redis.zrem(WORKER_HEARTBEAT_KEY, this.instanceId), 500);
    } catch {
      // Redis away: the entry goes stale by itself.
    }
  }
}

/** How many worker processes sent a heartbeat in the last HEARTBEAT_STALE_MS. */
export async function liveWorkers(redis: Redis, now = Date.now()): Promise<number> {
  return redis.zcount(WORKER_HEARTBEAT_KEY, now - HEARTBEAT_STALE_MS, '+inf');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
