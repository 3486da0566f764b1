import { Inject, Injectable } from '@nestjs/common';
import { defineAbilityFor, type Actor } from '@crm/authz';
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
    const headerLanguage = String(request.headers['accept-language'] ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
    const token = bearerToken(request.headers.authorization);
    const anonymous: RequestContext = { requestId, ip, actor: null, ability: defineAbilityFor(null), sessionId: null, language: headerLanguage };
    if (!token) return anonymous;
    const row = await this.liveSession(hashToken(token));
    if (!row) return anonymous;
    // Slide the idle window at most once a minute: no write on most requests.
    if (Date.now() - new Date(row.lastSeenAt).getTime() > 60_000) {
      await this.sessions.touch(row.sessionId);
      row.lastSeenAt = new Date();
    }
    const actor: Actor = { id: row.userId, role: row.role, provinceCodes: row.provinceCodes, organizationId: row.organizationId };
    return { requestId, ip, actor, ability: defineAbilityFor(actor), sessionId: row.sessionId, language: row.preferredLanguage };
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

function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1] : null;
}
