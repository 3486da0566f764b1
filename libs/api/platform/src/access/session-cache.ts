import type { Role } from '@crm/contracts';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { REDIS_CLIENT } from '../queue/redis-connection';

/** What a request needs of its session: who, with which scope, and the expiry clocks. */
export interface SessionActorRow {
  sessionId: string;
  userId: string;
  role: Role;
  organizationId: string | null;
  preferredLanguage: 'en' | 'fr';
  provinceCodes: string[];
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Redis channel on which every API instance hears "forget this user's sessions". */
export const SESSION_INVALIDATION_CHANNEL = 'crm:session-invalidated';

interface Entry {
  row: SessionActorRow;
  expiresAt: number; // the session's absolute expiry
  cachedUntil: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Live sessions remembered for a few seconds, so a signed-in request does not
 * read the session (with its region aggregate) from PostgreSQL every time
 * (decision 052). Correctness rests on invalidation, not on the short TTL:
 * - sign-out, password change/reset, deactivation and role/region/language
 *   changes call `invalidateUser` after their transaction commits; the message
 *   goes to every API instance through Redis pub/sub;
 * - while this instance is not subscribed (Redis away, still connecting) the
 *   cache is bypassed, so a missed message cannot keep a revoked session alive;
 * - a lookup that raced an invalidation is not stored (generation check);
 * - idle and absolute expiry are checked locally on every hit.
 * The key is the token's SHA-256 (what the database stores), never the token.
 */
@Injectable()
export class SessionCache implements OnApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  private subscriber: Redis | null = null;
  private subscribed = false;
  private generation = 0;
  private readonly ttlMs: number;
  private readonly log = new Logger(SessionCache.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {
    this.ttlMs = config.SESSION_CACHE_SECONDS * 1000;
  }

  /**
   * Subscribes on the first lookup, not at start-up: only a process that reads
   * sessions (the API) holds the extra connection; the worker, which only
   * invalidates, never opens it.
   */
  private subscribe(): void {
    if (this.subscriber || this.ttlMs === 0) return;
    // A subscribed connection can do nothing else: a dedicated one.
    const subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: true, autoResubscribe: false });
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, userId: string) => this.evictUser(userId));
    // Usable only once subscribed (again): until then, and whenever the connection drops, no cache.
    subscriber.on('ready', () => {
      subscriber.subscribe(SESSION_INVALIDATION_CHANNEL).then(
        () => (this.subscribed = true),
        () => this.unsubscribed(),
      );
    });
    subscriber.on('close', () => this.unsubscribed());
    subscriber.on('error', () => undefined); // health checks report Redis; here it only means "no cache"
    subscriber.connect().catch(() => this.log.warn('Redis not reachable: sessions are read from PostgreSQL on every request until it is'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscriber?.disconnect();
  }

  /** Begin a lookup: pass the result to `store` so a lookup that raced an invalidation is dropped. */
  begin(): number {
    return this.generation;
  }

  get(tokenHash: Buffer, idleMinutes: number): SessionActorRow | null {
    if (!this.subscribed) {
      this.subscribe();
      return null;
    }
    const key = tokenHash.toString('base64');
    const entry = this.entries.get(key);
    if (!entry) return null;
    const now = Date.now();
    // Past its cache time or possibly idle/expired: ask the database (another instance may have seen activity).
    if (now >= entry.cachedUntil || now >= entry.expiresAt || now - new Date(entry.row.lastSeenAt).getTime() >= idleMinutes * 60_000) {
      this.entries.delete(key);
      return null;
    }
    return entry.row;
  }

  store(generation: number, tokenHash: Buffer, row: SessionActorRow): void {
    if (!this.subscribed || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash.toString('base64'), { row, expiresAt: new Date(row.expiresAt).getTime(), cachedUntil: Date.now() + this.ttlMs });
  }

  /** Forget users' sessions here and on every other instance. Call after the change has committed. */
  async invalidateUsers(userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) this.evictUser(userId);
    if (this.ttlMs === 0 || userIds.length === 0) return;
    try {
      for (const userId of userIds) await this.redis.publish(SESSION_INVALIDATION_CHANNEL, userId);
    } catch {
      // Other instances keep an entry at most SESSION_CACHE_SECONDS; say so, without the id.
      this.log.warn('session cache: could not publish an invalidation; other API instances may honour it for a few seconds');
    }
  }

  private evictUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.row.userId === userId) this.entries.delete(key);
  }

  private unsubscribed(): void {
    this.subscribed = false;
    this.generation++;
    this.entries.clear();
  }
}
