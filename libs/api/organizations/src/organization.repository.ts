import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationDuplicatesInput, OrganizationFilter, RecordSort } from '@crm/contracts';
import { SqlParams } from '@crm/platform';
import {
  encodeOrderedCursor,
  keysetPage,
  orderedCursor,
  textSearch,
  type ExportQuery,
  type LifecycleValues,
  type TextSearch,
  type VersionedStore,
} from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import {
  organizationColumns,
  organizationScopeColumns,
  organizationSortKey,
  organizationWritableColumns,
  type OrganizationRow,
  type OrganizationWritableField,
} from './organization.row';

export type OrganizationValues = { [K in OrganizationWritableField]?: OrganizationRow[K] };

@Injectable()
export class OrganizationRepository implements VersionedStore<OrganizationRow, OrganizationValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** One organization if the ability may read it (scope in SQL): out of scope reads as missing. */
  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<OrganizationRow | null> {
    const params = new SqlParams();
    const rows: OrganizationRow[] = await manager.query(
      `SELECT ${organizationColumns} FROM organization o
        WHERE o.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}
        ${lock ? 'FOR UPDATE' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<OrganizationRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  /** Whether an organization exists and is not archived (whoever asks: a member contact's organization). */
  async isActive(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM organization WHERE id = $1 AND archived_at IS NULL`, [id]);
    return rows.length > 0;
  }

  /** Names of the organizations among `ids` the ability may read (archived ones too), with their rule fields: the audit log's. */
  async auditNames(ability: AppAbility, ids: string[]) {
    const params = new SqlParams();
    const rows: { id: string; nameEn: string; nameFr: string | null; provinceCode: string; ownerId: string | null; createdById: string | null }[] =
      await this.dataSource.query(
        `SELECT o.id, o.name_en AS "nameEn", o.name_fr AS "nameFr", o.province_code AS "provinceCode", o.owner_id AS "ownerId", o.created_by_id AS "createdById"
           FROM organization o
          WHERE o.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
        params.values,
      );
    return rows.map(({ id, nameEn, nameFr, ...rule }) => ({ id, name: nameEn, nameFr, ruleFields: { id, ...rule } }));
  }

  /** The ids among `ids` the ability may read (archived ones too). */
  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM organization o
        WHERE o.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The ids among `ids` the ability may read and that are not archived. */
  async visibleActiveIds(manager: EntityManager, ability: AppAbility, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const params = new SqlParams();
    const rows: { id: string }[] = await manager.query(
      `SELECT o.id FROM organization o
        WHERE o.id = ANY(${params.add(ids)}::uuid[]) AND o.archived_at IS NULL
          AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  async activeCounts(): Promise<{ all: number; members: number }> {
    const rows: { all: number; members: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS "all", (count(*) FILTER (WHERE o.membership = 'member'))::int AS members FROM organization o WHERE o.archived_at IS NULL`,
    );
    return rows[0];
  }

  /** How many organizations the list of `filter` holds in all (every page). */
  async count(ability: AppAbility, filter: OrganizationFilter): Promise<number> {
    const params = new SqlParams();
    const where = organizationListWhere(params, ability, 'read', filter);
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM organization o WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return rows[0].count;
  }

  async list(ability: AppAbility, filter: OrganizationFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = organizationListWhere(params, ability, 'read', filter);
    const byUpdated = filter.sort === 'UPDATED';
    const cursor = orderedCursor(after, filter.sort, 2);
    if (cursor && byUpdated) where.push(`(o.updated_at, o.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`);
    else if (cursor) where.push(`(${organizationSortKey}, o.id) > (${params.add(cursor[0])}, ${params.add(cursor[1])}::uuid)`);
    const rows: (OrganizationRow & { sortKey: string })[] = await this.dataSource.query(
      `SELECT ${organizationColumns}, ${byUpdated ? 'o.updated_at::text' : organizationSortKey} AS "sortKey" FROM organization o
        WHERE ${where.join(' AND ')}
        ORDER BY ${organizationListOrder(filter.sort)} LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    return keysetPage(rows, first, (last) => encodeOrderedCursor(filter.sort, [last.sortKey, last.id]), ['sortKey']);
  }

  /** Best matches first (exact words, then words containing the text, then close spellings), then name order. */
  /**
   * Active organizations the ability may read that may be the one being entered
   * (decision 032): the same e-mail, or a close name (English or French, every word,
   * typo tolerant) in the same city — in the same province when no city is given.
   */
  async duplicatesOf(ability: AppAbility, input: OrganizationDuplicatesInput, first: number): Promise<OrganizationRow[]> {
    const params = new SqlParams();
    const scope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const names = [input.nameEn, input.nameFr].filter((name): name is string => Boolean(name)).map((name) => organizationSearch(params, name));
    const place = input.city
      ? `f_search_norm(coalesce(o.city, '')) = f_search_norm(${params.add(input.city)})`
      : input.provinceCode
        ? `o.province_code = ${params.add(input.provinceCode)}`
        : 'FALSE';
    // (A bare FALSE cannot stand in ORDER BY: PostgreSQL reads a constant there as a column position.)
    const sameEmail = input.email ? `o.email = ${params.add(input.email)}` : 'FALSE';
    return this.dataSource.query(
      `SELECT ${organizationColumns} FROM organization o
        WHERE o.archived_at IS NULL AND ${scope}
          AND (${sameEmail} OR ((${names.map((name) => name.condition).join(' OR ')}) AND ${place}))
        ORDER BY CASE WHEN ${sameEmail} THEN 0 ELSE 1 END, ${names[0].score} DESC, ${organizationSortKey}, o.id
        LIMIT ${params.add(first)}`,
      params.values,
    );
  }

  async search(ability: AppAbility, text: string, first: number): Promise<OrganizationRow[]> {
    const params = new SqlParams();
    const scope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const search = organizationSearch(params, text);
    return this.dataSource.query(
      `SELECT ${organizationColumns} FROM organization o
        WHERE o.archived_at IS NULL AND ${scope} AND ${search.condition}
        ORDER BY ${search.score} DESC, ${search.wholeWords ? `${search.wholeWords()} DESC, ` : ''}${organizationSortKey}, o.id
        LIMIT ${params.add(first)}`,
      params.values,
    );
  }

  async insert(manager: EntityManager, values: Required<OrganizationValues> & { createdById: string | null }): Promise<OrganizationRow> {
    const params = new SqlParams();
    const fields = Object.keys(organizationWritableColumns) as OrganizationWritableField[];
    const rows: OrganizationRow[] = await manager.query(
      `INSERT INTO organization AS o (${fields.map((f) => organizationWritableColumns[f]).join(', ')}, created_by_id)
       VALUES (${fields.map((f) => params.add(values[f])).join(', ')}, ${params.add(values.createdById)})
       RETURNING ${organizationColumns}`,
      params.values,
    );
    return rows[0];
  }

  /** Writes `values` if the row is still at `version` (with `bump`: next version, "now"); null when it changed meanwhile. */
  async updateVersioned(
    manager: EntityManager,
    _ability: AppAbility,
    target: { id: string; version: number },
    values: OrganizationValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<OrganizationRow | null> {
    const params = new SqlParams();
    const given = Object.entries(values).filter(([, value]) => value !== undefined);
    const assignments = given.map(([field, value]) => {
      const column =
        field === 'archivedAt' ? 'archived_at' : field === 'mergedIntoId' ? 'merged_into_id' : organizationWritableColumns[field as OrganizationWritableField];
      return `${column} = ${params.add(value)}`;
    });
    if (options.bump) assignments.push('version = o.version + 1', 'updated_at = now()');
    // TypeORM 1.x: UPDATE … RETURNING answers [rows, affectedCount].
    const [rows]: [OrganizationRow[], number] = await manager.query(
      `UPDATE organization AS o SET ${assignments.join(', ')}
        WHERE o.id = ${params.add(target.id)} AND o.version = ${params.add(target.version)}
        RETURNING ${organizationColumns}`,
      params.values,
    );
    return rows[0] ?? null;
  }
}

/** Organizations by their names, English and French (`o.search_text`): see `textSearch`. */
function organizationSearch(params: SqlParams, text: string): TextSearch {
  return textSearch(params, text, { kind: 'organization', alias: 'o' });
}

/** The organizations list as its CSV export reads it: the list's own WHERE (with the caller's `export` scope) and ORDER BY. */
export function organizationExportQuery(ability: AppAbility, filter: OrganizationFilter): ExportQuery {
  const params = new SqlParams();
  const where = organizationListWhere(params, ability, 'export', filter);
  return {
    sql: `SELECT o.id, o.name_en, o.name_fr, o.kind, o.membership, to_char(o.membership_since, 'YYYY-MM-DD') AS membership_since,
                 o.province_code, o.city, o.postal_code, o.email, o.phone, o.website, o.tags, o.notes, o.owner_id, o.created_by_id,
                 ow.email AS owner_email, o.created_at, o.updated_at
            FROM organization o LEFT JOIN app_user ow ON ow.id = o.owner_id
           WHERE ${where.join(' AND ')}
           ORDER BY ${organizationListOrder(filter.sort)}`,
    params: params.values,
  };
}

/** The ORDER BY of an organizations list (alias `o`): the list and its CSV export share it. */
export function organizationListOrder(sort: RecordSort | undefined): string {
  return sort === 'UPDATED' ? 'o.updated_at DESC, o.id DESC' : `${organizationSortKey}, o.id`;
}

/**
 * The WHERE conditions (alias `o`) of an organizations list for `action`: the
 * ability's scope, then the filter. The list and the CSV export both use it.
 */
export function organizationListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: OrganizationFilter): string[] {
  const where = [params.scope(ability, action, 'Organization', organizationScopeColumns)];
  where.push(filter.archived ? 'o.archived_at IS NOT NULL' : 'o.archived_at IS NULL');
  if (filter.provinceCodes?.length) where.push(`o.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`o.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.kinds?.length) where.push(`o.kind = ANY(${params.add(filter.kinds)}::text[])`);
  if (filter.memberships?.length) where.push(`o.membership = ANY(${params.add(filter.memberships)}::text[])`);
  if (filter.tags?.length) where.push(`o.tags @> ${params.add(filter.tags)}::text[]`);
  if (filter.ownerId) where.push(`o.owner_id = ${params.add(filter.ownerId)}`);
  if (filter.updatedSince) where.push(`o.updated_at >= ${params.add(filter.updatedSince)}`);
  if (filter.ids) where.push(`o.id = ANY(${params.add(filter.ids)}::uuid[])`);
  if (filter.search) where.push(organizationSearch(params, filter.search).condition);
  return where;
}
