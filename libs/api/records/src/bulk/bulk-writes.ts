import type { EntityManager } from 'typeorm';
import { recordset } from '@crm/platform';

/** [state field, column, SQL type as jsonb_to_recordset reads it]. */
export type BulkColumn<S> = readonly [keyof S & string, string, string];

/** A record table written in chunks (a CSV import of thousands): its name and the columns a bulk write sets. */
export interface BulkTable<S> {
  table: string;
  writable: readonly BulkColumn<S>[];
}

/**
 * Inserts every state in one statement (ids chosen by the caller, so the
 * rows can be referred to before they exist); `createdById` is set too.
 */
export async function insertMany<S extends { id: string; createdById: string | null }>(manager: EntityManager, spec: BulkTable<S>, states: S[]): Promise<void> {
  if (states.length === 0) return;
  const set = recordset<S>([['id', 'id', 'uuid'], ...spec.writable, ['createdById', 'created_by_id', 'uuid']], states);
  await manager.query(
    `INSERT INTO ${spec.table} (${set.columns.join(', ')})
     SELECT ${set.columns.map((c) => `x.${c}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})`,
    [set.json],
  );
}

/** Writes the whole state of each record still at its version (next version, "now"); returns how many were written. */
export async function updateManyVersioned<S extends { id: string; version: number }>(manager: EntityManager, spec: BulkTable<S>, states: S[]): Promise<number> {
  if (states.length === 0) return 0;
  const set = recordset<S>([['id', 'id', 'uuid'], ...spec.writable, ['version', 'version', 'integer']], states);
  const assignments = spec.writable.map(([, column]) => `${column} = x.${column}`);
  // TypeORM 1.x: UPDATE answers [rows, affectedCount].
  const [, updated]: [unknown[], number] = await manager.query(
    `UPDATE ${spec.table} t SET ${assignments.join(', ')}, version = t.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})
      WHERE t.id = x.id AND t.version = x.version`,
    [set.json],
  );
  return updated;
}
