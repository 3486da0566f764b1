import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationFilter, PersonFilter } from '@crm/contracts';
import { likeEscape, organizationScopeColumns, SqlParams } from '@crm/organizations';

// ADAPTER — a copy of the WHERE clauses of PersonRepository.list and
// OrganizationRepository.list (libs/api/people, libs/api/organizations), minus
// the keyset cursor, so an export holds exactly the rows of the list the user
// filtered. Replace with the lists' own builders once those libraries export
// them (asked for in the import/export hand-over); until then a change to a
// list's filters must be mirrored here (csv-export.int-spec compares the two).

const personScopeColumns = { provinceCode: 'p.province_code', ownerId: 'p.owner_id', createdById: 'p.created_by_id' } as const;
const personSearchExpression = `p.search_text`;
const organizationSearchExpression = `o.search_text`;

/** Conditions over alias `p` for a people list: the ability's scope for `action`, then the filter. */
export function personListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: PersonFilter): string[] {
  const where = [params.scope(ability, action, 'Person', personScopeColumns)];
  where.push(filter.archived ? 'p.archived_at IS NOT NULL' : 'p.archived_at IS NULL');
  if (filter.provinceCodes?.length) where.push(`p.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`p.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.organizationId) where.push(`EXISTS (SELECT 1 FROM affiliation af WHERE af.person_id = p.id AND af.organization_id = ${params.add(filter.organizationId)})`);
  if (filter.tags?.length) where.push(`p.tags @> ${params.add(filter.tags)}::text[]`);
  if (filter.ownerId) where.push(`p.owner_id = ${params.add(filter.ownerId)}`);
  if (filter.engagementStages?.length) where.push(`p.engagement_stage = ANY(${params.add(filter.engagementStages)}::text[])`);
  if (filter.leaderCategories?.length) where.push(`p.leader_category = ANY(${params.add(filter.leaderCategories)}::text[])`);
  if (filter.updatedSince) where.push(`p.updated_at >= ${params.add(filter.updatedSince)}`);
  if (filter.search) {
    const raw = params.add(filter.search);
    const like = params.add(`%${likeEscape(filter.search)}%`);
    const email = filter.search.includes('@') ? ` OR p.emails @> ARRAY[lower(${raw})]` : '';
    where.push(`(${personSearchExpression} LIKE f_search_norm(${like}) OR f_search_norm(${raw}) <% ${personSearchExpression}${email})`);
  }
  return where;
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
export const organizationListOrder = `f_search_norm(o.name_en), o.id`;
