import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { decodeCursor, encodeCursor, invalidCursor, SqlParams } from '@crm/platform';
import { organizationScopeColumns } from '@crm/organizations';
import { DataSource, type EntityManager } from 'typeorm';
import { personScopeColumns } from '../person.row';

export type DuplicateKind = 'Person' | 'Organization';
export type DuplicateReason = 'EMAIL' | 'NAME_CITY';

/** One side of a pair, as the queue shows it. */
export interface DuplicateSide {
  id: string;
  name: string;
  nameFr: string | null;
  email: string | null;
  city: string | null;
  provinceCode: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DuplicatePairRow {
  reason: DuplicateReason;
  first: DuplicateSide;
  second: DuplicateSide;
}

// A column map for another alias than the lists' (`p.`/`o.` → `a.`, `b.`).
const aliased = (columns: Record<string, string>, alias: string) =>
  Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, column.replace(/^\w+\./, `${alias}.`)]));

interface PairSql {
  /** The pairs' FROM and join: `a` and `b` the two records, `a.id < b.id`, index-backed. */
  from: string;
  /** The sort key of a pair (text expressions), then a.id, b.id: the order of the index walked. */
  key: string[];
  /** Extra conditions (one pair listed once). */
  where?: string;
  /**
   * Expressions equal to the first key on the other side too (`b`'s): a page after a cursor
   * bounds them as well, so the planner may walk either side from the cursor (not from the start).
   */
  alsoBound?: string[];
}

// Each rule is a join of one index with itself, walked in its order: the same e-mail
// (from the shared e-mails, through person_email's primary key; organizations' lower(email)
// index), or the same normalised name in the same city (person_duplicate_name_idx;
// organization_duplicate_name_idx, decision 118).
// Organizations' name and city are one key (a unit separator between them): two equalities on
// correlated columns made the planner expect a dozen pairs, hash the table and sort them all.
const organizationNameCity = (x: string) => `f_search_norm(${x}.name_en) || chr(31) || f_search_norm(${x}.city)`;

const rules: Record<DuplicateKind, Record<DuplicateReason, PairSql>> = {
  Person: {
    EMAIL: {
      from: `person_email_shared s JOIN person_email ea ON ea.email = s.email
             JOIN person_email eb ON eb.email = s.email AND eb.person_id > ea.person_id
             JOIN person a ON a.id = ea.person_id JOIN person b ON b.id = eb.person_id`,
      key: ['s.email'],
      // Two people sharing two e-mails: listed at the first one only.
      where: `NOT EXISTS (SELECT 1 FROM person_email xa JOIN person_email xb ON xb.email = xa.email AND xb.person_id = eb.person_id
                           WHERE xa.person_id = ea.person_id AND xa.email < ea.email)`,
    },
    NAME_CITY: {
      from: `person a JOIN person b
               ON f_search_norm(b.last_name) = f_search_norm(a.last_name) AND f_search_norm(b.first_name) = f_search_norm(a.first_name)
              AND f_search_norm(b.city) = f_search_norm(a.city) AND b.id > a.id
              AND b.archived_at IS NULL AND b.city IS NOT NULL AND b.city <> ''`,
      key: ['f_search_norm(a.last_name)', 'f_search_norm(a.first_name)', 'f_search_norm(a.city)'],
      where: `a.city IS NOT NULL AND a.city <> ''`,
    },
  },
  Organization: {
    EMAIL: {
      from: `organization a JOIN organization b ON lower(b.email) = lower(a.email) AND b.id > a.id
               AND b.archived_at IS NULL AND b.email IS NOT NULL AND b.email <> ''`,
      key: ['lower(a.email)'],
      where: `a.email IS NOT NULL AND a.email <> ''`,
      alsoBound: ['lower(b.email)'],
    },
    NAME_CITY: {
      from: `organization a JOIN organization b ON ${organizationNameCity('b')} = ${organizationNameCity('a')}
              AND b.id > a.id AND b.archived_at IS NULL AND b.city IS NOT NULL AND b.city <> ''`,
      key: [organizationNameCity('a')],
      where: `a.city IS NOT NULL AND a.city <> ''`,
      alsoBound: [organizationNameCity('b')],
    },
  },
};

const sideColumns: Record<DuplicateKind, (alias: string) => string> = {
  Person: (x) => `json_build_object('id', ${x}.id, 'name', trim(${x}.first_name || ' ' || ${x}.last_name), 'nameFr', NULL, 'email', ${x}.emails[1],
                   'city', ${x}.city, 'provinceCode', ${x}.province_code, 'createdAt', ${x}.created_at, 'updatedAt', ${x}.updated_at)`,
  Organization: (x) => `json_build_object('id', ${x}.id, 'name', ${x}.name_en, 'nameFr', ${x}.name_fr, 'email', ${x}.email,
                   'city', ${x}.city, 'provinceCode', ${x}.province_code, 'createdAt', ${x}.created_at, 'updatedAt', ${x}.updated_at)`,
};

