import { SqlParams } from '@crm/platform';
import type { EntityManager } from 'typeorm';

// One record's INSERT and versioned UPDATE, the statements every record repository wrote out
// alike: the repository names its table and its field → column map; values left undefined are
// not written (a form that did not send a field leaves it as it was).

/** The given fields of `values` that are columns of `columnOf`, each with its column. */
function writable(columnOf: Readonly<Record<string, string>>, values: object): [string, unknown][] {
  return Object.entries(values).filter(([field, value]) => field in columnOf && value !== undefined);
}

/** Inserts one row of `table` with `values` and its creator; answers the new id. */
export async function insertRecordRow(
  manager: EntityManager,
  table: string,
  columnOf: Readonly<Record<string, string>>,
  values: object & { createdById: string | null },
): Promise<string> {
  const params = new SqlParams();
  const fields = writable({ ...columnOf, createdById: 'created_by_id' }, values);
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO ${table} (${fields.map(([field]) => (field === 'createdById' ? 'created_by_id' : columnOf[field])).join(', ')})
     VALUES (${fields.map(([, value]) => params.add(value)).join(', ')}) RETURNING id`,
    params.values,
  );
  return rows[0].id;
}

/**
 * Writes `values` to the row of `table` if it is still at `target.version` (with `bump`: the
 * next version, "now"); true when written, or when there was nothing to write. False: it
 * changed meanwhile (the caller's CONFLICT).
 */
export async function updateRecordRowVersioned(
  manager: EntityManager,
  table: string,
  columnOf: Readonly<Record<string, string>>,
  target: { id: string; version: number },
  values: object,
  options: { bump: boolean },
): Promise<boolean> {
  const params = new SqlParams();
  const assignments = writable(columnOf, values).map(([field, value]) => `${columnOf[field]} = ${params.add(value)}`);
  if (options.bump) assignments.push('version = version + 1', 'updated_at = now()');
  if (assignments.length === 0) return true;
  // TypeORM 1.x: UPDATE answers [rows, affectedCount].
  const [, affected]: [unknown[], number] = await manager.query(
    `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = ${params.add(target.id)} AND version = ${params.add(target.version)}`,
    params.values,
  );
  return affected === 1;
}
