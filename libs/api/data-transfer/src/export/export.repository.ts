import { Injectable } from '@nestjs/common';
import type { ExportQuery } from '@crm/records';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

/** Rows fetched from the server cursor at a time: memory stays flat whatever the export's size. */
const BATCH_SIZE = 200;

/** Streams the rows of a query a domain built (an export list's, or an import's rejected rows). */
@Injectable()
export class ExportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Rows of `query` from a server-side cursor on a connection of its own. Ending
   * early (client gone) closes the cursor and discards the connection.
   */
  async *stream<R>(query: ExportQuery): AsyncGenerator<R> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    const rows = client.query(new QueryStream(query.sql, query.params, { batchSize: BATCH_SIZE, highWaterMark: BATCH_SIZE }));
    let finished = false;
    try {
      for await (const row of rows) yield row as R;
      finished = true;
    } finally {
      if (!finished) rows.destroy();
      // A connection left mid-cursor is not reused.
      client.release(finished ? undefined : true);
    }
  }
}
