import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Rows not yet relayed, and how long the oldest has waited (partial index outbox_pending_idx). */
  async backlog(): Promise<{ pending: number; oldestSeconds: number }> {
    const rows: { pending: number; oldestSeconds: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(epoch FROM clock_timestamp() - min(created_at)), 0)::float8 AS "oldestSeconds"
         FROM outbox WHERE relayed_at IS NULL`,
    );
    return rows[0];
  }

  /** Deletes up to `batchSize` rows relayed before `before` (index outbox_relayed_idx); answers how many went. */
  async purgeRelayed(before: Date, batchSize: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE relayed_at < $1 ORDER BY relayed_at LIMIT $2)`,
      [before, batchSize],
    );
    return result[1];
  }
}
