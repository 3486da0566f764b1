import { encodeCursor, readCursor, type SqlParams } from '@crm/platform';
import { keysetPage, type KeysetPage } from './keyset-cursor';

/** A list's order: a timestamp column, then the id (both of the list's alias), oldest first unless `descending`. */
export interface TimeKey {
  column: string;
  id: string;
  descending?: boolean;
}

/** The ORDER BY of a list in `key` order: the list and its export share it. */
export function timeKeyOrder(key: TimeKey): string {
  const direction = key.descending ? ' DESC' : '';
  return `${key.column}${direction}, ${key.id}${direction}`;
}

/** What `timeKeysetList` reads: the select list, the FROM, the WHERE conditions with their `params`. */
export interface TimeKeysetQuery {
  params: SqlParams;
  select: string;
  from: string;
  where: string[];
  key: TimeKey;
  first: number;
  after: string | null | undefined;
}

/**
 * One page of a list in `key` order (events by start, pledges newest first, toolkit
 * requests by status change): `first + 1` rows after the cursor, read in one statement.
 * The cursor holds the timestamp as UTC text to the microsecond (exact, whatever the
 * session's zone) and the id; a tampered one is BAD_USER_INPUT naming `after`.
 */
export async function timeKeysetList<Row extends { id: string }>(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  query: TimeKeysetQuery,
): Promise<KeysetPage<Row>> {
  const { params, key, first } = query;
  const where = [...query.where];
  const cursor = readCursor(query.after, ['timestamp', 'uuid'] as const);
  if (cursor) {
    where.push(`(${key.column}, ${key.id}) ${key.descending ? '<' : '>'} (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`);
  }
  const rows = (await db.query(
    `SELECT ${query.select}, to_char(${key.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "sortKey"
       FROM ${query.from} WHERE ${where.join(' AND ')}
      ORDER BY ${timeKeyOrder(key)} LIMIT ${params.add(first + 1)}`,
    params.values,
  )) as (Row & { sortKey: string })[];
  const page = keysetPage(rows, first, (last) => encodeCursor([last.sortKey, last.id]), ['sortKey']);
  // The sort key is off the rows again: they are `Row` (TypeScript cannot see Omit<Row & K, keyof K> as Row).
  return page as unknown as KeysetPage<Row>;
}
