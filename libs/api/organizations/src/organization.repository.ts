import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationFilter, RecordSort } from '@crm/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import {
  organizationColumns,
  organizationScopeColumns,
  organizationSortKey,
  organizationWritableColumns,
  type OrganizationRow,
  type OrganizationWritableField,
} from './organization.row';
import { textSearch, type TextSearch } from './search';
import { encodeOrderedCursor, orderedCursor, SqlParams } from './sql';

export type OrganizationValues = { [K in OrganizationWritableField]?: OrganizationRow[K] };

@Injectable()
export class OrganizationRepository {
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

  async isVisible(ability: AppAbility, id: string): Promise<boolean> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT 1 FROM organization o WHERE o.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
      params.values,
    );
    return rows.length > 0;
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
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page.map(({ sortKey: _s, ...row }) => row),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeOrderedCursor(filter.sort, [last.sortKey, last.id]) : null,
    };
  }

  /** Best matches first (exact words, then words containing the text, then close spellings), then name order. */
  async search(ability: AppAbility, text: string, first: number): Promise<OrganizationRow[]> {
    const params = new SqlParams();
    const scope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const search = organizationSearch(params, text);
    return this.dataSource.query(
      `SELECT ${organizationColumns} FROM organization o
        WHERE o.archived_at IS NULL AND ${scope} AND ${search.condition}
        ORDER BY ${search.score} DESC, ${organizationSortKey}, o.id
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

  /** Writes `values` if the row is still at `version`; null when it changed meanwhile. */
  async updateVersioned(
    manager: EntityManager,
    id: string,
    version: number,
    values: OrganizationValues & { archivedAt?: Date | null; mergedIntoId?: string | null },
  ): Promise<OrganizationRow | null> {
    const params = new SqlParams();
    const assignments = Object.entries(values).map(([field, value]) => {
      const column =
        field === 'archivedAt' ? 'archived_at' : field === 'mergedIntoId' ? 'merged_into_id' : organizationWritableColumns[field as OrganizationWritableField];
      return `${column} = ${params.add(value)}`;
    });
    // TypeORM 1.x: UPDATE … RETURNING answers [rows, affectedCount].
    const [rows]: [OrganizationRow[], number] = await manager.query(
      `UPDATE organization AS o SET ${[...assignments, 'version = o.version + 1', 'updated_at = now()'].join(', ')}
        WHERE o.id = ${params.add(id)} AND o.version = ${params.add(version)}
        RETURNING ${organizationColumns}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** Member contacts of the duplicate now belong to the survivor. */
  async moveMemberContacts(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved]: [unknown[], number] = await manager.query(
      `UPDATE app_user SET organization_id = $2, version = version + 1, updated_at = now() WHERE organization_id = $1`,
      [fromId, toId],
    );
    return moved;
  }

  async memberContactIds(organizationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM app_user WHERE organization_id = $1`, [organizationId]);
    return rows.map((row) => row.id);
  }
}

/** Organizations by their names, English and French (`o.search_text`): see `textSearch`. */
function organizationSearch(params: SqlParams, text: string): TextSearch {
  return textSearch(params, text, { kind: 'organization', alias: 'o' });
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
  if (filter.search) where.push(organizationSearch(params, filter.search).condition);
  return where;
}
