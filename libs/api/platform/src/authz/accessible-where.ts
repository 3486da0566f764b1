import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from '@crm/authz';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A SQL boolean expression and its positional parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * Record field name -> SQL column expression, e.g. `{ provinceCode: 'p.province_code' }`.
 * Expressions are pasted into SQL as they are: they come from code, never from input.
 */
export type ColumnMap = Readonly<Record<string, string>>;

/** A rule the translator cannot turn into SQL: a programming error, never a user's. */
export class AccessibleWhereError extends Error {
  override name = 'AccessibleWhereError';
}

// ucast's condition tree as rulesToAST returns it (compound nodes have no field).
interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

type Placeholder = (value: unknown) => string;

/**
 * The ability's rules for (action, subjectType) as one SQL boolean expression with
 * `$n` parameters numbered after `paramOffset`. Nothing allowed gives `FALSE`, an
 * unconditional rule `TRUE`; `cannot` rules become `AND (…) IS NOT TRUE` bounds.
 * A condition on a field missing from `columns`, or an operator other than
 * $eq/$ne/$in/$nin/$and/$or, throws: better a failed list than a leaked row.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subjectType: SubjectName, columns: ColumnMap, paramOffset = 0): SqlCondition {
  // The same rule set, columns and numbering make the same SQL: remembered like the
  // condition tree (below), per column map (module constants at every call site).
  let byColumns = rememberedSql.get(ability.rules);
  if (!byColumns) {
    byColumns = new WeakMap();
    rememberedSql.set(ability.rules, byColumns);
  }
  let byKey = byColumns.get(columns);
  if (!byKey) {
    byKey = new Map();
    byColumns.set(columns, byKey);
  }
  const key = `${action}\u0000${subjectType}\u0000${paramOffset}`;
  let condition = byKey.get(key);
  if (!condition) {
    const params: unknown[] = [];
    const sql = conditionSql(ability, action, subjectType, columns, (value) => {
      params.push(value);
      return `$${paramOffset + params.length}`;
    });
    condition = { sql, params };
    byKey.set(key, condition);
  }
  // The caller may keep or extend its params: its own array, the values shared (as the rules' are).
  return { sql: condition.sql, params: condition.params.slice() };
}
const rememberedSql = new WeakMap<object, WeakMap<ColumnMap, Map<string, SqlCondition>>>();

let querySequence = 0;

/**
 * Adds the ability's condition to a TypeORM list query (`andWhere`), with named
 * parameters under a prefix unique to this call, so the list is filtered in SQL.
 */
export function applyAccessibleWhere<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subjectType: SubjectName,
  columns: ColumnMap,
): SelectQueryBuilder<T> {
  const prefix = `authz${++querySequence}_`;
  const parameters: Record<string, unknown> = {};
  let count = 0;
  const sql = conditionSql(ability, action, subjectType, columns, (value) => {
    const name = `${prefix}${++count}`;
    parameters[name] = value;
    return `:${name}`;
  });
  return qb.andWhere(`(${sql})`, parameters);
}

// rulesToAST walks every rule: remembered per rule set (a session's ability lives as long
// as its cached session row, and a new row brings a new ability, so a change of role or
// regions is never served from here) and per (action, subject).
const remembered = new WeakMap<object, Map<string, AstNode | null>>();

function rulesAst(ability: AppAbility, action: Action, subjectType: SubjectName): AstNode | null {
  let byRule = remembered.get(ability.rules);
  if (!byRule) {
    byRule = new Map();
    remembered.set(ability.rules, byRule);
  }
  const key = `${action}\u0000${subjectType}`;
  let ast = byRule.get(key);
  if (ast === undefined) {
    ast = rulesToAST(ability, action, subjectType) as AstNode | null;
    byRule.set(key, ast);
  }
  return ast;
}

function conditionSql(ability: AppAbility, action: Action, subjectType: SubjectName, columns: ColumnMap, placeholder: Placeholder): string {
  // Field-level rules are left out here (no field is asked for): they narrow which
  // fields are served, never which rows.
  const ast = rulesAst(ability, action, subjectType);
  if (ast === null) return 'FALSE';
  return new Translator(subjectType, columns, placeholder).node(ast);
}

class Translator {
  constructor(
    private readonly subjectType: SubjectName,
    private readonly columns: ColumnMap,
    private readonly placeholder: Placeholder,
  ) {}

  node(node: AstNode): string {
    if (node.field === undefined) return this.compound(node);
    return this.field(node.operator, node.field, node.value);
  }

  private compound(node: AstNode): string {
    const children = node.value;
    if (!Array.isArray(children)) throw this.error(`a "${node.operator}" condition without a list of conditions`);
    const parts = (children as AstNode[]).map((child) => this.node(child));
    switch (node.operator) {
      case 'and':
        return parts.length === 0 ? 'TRUE' : parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
      case 'or':
        return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
      case 'not':
        // IS NOT TRUE, not NOT: a NULL column must not hide a row a `cannot` rule does
        // not match (CASL's own matcher treats a missing value as "no match").
        return `(${parts.length === 1 ? parts[0] : parts.join(' AND ')}) IS NOT TRUE`;
      default:
        throw this.error(`the operator "${node.operator}"`);
    }
  }

  private field(operator: string, field: string, value: unknown): string {
    if (field.startsWith('$')) {
      throw this.error(`"${field}" inside rule conditions (CASL 7 does not parse it there: write one rule per branch)`);
    }
    if (!Object.prototype.hasOwnProperty.call(this.columns, field)) {
      throw new AccessibleWhereError(
        `${this.subjectType} rule has a condition on "${field}", which has no SQL column in the map given ` +
          `(${Object.keys(this.columns).join(', ') || 'empty'}): refusing to build the filter`,
      );
    }
    const column = this.columns[field];
    switch (operator) {
      case 'eq':
        return value === null ? `${column} IS NULL` : `${column} = ${this.placeholder(this.scalar(field, value))}`;
      case 'ne':
        // IS DISTINCT FROM: a NULL column differs from any value, as in CASL's matcher.
        return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${this.placeholder(this.scalar(field, value))}`;
      case 'in': {
        const list = this.list(field, value);
        return list.length === 0 ? 'FALSE' : `${column} = ANY(${this.placeholder(list)})`;
      }
      case 'nin': {
        const list = this.list(field, value);
        return list.length === 0 ? 'TRUE' : `(${column} = ANY(${this.placeholder(list)})) IS NOT TRUE`;
      }
      default:
        throw this.error(`the operator "$${operator}" on "${field}"`);
    }
  }

  private scalar(field: string, value: unknown): unknown {
    const type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint' || value instanceof Date) return value;
    throw this.error(`a non-scalar value for "${field}" (nested objects and arrays are not columns)`);
  }

  private list(field: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) throw this.error(`a list operator on "${field}" without a list`);
    if (value.some((item) => item === null)) throw this.error(`null inside a list for "${field}" (write { ${field}: null } instead)`);
    return value.map((item) => this.scalar(field, item));
  }

  private error(what: string): AccessibleWhereError {
    return new AccessibleWhereError(`Cannot turn a ${this.subjectType} rule into SQL: unsupported ${what}`);
  }
}