const scopeColumns: Record<DuplicateKind, Record<string, string>> = { Person: personScopeColumns, Organization: organizationScopeColumns };

/**
 * Possible duplicates over the whole table (decision 027), by the rules of decision 032:
 * pairs of active records the ability may both read, not dismissed, a page at a time in
 * the order of the index each rule walks (keyset cursor: the key, then both ids).
 */
@Injectable()
export class DuplicatePairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The statement of one page (kept apart so its plan can be read with EXPLAIN). */
  pageQuery(ability: AppAbility, kind: DuplicateKind, reason: DuplicateReason, first: number, after: string | null | undefined) {
    const rule = rules[kind][reason];
    const params = new SqlParams();
    const where = [
      'a.archived_at IS NULL',
      'b.archived_at IS NULL',
      params.scope(ability, 'read', kind, aliased(scopeColumns[kind], 'a')),
      params.scope(ability, 'read', kind, aliased(scopeColumns[kind], 'b')),
      `NOT EXISTS (SELECT 1 FROM duplicate_dismissal d WHERE d.subject_type = ${params.add(kind)} AND d.low_id = a.id AND d.high_id = b.id)`,
    ];
    if (rule.where) where.push(rule.where);
    const arity = rule.key.length + 2;
    if (after) {
      const values = decodeCursor(after, arity);
      const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
      if (!values || values.some((v) => typeof v !== 'string') || !uuid.test(String(values[arity - 2])) || !uuid.test(String(values[arity - 1]))) {
        throw invalidCursor();
      }
      const placeholders = values.map((value, i) => (i >= arity - 2 ? `${params.add(value)}::uuid` : params.add(value)));
      where.push(`(${[...rule.key, 'a.id', 'b.id'].join(', ')}) > (${placeholders.join(', ')})`);
      // The row comparison spans both records, so it cannot bound an index scan: its first key alone does.
      for (const bound of [rule.key[0], ...(rule.alsoBound ?? [])]) where.push(`${bound} >= ${placeholders[0]}`);
    }
    const sql = `SELECT ${rule.key.map((k, i) => `${k} AS k${i}`).join(', ')}, a.id AS "aId", b.id AS "bId",
                        ${sideColumns[kind]('a')} AS first, ${sideColumns[kind]('b')} AS second
                   FROM ${rule.from}
                  WHERE ${where.join(' AND ')}
                  ORDER BY ${[...rule.key, 'a.id', 'b.id'].join(', ')}
                  LIMIT ${params.add(first + 1)}`;
    return { sql, values: params.values, keys: rule.key.length };
  }

  async page(ability: AppAbility, kind: DuplicateKind, reason: DuplicateReason, first: number, after: string | null | undefined) {
    const query = this.pageQuery(ability, kind, reason, first, after);
    const rows: Record<string, unknown>[] = await this.dataSource.query(query.sql, query.values);
    const nodes: DuplicatePairRow[] = rows.slice(0, first).map((row) => ({
      reason,
      first: side(row.first),
      second: side(row.second),
    }));
    const last = rows.length > first ? rows[first - 1] : null;
    const endCursor = last ? encodeCursor([...Array.from({ length: query.keys }, (_v, i) => String(last[`k${i}`])), last.aId, last.bId]) : null;
    return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor } };
  }

  /** Both records, if the ability may read them (active or not): the ids of a pair to dismiss. */
  async visibleCount(manager: EntityManager, ability: AppAbility, kind: DuplicateKind, ids: [string, string]): Promise<number> {
    const params = new SqlParams();
    const table = kind === 'Person' ? 'person' : 'organization';
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM ${table} a
        WHERE a.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', kind, aliased(scopeColumns[kind], 'a'))}`,
      params.values,
    );
    return rows[0].n;
  }

  /** Remembers that two records are not the same; false when it was already known. */
  async dismiss(manager: EntityManager, kind: DuplicateKind, lowId: string, highId: string, actorId: string | null): Promise<boolean> {
    const rows = await manager.query(
      `INSERT INTO duplicate_dismissal (subject_type, low_id, high_id, dismissed_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [kind, lowId, highId, actorId],
    );
    return rows.length > 0;
  }
}

function side(value: unknown): DuplicateSide {
  const raw = value as Record<string, unknown>;
  return {
    id: String(raw.id),
    name: String(raw.name ?? ''),
    nameFr: (raw.nameFr as string | null) ?? null,
    email: (raw.email as string | null) ?? null,
    city: (raw.city as string | null) ?? null,
    provinceCode: String(raw.provinceCode),
    createdAt: new Date(String(raw.createdAt)),
    updatedAt: new Date(String(raw.updatedAt)),
  };
}
