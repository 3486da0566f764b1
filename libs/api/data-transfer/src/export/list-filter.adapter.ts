import type { Action, AppAbility } from '@crm/authz';
import type { OrganizationFilter } from '@crm/contracts';
import { likeEscape, organizationScopeColumns, organizationSortKey, SqlParams } from '@crm/organizations';

// An export holds exactly the rows of the list the user filtered. People use the
// list's own builder (@crm/people). ADAPTER: organizations still copy the WHERE
// clauses of OrganizationRepository.list until that library exports its builder;
// a change there must be mirrored here (csv-export.int-spec compares the two).

// Stored, trigram-indexed normal forms of the names (generated columns).
const organizationSearchExpression = `o.search_text`;

// People: the list's own builder (one definition for the list and the export).
export { personListWhere } from '@crm/people';

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

export { personScopeColumns } from '@crm/people';

/** The lists' order (keyset sort keys), so an export reads like the screen it came from. */
export const personListOrder = `f_search_norm(p.last_name), f_search_norm(p.first_name), p.id`;
export const organizationListOrder = `${organizationSortKey}, o.id`;
