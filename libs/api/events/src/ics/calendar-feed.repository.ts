import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CalendarFeedRow {
  id: string;
  userId: string;
  regionId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const feedColumns = `f.id, f.user_id AS "userId", f.region_id AS "regionId", f.created_at AS "createdAt", f.last_used_at AS "lastUsedAt"`;

/** Region feeds: a user's secret-token subscriptions (only the token's hash is kept). */
@Injectable()
export class CalendarFeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(userId: string, regionId: string, tokenHash: Buffer): Promise<CalendarFeedRow> {
    const rows: CalendarFeedRow[] = await this.dataSource.query(
      `INSERT INTO calendar_feed AS f (user_id, region_id, token_hash) VALUES ($1, $2, $3) RETURNING ${feedColumns}`,
      [userId, regionId, tokenHash],
    );
    return rows[0];
  }

  /** The feed a token opens, if not revoked; its use is noted (at most once a minute). */
  async open(tokenHash: Buffer): Promise<CalendarFeedRow | null> {
    // An UPDATE answers [rows, count].
    const [rows]: [CalendarFeedRow[], number] = await this.dataSource.query(
      `UPDATE calendar_feed f SET last_used_at = now()
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL
          AND (f.last_used_at IS NULL OR f.last_used_at < now() - interval '1 minute')
        RETURNING ${feedColumns}`,
      [tokenHash],
    );
    if (rows[0]) return rows[0];
    const still: CalendarFeedRow[] = await this.dataSource.query(
      `SELECT ${feedColumns} FROM calendar_feed f WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
      [tokenHash],
    );
    return still[0] ?? null;
  }

  mine(userId: string): Promise<CalendarFeedRow[]> {
    return this.dataSource.query(`SELECT ${feedColumns} FROM calendar_feed f WHERE f.user_id = $1 AND f.revoked_at IS NULL ORDER BY f.created_at`, [userId]);
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE calendar_feed SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [id, userId],
    );
    return count > 0;
  }

  async regionExists(regionId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM region WHERE id = $1`, [regionId])).length > 0;
  }
}
