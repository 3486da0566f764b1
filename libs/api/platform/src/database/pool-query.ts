import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * One read statement straight on the DataSource's pg pool, outside any transaction:
 * for hot read paths (a list page), where TypeORM's QueryRunner per statement is
 * a tenth of the request's own work. Errors are pg's (codes as PostgreSQL gives
 * them), which toClientError classifies like TypeORM's wrapped ones.
 */
export async function poolQuery<R>(dataSource: DataSource, sql: string, params: readonly unknown[]): Promise<R[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query(sql, params as unknown[]);
  return result.rows as R[];
}
