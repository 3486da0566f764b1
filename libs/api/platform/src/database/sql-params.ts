import { accessibleWhere, type ColumnMap } from '../authz/accessible-where';
import type { Action, AppAbility, SubjectName } from '@crm/authz';

/**
 * Positional parameters for one hand-written statement: `params.add(value)` gives `$n`.
 * The one way repositories build SQL parameters (decision 055), from platform to domains.
 */
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
