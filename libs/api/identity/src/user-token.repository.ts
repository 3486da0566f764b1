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
