import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type UserTokenKind = 'invitation' | 'password_reset';

@Injectable()
export class UserTokenRepository {
  async insert(manager: EntityManager, userId: string, kind: UserTokenKind, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    // A new link replaces any earlier one of the same kind.
    await manager.query(`UPDATE user_token SET used_at = now() WHERE user_id = $1 AND kind = $2 AND used_at IS NULL`, [userId, kind]);
    await manager.query(`INSERT INTO user_token (user_id, kind, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [userId, kind, tokenHash, expiresAt]);
  }

  /** Whom a live invitation is for, without using it; null if unknown, used, expired or the account is off. */
  async previewInvitation(manager: EntityManager, tokenHash: Buffer): Promise<{ name: string; email: string; role: string; expiresAt: Date } | null> {
    const rows = await manager.query(
      `SELECT u.name, u.email, u.role, t.expires_at AS "expiresAt"
         FROM user_token t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.kind = 'invitation' AND t.used_at IS NULL AND t.expires_at > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Takes a live token (locks it and marks it used); null if unknown, used or expired. */
  async consume(manager: EntityManager, kind: UserTokenKind, tokenHash: Buffer): Promise<{ userId: string } | null> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows]: [{ userId: string }[], number] = await manager.query(
      `UPDATE user_token SET used_at = now()
        WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId"`,
      [tokenHash, kind],
    );
    return rows[0] ?? null;
  }
}
