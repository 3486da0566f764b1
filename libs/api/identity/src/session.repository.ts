import { Injectable } from '@nestjs/common';
import type { SessionActorRow } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, userId: string, tokenHash: Buffer, expiresAt: Date): Promise<string> {
    const rows: { id: string }[] = await manager.query(`INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`, [
      userId,
      tokenHash,
      expiresAt,
    ]);
    return rows[0].id;
  }

  /** A live session (not revoked, not past either expiry) of an active user, with the user's scope. */
  async findLive(tokenHash: Buffer, idleMinutes: number): Promise<SessionActorRow | null> {
    const rows: SessionActorRow[] = await this.dataSource.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.role, u.organization_id AS "organizationId",
              u.preferred_language AS "preferredLanguage", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              COALESCE((SELECT array_agg(DISTINCT rp.province_code::text ORDER BY rp.province_code::text)
                          FROM user_region ur JOIN region_province rp ON rp.region_id = ur.region_id
                         WHERE ur.user_id = u.id), '{}') AS "provinceCodes"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.active`,
      [tokenHash, idleMinutes],
    );
    return rows[0] ?? null;
  }

  /** Slides the idle window; at most one write a minute per session. */
  async touch(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 minute'`, [sessionId]);
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, reason]);
  }

  async revokeAllForUser(manager: EntityManager, userId: string, reason: string, exceptSessionId: string | null = null): Promise<number> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [userId, reason, exceptSessionId],
    );
    return result[1];
  }
}
