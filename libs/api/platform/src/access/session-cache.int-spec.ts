import Redis from 'ioredis';
import { parseConfig } from '../config/load-config';
import { privateRedis, type PrivateRedis } from '../testing/redis-server';
import { SESSION_INVALIDATION_CHANNEL, SessionCache, type SessionActorRow } from './session-cache';

const row = (userId: string, overrides: Partial<SessionActorRow> = {}): SessionActorRow => ({
  sessionId: `s-${userId}`,
  userId,
  role: 'STAFF',
  organizationId: null,
  preferredLanguage: 'en',
  provinceCodes: [],
  lastSeenAt: new Date(),
  expiresAt: new Date(Date.now() + 3600_000),
  ...overrides,
});
const hash = (text: string) => Buffer.from(text.padEnd(32, '.'));
const until = async (condition: () => boolean, what: string) => {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const untilAsync = async (condition: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Two API instances' caches on one (private) Redis: what one forgets, the other forgets. */
describe('SessionCache (real Redis pub/sub)', () => {
  let redis: PrivateRedis;
  const clients: Redis[] = [];
  const caches: SessionCache[] = [];

  async function cache(seconds = 10): Promise<SessionCache> {
    const config = parseConfig({
      DATABASE_URL: 'postgres://unused@127.0.0.1/none',
      REDIS_URL: redis.url,
      SESSION_CACHE_SECONDS: String(seconds),
      LOG_LEVEL: 'silent',
    });
    const client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    clients.push(client);
    const instance = new SessionCache(config, client);
    caches.push(instance);
    return instance;
  }
  /** Stores through the public protocol and waits until the instance is subscribed (its first lookup subscribes; it bypasses itself before). */
  async function storeWhenReady(instance: SessionCache, key: Buffer, value: SessionActorRow) {
    await until(() => {
      instance.store(instance.begin(), key, value);
      return instance.get(key, 30) !== null;
    }, 'the cache to subscribe');
  }

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
  });
  afterAll(async () => {
    for (const instance of caches) await instance.onApplicationShutdown();
    for (const client of clients) client.disconnect();
    await redis.stop();
  });

  it('answers a stored session, and forgets it on every instance when its user is invalidated', async () => {
    const [a, b] = [await cache(), await cache()];
    await storeWhenReady(a, hash('t1'), row('u1'));
    await storeWhenReady(b, hash('t1'), row('u1'));
    await storeWhenReady(b, hash('t2'), row('u2'));

    await a.invalidateUsers(['u1']);
    expect(a.get(hash('t1'), 30)).toBeNull();
    await until(() => b.get(hash('t1'), 30) === null, 'the other instance to hear the invalidation');
    expect(b.get(hash('t2'), 30)?.userId).toBe('u2');
  });

  it('does not store a lookup that raced an invalidation', async () => {
    const a = await cache();
    await storeWhenReady(a, hash('warm'), row('u0'));
    const generation = a.begin();
    await a.invalidateUsers(['u3']); // committed while the lookup was in flight
    a.store(generation, hash('t3'), row('u3'));
    expect(a.get(hash('t3'), 30)).toBeNull();
  });

  it('checks idle and absolute expiry on every hit', async () => {
    const a = await cache();
    await storeWhenReady(a, hash('warm2'), row('u0'));
    a.store(a.begin(), hash('idle'), row('u4', { lastSeenAt: new Date(Date.now() - 31 * 60_000) }));
    a.store(a.begin(), hash('old'), row('u5', { expiresAt: new Date(Date.now() - 1) }));
    expect(a.get(hash('idle'), 30)).toBeNull();
    expect(a.get(hash('old'), 30)).toBeNull();
  });

  it('is bypassed while Redis is away, and used again once it is back', async () => {
    const a = await cache();
    await storeWhenReady(a, hash('t6'), row('u6'));
    await redis.stop();
    // An invalidation published now would be lost: nothing cached may be answered meanwhile.
    await until(() => a.get(hash('t6'), 30) === null, 'the cache to notice Redis is gone');
    a.store(a.begin(), hash('t7'), row('u7'));
    expect(a.get(hash('t7'), 30)).toBeNull();
    await redis.start();
    await storeWhenReady(a, hash('t7'), row('u7'));
    expect(a.get(hash('t7'), 30)?.userId).toBe('u7');
  });

  it('subscribes on its first lookup, not before (the worker only invalidates)', async () => {
    const subscribers = async () => {
      const [, count] = (await clients[0].pubsub('NUMSUB', SESSION_INVALIDATION_CHANNEL)) as [string, number];
      return Number(count);
    };
    // The earlier tests' instances re-subscribe at their own pace after the Redis restart
    // above: shut them down so the count below is this instance's alone.
    for (const earlier of caches.splice(0)) await earlier.onApplicationShutdown();
    await untilAsync(async () => (await subscribers()) === 0, 'the earlier instances to unsubscribe');
    const idle = await cache();
    await idle.invalidateUsers(['u9']);
    expect(await subscribers()).toBe(0);
    await storeWhenReady(idle, hash('t9'), row('u9'));
    expect(await subscribers()).toBe(1);
  });

  it('caches nothing when SESSION_CACHE_SECONDS is 0', async () => {
    const off = await cache(0);
    off.store(off.begin(), hash('t8'), row('u8'));
    expect(off.get(hash('t8'), 30)).toBeNull();
  });
});
