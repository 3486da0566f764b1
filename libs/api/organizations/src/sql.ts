import { accessibleWhere, BadUserInputException, decodeCursor, encodeCursor, type ColumnMap } from '@crm/platform';
import type { Action, AppAbility, SubjectName } from '@crm/authz';

/** Positional parameters for one hand-written statement: `params.add(value)` gives `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** The ability's rules for (action, subject) as SQL, numbered after the parameters so far. */
  scope(ability: AppAbility, action: Action, subjectType: SubjectName, columns: ColumnMap): string {
    const condition = accessibleWhere(ability, action, subjectType, columns, this.values.length);
    this.values.push(...condition.params);
    return `(${condition.sql})`;
  }
}

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

/**
 * The keyset cursor of a list in `order` (its `arity` sort values): a cursor of
 * another order, or tampered, is BAD_USER_INPUT, never a wrong page or a SQL error.
 */
export function orderedCursor(after: string | null | undefined, order: 'NAME' | 'UPDATED', arity: number): string[] | null {
  const values = keysetCursor(after, arity + 1);
  if (!values) return null;
  const [tag, ...keys] = values;
  // Every value is checked before it reaches SQL: a bad one is the caller's error, not a failed statement.
  if (tag !== order || !uuidText.test(keys[keys.length - 1]) || keys.some((key) => key.includes('\u0000'))) throw invalidCursor();
  if (order === 'UPDATED' && !isTimestamp(keys[0])) throw invalidCursor();
  return keys;
}

export function encodeOrderedCursor(order: 'NAME' | 'UPDATED', keys: string[]): string {
  return encodeCursor([order, ...keys]);
}

function invalidCursor(): BadUserInputException {
  return new BadUserInputException([{ path: ['after'], message: 'is not a valid cursor' }], 'The page cursor is not valid; start from the first page');
}

/** `%` and `_` are LIKE wildcards: a search for "50%" means the characters. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * Rows for `jsonb_to_recordset($1::jsonb) AS x(<definition>)`: one statement
 * writes a whole chunk of records (bulk inserts and versioned updates).
 * `columns`: [record field, column, SQL type].
 */
export function recordset<S extends object>(
  columns: readonly (readonly [keyof S, string, string])[],
  states: readonly S[],
): { json: string; definition: string; columns: string[] } {
  const rows = states.map((state) => Object.fromEntries(columns.map(([field, column]) => [column, state[field]])));
  return {
    json: JSON.stringify(rows),
    definition: columns.map(([, column, type]) => `${column} ${type}`).join(', '),
    columns: columns.map(([, column]) => column),
  };
}
