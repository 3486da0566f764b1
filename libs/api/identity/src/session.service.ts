import { Inject, Injectable } from '@nestjs/common';
import { defineAbilityFor, type Actor, type AppAbility } from '@crm/authz';
import { APP_CONFIG, requestIdFrom, SessionCache, type AppConfig, type RequestContext, type SessionActorRow } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import { SessionRepository } from './session.repository';
import { hashToken, newSecretToken } from './tokens';

interface IncomingRequest {
  id?: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

@Injectable()
export class SessionService {
  // Abilities are immutable: one per session row, dropped with the row.
  private readonly abilities = new WeakMap<SessionActorRow, { actor: Actor; ability: AppAbility }>();

  constructor(
    private readonly sessions: SessionRepository,
    private readonly cache: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(manager: EntityManager, userId: string): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_ABSOLUTE_HOURS * 3600_000);
    const sessionId = await this.sessions.insert(manager, userId, hash, expiresAt);
    return { token, sessionId, expiresAt };
  }

  /** Builds the RequestContext for one request from its bearer token (if any). */
  async contextFor(request: IncomingRequest): Promise<RequestContext> {
    const requestId = request.id ?? requestIdFrom(request.headers['x-request-id']);
    const ip = request.ip ?? 'unknown';
    const headerLanguage = String(request.headers['accept-language'] ?? '')
      .toLowerCase()
      .startsWith('fr')
      ? 'fr'
      : 'en';
    const token = bearerToken(request.headers.authorization);
    const anonymous: RequestContext = { requestId, ip, actor: null, ability: anonymousAbility, sessionId: null, language: headerLanguage };
    if (!token) return anonymous;
    const row = await this.liveSession(hashToken(token));
    if (!row) return anonymous;
    // Slide the idle window at most once a minute: no write on most requests.
    if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
      await this.sessions.touch(row.sessionId);
      row.lastSeenAt = new Date();
    }
    const { actor, ability } = this.abilityOf(row);
    return { requestId, ip, actor, ability, sessionId: row.sessionId, language: row.preferredLanguage };
  }

  /** The actor and ability of a session row, built once per row (a cached row is the same object on every hit). */
  private abilityOf(row: SessionActorRow): { actor: Actor; ability: AppAbility } {
    let built = this.abilities.get(row);
    if (!built) {
      // Shared by the requests of this session for a few seconds: frozen, so none can change it for the others.
      const actor: Actor = Object.freeze({
        id: row.userId,
        role: row.role,
        provinceCodes: Object.freeze([...row.provinceCodes]) as string[],
        organizationId: row.organizationId,
      });
      built = { actor, ability: defineAbilityFor(actor) };
      this.abilities.set(row, built);
    }
    return built;
  }

  private async liveSession(tokenHash: Buffer): Promise<SessionActorRow | null> {
    const cached = this.cache.get(tokenHash, this.config.SESSION_IDLE_MINUTES);
    if (cached) return cached;
    const generation = this.cache.begin();
    const row = await this.sessions.findLive(tokenHash, this.config.SESSION_IDLE_MINUTES);
    if (row) this.cache.store(generation, tokenHash, row);
    return row;
  }

  /** After a committed change to a user's sessions, role, scope or language: every API instance forgets them. */
  invalidateUser(userId: string): Promise<void> {
    return this.cache.invalidateUsers([userId]);
  }
}

// Abilities are immutable: the public's is built once, not on every request.
const anonymousAbility = defineAbilityFor(null);

function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1] : null;
}
