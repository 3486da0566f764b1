import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationFilter, PersonFilter } from '@crm/contracts';
import { likeEscape, organizationScopeColumns, organizationSortKey, SqlParams } from '@crm/organizations';

// ADAPTER — a copy of the WHERE clauses of PersonRepository.list and
// OrganizationRepository.list (libs/api/people, libs/api/organizations), minus
// the keyset cursor, so an export holds exactly the rows of the list the user
// filtered. Replace with the lists' own builders once those libraries export
// them (asked for in the import/export hand-over); until then a change to a
// list's filters must be mirrored here (csv-export.int-spec compares the two).

const personScopeColumns = { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' } as const;
// Stored, trigram-indexed normal forms of the names (generated columns).
const personSearchExpression = `p.search_text`;
const organizationSearchExpression = `o.search_text`;

/**
 * Conditions over alias `p` for a people list: the ability's scope for `action`,
 * then the filter; `with` is a CTE to put before the SELECT (the list collects
 * search matches first from 3 characters on).
 */
export function personListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: PersonFilter): { where: string[]; with: string } {
  const where = [params.scope(ability, action, 'Person', personScopeColumns)];
  where.push(filter.archived ? 'p.archived_at IS NOT NULL' : 'p.archived_at IS NULL');
  if (filter.provinceCodes?.length) where.push(`p.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`p.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.organizationId) {
    // Only through an organization the caller may see, as the affiliations they are shown.
    where.push(
      `EXISTS (SELECT 1 FROM affiliation af JOIN organization o ON o.id = af.organization_id
                WHERE af.person_id = p.id AND af.organization_id = ${params.add(filter.organizationId)} AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)})`,
    );
  }
  if (filter.tags?.length) where.push(`p.tags @> ${params.add(filter.tags)}::text[]`);
  if (filter.ownerId) where.push(`p.owner_id = ${params.add(filter.ownerId)}`);
  if (filter.engagementStages?.length) where.push(`p.engagement_stage = ANY(${params.add(filter.engagementStages)}::text[])`);
  if (filter.leaderCategories?.length) where.push(`p.leader_category = ANY(${params.add(filter.leaderCategories)}::text[])`);
  if (filter.updatedSince) where.push(`p.updated_at >= ${params.add(filter.updatedSince)}`);
  let cte = '';
  if (filter.search) {
    const raw = params.add(filter.search);
    const like = params.add(`%${likeEscape(filter.search)}%`);
    const email = filter.search.includes('@') ? ` OR p.emails @> ARRAY[lower(${raw})]` : '';
    const condition = `(${personSearchExpression} LIKE f_search_norm(${like}) OR f_search_norm(${raw}) <% ${personSearchExpression}${email})`;
    if (filter.search.length >= 3) {
      cte = `WITH hits AS MATERIALIZED (SELECT p.id FROM person p WHERE ${condition}) `;
      where.push('p.id IN (SELECT id FROM hits)');
    } else where.push(condition);
  }
  return { where, with: cte };
}

/** Conditions over alias `o` for an organizations list. */
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
  if (filter.search) {
    const raw = params.add(filter.search);
    const like = params.add(`%${likeEscape(filter.search)}%`);
    where.push(`(${organizationSearchExpression} LIKE f_search_norm(${like}) OR f_search_norm(${raw}) <% ${organizationSearchExpression})`);
  }
  return where;
}

export { personScopeColumns };

/** The lists' order (keyset sort keys), so an export reads like the screen it came from. */
export const personListOrder = `f_search_norm(p.last_name), f_search_norm(p.first_name), p.id`;
export const organizationListOrder = `${organizationSortKey}, o.id`;
