import { Injectable } from '@nestjs/common';
import { encodeCursor, readCursor } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CsvRow } from '../csv/csv-reader';
import type { ImportKind } from './import-fields';
import type { ColumnField, RowInput, RowProblem } from './row-input';
import type { DuplicatePolicy, Fate } from './import-planner';

export type ImportStatus = 'uploaded' | 'mapped' | 'validating' | 'validated' | 'importing' | 'imported' | 'cancelled' | 'failed';
export type Applied = 'created' | 'updated' | 'skipped' | 'failed';

export interface ImportBatchRow {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  rowCount: number;
  byteCount: number;
  mapping: ColumnField[] | null;
  duplicatePolicy: DuplicatePolicy | null;
  skipInvalidRows: boolean;
  validatedRows: number;
  createCount: number;
  updateCount: number;
  skipCount: number;
  errorCount: number;
  appliedRows: number;
  createdCount: number;
  updatedCount: number;
  skippedCount: number;
  failedCount: number;
  lastError: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  validatedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ImportRowRecord {
  rowNumber: number;
  lineNumber: number;
  cells: string[];
  fate: Fate | null;
  problems: RowProblem[] | null;
  input: RowInput | null;
  matchId: string | null;
  duplicateOfRow: number | null;
  recordId: string | null;
  applied: Applied | null;
}

const batchColumns = `b.id, b.kind, b.status, b.filename, b.encoding, b.delimiter, b.headers, b.row_count AS "rowCount",
  b.byte_count::float8 AS "byteCount", b.mapping, b.duplicate_policy AS "duplicatePolicy", b.skip_invalid_rows AS "skipInvalidRows",
  b.validated_rows AS "validatedRows", b.create_count AS "createCount", b.update_count AS "updateCount", b.skip_count AS "skipCount",
  b.error_count AS "errorCount", b.applied_rows AS "appliedRows", b.created_count AS "createdCount", b.updated_count AS "updatedCount",
  b.skipped_count AS "skippedCount", b.failed_count AS "failedCount", b.last_error AS "lastError", b.created_by_id AS "createdById",
  b.created_at AS "createdAt", b.updated_at AS "updatedAt", b.validated_at AS "validatedAt", b.started_at AS "startedAt",
  b.finished_at AS "finishedAt"`;

const rowColumns = `r.row_number AS "rowNumber", r.line_number AS "lineNumber", r.cells, r.fate, r.problems, r.input,
  r.match_id AS "matchId", r.duplicate_of_row AS "duplicateOfRow", r.record_id AS "recordId", r.applied`;

/** Counters a chunk adds to its batch. */
export interface DryRunCounts {
  validatedRows: number;
  create: number;
  update: number;
  skip: number;
  error: number;
}

export interface RunCounts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** The chunk's first and last row numbers: a range on the primary key bounds the join whatever plan is chosen. */
function rowRange(rows: { rowNumber: number }[]): [number, number] {
  const numbers = rows.map((row) => row.rowNumber);
  return [Math.min(...numbers), Math.max(...numbers)];
}

@Injectable()
export class ImportBatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertBatch(manager: EntityManager, values: { kind: ImportKind; filename: string; createdById: string }): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO import_batch (kind, filename, encoding, delimiter, headers, row_count, byte_count, created_by_id)
       VALUES ($1, $2, 'utf-8', ',', '[]', 0, 0, $3) RETURNING id`,
      [values.kind, values.filename, values.createdById],
    );
    return rows[0].id;
  }

  async insertRows(manager: EntityManager, batchId: string, rows: CsvRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO import_row (batch_id, row_number, line_number, cells)
       SELECT $1, x.n, x.l, x.c FROM jsonb_to_recordset($2::jsonb) AS x(n integer, l integer, c jsonb)`,
      [batchId, JSON.stringify(rows.map((row) => ({ n: row.rowNumber, l: row.lineNumber, c: row.cells })))],
    );
  }

  async finishUpload(
    manager: EntityManager,
    batchId: string,
    values: { encoding: string; delimiter: string; headers: string[]; rowCount: number; byteCount: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE import_batch SET encoding = $2, delimiter = $3, headers = $4, row_count = $5, byte_count = $6, updated_at = now() WHERE id = $1`,
      [batchId, values.encoding, values.delimiter, JSON.stringify(values.headers), values.rowCount, values.byteCount],
    );
  }

  /** A batch of this user's (imports hold the file's personal data: only its uploader sees them). */
  async findOwn(id: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<ImportBatchRow | null> {
    const rows: ImportBatchRow[] = await manager.query(`SELECT ${batchColumns} FROM import_batch b WHERE b.id = $1 AND b.created_by_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ImportBatchRow | null> {
    const rows: ImportBatchRow[] = await manager.query(`SELECT ${batchColumns} FROM import_batch b WHERE b.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  /** The user's batches, newest first (keyset). */
  async listOwn(userId: string, first: number, after: string | null | undefined) {
    const cursor = readCursor(after, ['timestamp', 'uuid'] as const);
    const params: unknown[] = [userId, first + 1];
    let where = 'b.created_by_id = $1';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where += ` AND (b.created_at, b.id) < ($3::timestamptz, $4::uuid)`;
    }
    // The cursor keeps the timestamp as PostgreSQL writes it: a JS Date would drop the microseconds.
    const rows: (ImportBatchRow & { cursorAt: string })[] = await this.dataSource.query(
      `SELECT ${batchColumns}, b.created_at::text AS "cursorAt" FROM import_batch b WHERE ${where} ORDER BY b.created_at DESC, b.id DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page.map(({ cursorAt: _c, ...row }) => row),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.cursorAt, last.id]) : null,
    };
  }

  /**
   * Moves a batch from one of `from` to `to` (with extra assignments); false if
   * it was in another status. The one way statuses change, so two requests
   * cannot both start the same step.
   */
  async transition(manager: EntityManager, id: string, from: ImportStatus[], to: ImportStatus, extra: Record<string, unknown> = {}): Promise<boolean> {
    const columns = Object.keys(extra);
    const assignments = columns.map((column, i) => `${column} = $${i + 4}`);
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE import_batch SET status = $3, updated_at = now()${assignments.length ? `, ${assignments.join(', ')}` : ''}
        WHERE id = $1 AND status = ANY($2::text[])`,
      [id, from, to, ...columns.map((c) => extra[c])],
    );
    return changed === 1;
  }

  async setMapping(manager: EntityManager, id: string, mapping: ColumnField[], policy: DuplicatePolicy, skipInvalidRows: boolean): Promise<boolean> {
    const changed = await this.transition(manager, id, ['uploaded', 'mapped', 'validated', 'failed'], 'mapped', {
      mapping: JSON.stringify(mapping),
      duplicate_policy: policy,
      skip_invalid_rows: skipInvalidRows,
      validated_rows: 0,
      create_count: 0,
      update_count: 0,
      skip_count: 0,
      error_count: 0,
      last_error: null,
      validated_at: null,
    });
    if (changed) await this.clearDryRun(manager, id);
    return changed;
  }

  /** A new dry run starts from nothing. */
  async clearDryRun(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE import_row SET fate = NULL, problems = NULL, input = NULL, match_id = NULL, duplicate_of_row = NULL
        WHERE batch_id = $1 AND fate IS NOT NULL`,
      [id],
    );
  }

  /** Rows after `afterRow`, in file order. */
  async rowsAfter(manager: EntityManager, batchId: string, afterRow: number, limit: number): Promise<ImportRowRecord[]> {
    return manager.query(`SELECT ${rowColumns} FROM import_row r WHERE r.batch_id = $1 AND r.row_number > $2 ORDER BY r.row_number LIMIT $3`, [
      batchId,
      afterRow,
      limit,
    ]);
  }

  async saveDryRun(
    manager: EntityManager,
    batchId: string,
    rows: { rowNumber: number; fate: Fate; problems: RowProblem[] | null; input: RowInput | null; matchId: string | null; duplicateOfRow: number | null }[],
    counts: DryRunCounts,
  ): Promise<void> {
    await manager.query(
      `UPDATE import_row r SET fate = x.fate, problems = x.problems, input = x.input, match_id = x.match_id, duplicate_of_row = x.duplicate_of_row
         FROM jsonb_to_recordset($2::jsonb) AS x(row_number integer, fate text, problems jsonb, input jsonb, match_id uuid, duplicate_of_row integer)
        WHERE r.batch_id = $1 AND r.row_number BETWEEN $3 AND $4 AND r.row_number = x.row_number`,
      [
        batchId,
        JSON.stringify(
          rows.map((row) => ({
            row_number: row.rowNumber,
            fate: row.fate,
            problems: row.problems,
            input: row.input,
            match_id: row.matchId,
            duplicate_of_row: row.duplicateOfRow,
          })),
        ),
        ...rowRange(rows),
      ],
    );
    await manager.query(
      `UPDATE import_batch SET validated_rows = validated_rows + $2, create_count = create_count + $3, update_count = update_count + $4,
              skip_count = skip_count + $5, error_count = error_count + $6, updated_at = now()
        WHERE id = $1`,
      [batchId, counts.validatedRows, counts.create, counts.update, counts.skip, counts.error],
    );
  }

  /**
   * The next rows after `afterRow` the run has not applied yet (errors are never
   * applied), locked so two runs cannot take the same rows. Walks the primary key
   * from `afterRow`, not from the start past every row already applied.
   */
  async pendingRows(manager: EntityManager, batchId: string, afterRow: number, limit: number): Promise<ImportRowRecord[]> {
    return manager.query(
      `SELECT r.row_number AS "rowNumber", r.line_number AS "lineNumber", '[]'::jsonb AS cells, r.fate, r.problems, r.input,
              r.match_id AS "matchId", r.duplicate_of_row AS "duplicateOfRow", r.record_id AS "recordId", r.applied
         FROM import_row r
        WHERE r.batch_id = $1 AND r.row_number > $2 AND r.applied_at IS NULL AND r.fate IN ('create', 'update', 'skip')
        ORDER BY r.row_number LIMIT $3 FOR UPDATE`,
      [batchId, afterRow, limit],
    );
  }

  async saveApplied(
    manager: EntityManager,
    batchId: string,
    rows: { rowNumber: number; applied: Applied; recordId: string | null; problems: RowProblem[] | null }[],
    counts: RunCounts,
  ): Promise<void> {
    await manager.query(
      `UPDATE import_row r SET applied = x.applied, record_id = x.record_id, applied_at = now(),
              problems = COALESCE(x.problems, r.problems)
         FROM jsonb_to_recordset($2::jsonb) AS x(row_number integer, applied text, record_id uuid, problems jsonb)
        WHERE r.batch_id = $1 AND r.row_number BETWEEN $3 AND $4 AND r.row_number = x.row_number AND r.applied_at IS NULL`,
      [
        batchId,
        JSON.stringify(rows.map((row) => ({ row_number: row.rowNumber, applied: row.applied, record_id: row.recordId, problems: row.problems }))),
        ...rowRange(rows),
      ],
    );
    const total = counts.created + counts.updated + counts.skipped + counts.failed;
    await manager.query(
      `UPDATE import_batch SET applied_rows = applied_rows + $2, created_count = created_count + $3, updated_count = updated_count + $4,
              skipped_count = skipped_count + $5, failed_count = failed_count + $6, updated_at = now()
        WHERE id = $1`,
      [batchId, total, counts.created, counts.updated, counts.skipped, counts.failed],
    );
  }

  async rowsPage(batchId: string, fate: Fate | undefined, first: number, after: string | null | undefined) {
    const cursor = readCursor(after, ['int'] as const);
    const params: unknown[] = [batchId, first + 1];
    const where = ['r.batch_id = $1'];
    if (fate) where.push(`r.fate = $${params.push(fate)}`);
    if (cursor) where.push(`r.row_number > $${params.push(cursor[0])}`);
    const rows: ImportRowRecord[] = await this.dataSource.query(
      `SELECT ${rowColumns} FROM import_row r WHERE ${where.join(' AND ')} ORDER BY r.row_number LIMIT $2`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return { rows: page, hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.rowNumber]) : null };
  }

  /** The most frequent problems of a dry run (or a run), by field and message. */
  async problemSummary(batchId: string, limit = 20): Promise<{ field: string | null; message: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT p->>'field' AS field, p->>'message' AS message, count(*)::int AS count
         FROM import_row r CROSS JOIN LATERAL jsonb_array_elements(r.problems) AS p
        WHERE r.batch_id = $1 AND (r.fate = 'error' OR r.applied = 'failed')
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT $2`,
      [batchId, limit],
    );
  }

  /** Rows refused by the dry run or failed by the run, for the rejected-rows file (read through a cursor). */
  rejectedRowsQuery(batchId: string): { sql: string; params: unknown[] } {
    return {
      sql: `SELECT r.row_number AS "rowNumber", r.line_number AS "lineNumber", r.cells, r.problems
              FROM import_row r WHERE r.batch_id = $1 AND (r.fate = 'error' OR r.applied = 'failed') ORDER BY r.row_number`,
      params: [batchId],
    };
  }

  async setLastError(id: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE import_batch SET last_error = $2, updated_at = now() WHERE id = $1`, [id, message.slice(0, 1000)]);
  }
}
