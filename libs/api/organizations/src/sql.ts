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

// A timestamptz as PostgreSQL writes it as text (the UPDATED order's key).
const timestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/**
 * The keyset cursor of a list in `order` (its `arity` sort values): a cursor of
 * another order, or tampered, is BAD_USER_INPUT, never a wrong page or a SQL error.
 */
export function orderedCursor(after: string | null | undefined, order: 'NAME' | 'UPDATED', arity: number): string[] | null {
  const values = keysetCursor(after, arity + 1);
  if (!values) return null;
  const [tag, ...keys] = values;
  if (tag !== order || (order === 'UPDATED' && !timestampText.test(keys[0]))) throw invalidCursor();
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
export function recordset<S extends object>(columns: readonly (readonly [keyof S, string, string])[], states: readonly S[]): { json: string; definition: string; columns: string[] } {
  const rows = states.map((state) => Object.fromEntries(columns.map(([field, column]) => [column, state[field]])));
  return { json: JSON.stringify(rows), definition: columns.map(([, column, type]) => `${column} ${type}`).join(', '), columns: columns.map(([, column]) => column) };
}
