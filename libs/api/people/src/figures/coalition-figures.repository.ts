import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Counts across the coalition, for figures: no scope, no row leaves this class. */
@Injectable()
export class CoalitionFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  async peopleByStage(): Promise<Map<string, number>> {
    const rows: { stage: string; count: number }[] = await this.dataSource.query(
      `SELECT p.engagement_stage AS stage, count(*)::int AS count FROM person p WHERE p.archived_at IS NULL GROUP BY p.engagement_stage`,
    );
    return new Map(rows.map((row) => [row.stage, row.count]));
  }
}
