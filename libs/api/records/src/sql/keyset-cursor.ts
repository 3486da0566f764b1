import { BadUserInputException, decodeCursor, encodeCursor } from '@crm/platform';

/** A keyset cursor of `arity` strings, or BAD_USER_INPUT (a tampered cursor is not a first page). */
export function keysetCursor(after: string | null | undefined, arity: number): string[] | null {
  if (!after) return null;
  const values = decodeCursor(after, arity);
  if (!values || values.some((value) => typeof value !== 'string')) throw invalidCursor();
  return values as string[];
}

// A timestamptz as PostgreSQL writes it as text (the UPDATED order's key), and a record id.
const timestampText = /^([1-9]\d{3})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2})?$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real instant in PostgreSQL's text form (the shape alone lets "2024-02-31" through). */
function isTimestamp(text: string): boolean {
  const m = timestampText.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offset] = [m[1], m[2], m[3], m[4], m[5], m[6], m[8]].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 && Math.abs(offset) <= 15;
}

/** The orders a records list can take (RecordSort). */
export type ListOrder = 'NAME' | 'UPDATED';

/**
 * The keyset cursor of a list in `order` (its `arity` sort values): a cursor of
 * another order, or tampered, is BAD_USER_INPUT, never a wrong page or a SQL error.
 */
export function orderedCursor(after: string | null | undefined, order: ListOrder, arity: number): string[] | null {
  const values = keysetCursor(after, arity + 1);
  if (!values) return null;
  const [tag, ...keys] = values;
  // Every value is checked before it reaches SQL: a bad one is the caller's error, not a failed statement.
  if (tag !== order || !uuidText.test(keys[keys.length - 1]) || keys.some((key) => key.includes('\u0000'))) throw invalidCursor();
  if (order === 'UPDATED' && !isTimestamp(keys[0])) throw invalidCursor();
  return keys;
}

export function encodeOrderedCursor(order: ListOrder, keys: string[]): string {
  return encodeCursor([order, ...keys]);
}

/** One page of a keyset list read with `first + 1` rows. */
export interface KeysetPage<Row> {
  rows: Row[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * The page of a keyset list that read `first + 1` rows: the first `first`, whether a
 * row followed, and the cursor of the last (`cursorOf`). `sortColumns` were selected
 * only to make the cursor: they are taken off the page's rows in place (the rows are
 * the statement's own; deleting keeps them from being copied).
 */
export function keysetPage<Row extends object, Sort extends keyof Row = never>(
  rows: Row[],
  first: number,
  cursorOf: (last: Row) => string,
  sortColumns: readonly Sort[] = [],
): KeysetPage<Omit<Row, Sort>> {
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  const endCursor = last ? cursorOf(last) : null;
  for (const row of page) for (const column of sortColumns) delete (row as Partial<Row>)[column];
  return { rows: page, hasNextPage: rows.length > first, endCursor };
}

function invalidCursor(): BadUserInputException {
  return new BadUserInputException([{ path: ['after'], code: 'cursor' }], 'The page cursor is not valid; start from the first page');
}
