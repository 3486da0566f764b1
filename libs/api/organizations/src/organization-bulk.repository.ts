import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import type { EntityManager } from 'typeorm';
import { organizationScopeColumns, organizationWritableColumns, type OrganizationRow } from './organization.row';
import { SqlParams } from '@crm/platform';
import { insertMany, updateManyVersioned, type BulkTable } from '@crm/records';

/** Everything a bulk write (a CSV import) may set on an organization, plus what scope checks read. */
export type OrganizationState = Pick<
  OrganizationRow,
  | 'id'
  | 'nameEn'
  | 'nameFr'
  | 'kind'
  | 'membership'
  | 'membershipSince'
  | 'provinceCode'
  | 'city'
  | 'postalCode'
  | 'email'
  | 'phone'
  | 'website'
  | 'tags'
  | 'notes'
  | 'ownerId'
  | 'createdById'
  | 'version'
>;

const stateColumns = `o.id, o.name_en AS "nameEn", o.name_fr AS "nameFr", o.kind, o.membership,
  to_char(o.membership_since, 'YYYY-MM-DD') AS "membershipSince", o.province_code AS "provinceCode", o.city,
  o.postal_code AS "postalCode", o.email, o.phone, o.website, o.tags, o.notes, o.owner_id AS "ownerId",
  o.created_by_id AS "createdById", o.version`;

// The writable columns (organization.row.ts), as jsonb_to_recordset reads them.
const columnTypes: Record<keyof typeof organizationWritableColumns, string> = {
  nameEn: 'text',
  nameFr: 'text',
  kind: 'text',
  membership: 'text',
  membershipSince: 'date',
  provinceCode: 'text',
  city: 'text',
  postalCode: 'text',
  email: 'text',
  phone: 'text',
  website: 'text',
  tags: 'text[]',
  notes: 'text',
  ownerId: 'uuid',
};
const table: BulkTable<OrganizationState> = {
  table: 'organization',
  writable: (Object.keys(organizationWritableColumns) as (keyof typeof organizationWritableColumns)[]).map(
    (field) => [field, organizationWritableColumns[field], columnTypes[field]] as const,
  ),
};

/**
 * Set-based reads and writes of organizations: a statement per chunk of records
 * rather than per record (a CSV import of thousands). Scope rules as the
 * single-record repository: the caller's ability, in SQL.
 */
@Injectable()
export class OrganizationBulkRepository {
  /** Active organizations the ability may read, by name (English or French, compared unaccented, any case): name as given → ids. */
  async idsByName(manager: EntityManager, ability: AppAbility, names: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(names.map((name) => [name, []]));
    if (names.length === 0) return found;
    const params = new SqlParams();
    const list = params.add(names);
    const rows: { name: string; id: string }[] = await manager.query(
      `SELECT x.name, o.id
         FROM unnest(${list}::text[]) AS x(name)
         JOIN organization o ON (f_search_norm(o.name_en) = f_search_norm(x.name) OR f_search_norm(o.name_fr) = f_search_norm(x.name))
        WHERE o.archived_at IS NULL AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}
        ORDER BY o.created_at, o.id`,
      params.values,
    );
    for (const row of rows) found.get(row.name)?.push(row.id);
    return found;
  }

  /**
   * For each (name, city), its duplicate key (normalised as search normalises) and
   * the active organizations the ability may read with that name (English or
   * French) in that city; locked for update when applying.
   */
  async byNameAndCity(
    manager: EntityManager,
    ability: AppAbility,
    candidates: { name: string; city: string | null }[],
    lock: boolean,
  ): Promise<{ keys: string[]; matches: OrganizationState[][] }> {
    if (candidates.length === 0) return { keys: [], matches: [] };
    const keyRows: { key: string }[] = await manager.query(
      `SELECT f_search_norm(x.name) || '|' || f_search_norm(coalesce(x.city, '')) AS key
         FROM jsonb_to_recordset($1::jsonb) AS x(i integer, name text, city text) ORDER BY x.i`,
      [JSON.stringify(candidates.map((c, i) => ({ i, name: c.name, city: c.city })))],
    );
    const keys = keyRows.map((row) => row.key);
    const params = new SqlParams();
    const list = params.add([...new Set(keys)]);
    const rows: (OrganizationState & { key: string })[] = await manager.query(
      `SELECT ${stateColumns}, k.key
         FROM unnest(${list}::text[]) AS k(key)
         JOIN organization o ON o.archived_at IS NULL
          AND (f_search_norm(o.name_en) = split_part(k.key, '|', 1) OR f_search_norm(o.name_fr) = split_part(k.key, '|', 1))
          AND f_search_norm(coalesce(o.city, '')) = split_part(k.key, '|', 2)
        WHERE ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}
        ORDER BY o.id ${lock ? 'FOR UPDATE OF o' : ''}`,
      params.values,
    );
    const byKey = new Map<string, OrganizationState[]>();
    for (const { key, ...state } of rows) byKey.set(key, [...(byKey.get(key) ?? []), state]);
    return { keys, matches: keys.map((key) => byKey.get(key) ?? []) };
  }

  insertMany(manager: EntityManager, organizations: OrganizationState[]): Promise<void> {
    return insertMany(manager, table, organizations);
  }

  /** Writes the whole state of each organization still at its version; returns how many were written. */
  updateManyVersioned(manager: EntityManager, organizations: OrganizationState[]): Promise<number> {
    return updateManyVersioned(manager, table, organizations);
  }
}
