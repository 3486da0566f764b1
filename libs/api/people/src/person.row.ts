import type { EngagementStage, Language, LeaderCategory } from '@crm/contracts';
import type { OrganizationRow } from '@crm/organizations';

export interface AffiliationRow {
  organizationId: string;
  title: string | null;
  organization: OrganizationRow;
}

/** A person as the API reads it, with the affiliations the caller may see. */
export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  preferredLanguage: Language;
  emails: string[];
  phones: string[];
  leaderCategory: LeaderCategory | null;
  provinceCode: string;
  city: string | null;
  ownerId: string | null;
  createdById: string | null;
  engagementStage: EngagementStage;
  engagementReason: string | null;
  consentEmail: boolean;
  consentPhone: boolean;
  doNotContact: boolean;
  livedExperience: boolean;
  tags: string[];
  notes: string | null;
  archivedAt: Date | null;
  mergedIntoId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  affiliations: AffiliationRow[];
}

export const personColumns = `
  p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.preferred_language AS "preferredLanguage",
  p.emails, p.phones, p.leader_category AS "leaderCategory", p.province_code AS "provinceCode", p.city,
  p.owner_id AS "ownerId", p.created_by_id AS "createdById", p.engagement_stage AS "engagementStage",
  p.engagement_reason AS "engagementReason", p.consent_email AS "consentEmail", p.consent_phone AS "consentPhone",
  p.do_not_contact AS "doNotContact", p.lived_experience AS "livedExperience", p.tags, p.notes,
  p.archived_at AS "archivedAt", p.merged_into_id AS "mergedIntoId", p.version, p.created_at AS "createdAt",
  p.updated_at AS "updatedAt"`;

// The organization of an affiliation, shaped like OrganizationRow (dates come back as text).
const affiliatedOrganization = `json_build_object(
  'id', o.id, 'nameEn', o.name_en, 'nameFr', o.name_fr, 'kind', o.kind, 'membership', o.membership,
  'membershipSince', to_char(o.membership_since, 'YYYY-MM-DD'), 'provinceCode', o.province_code, 'city', o.city,
  'postalCode', o.postal_code, 'email', o.email, 'phone', o.phone, 'website', o.website, 'tags', o.tags,
  'notes', o.notes, 'ownerId', o.owner_id, 'createdById', o.created_by_id, 'archivedAt', o.archived_at,
  'mergedIntoId', o.merged_into_id, 'version', o.version, 'createdAt', o.created_at, 'updatedAt', o.updated_at)`;

/**
 * A person's affiliations as one JSON column, limited to organizations the caller
 * may read (`orgScope` is the SQL of that condition over alias `o`): affiliations
 * come with the person in the same statement, whatever the page size.
 */
export function affiliationsColumn(orgScope: string): string {
  return `COALESCE((
    SELECT json_agg(json_build_object('organizationId', a.organization_id, 'title', a.title, 'organization', ${affiliatedOrganization})
                    ORDER BY f_search_norm(o.name_en), o.id)
      FROM affiliation a JOIN organization o ON o.id = a.organization_id
     WHERE a.person_id = p.id AND ${orgScope}), '[]'::json) AS affiliations`;
}

/** Rule condition fields (`conditionFields.Person`) → columns of alias `p`. */
export const personScopeColumns = {
  provinceCode: 'p.province_code',
  ownerId: 'p.owner_id',
  createdById: 'p.created_by_id',
} as const;

/** List order (keyset): unaccented lower-case last then first name, then id (indexed). */
export const personSortKey = `f_search_norm(p.last_name), f_search_norm(p.first_name), p.id`;


export const personWritableColumns = {
  firstName: 'first_name',
  lastName: 'last_name',
  preferredLanguage: 'preferred_language',
  emails: 'emails',
  phones: 'phones',
  leaderCategory: 'leader_category',
  provinceCode: 'province_code',
  city: 'city',
  ownerId: 'owner_id',
  consentEmail: 'consent_email',
  consentPhone: 'consent_phone',
  doNotContact: 'do_not_contact',
  livedExperience: 'lived_experience',
  tags: 'tags',
  notes: 'notes',
  engagementStage: 'engagement_stage',
  engagementReason: 'engagement_reason',
  archivedAt: 'archived_at',
  mergedIntoId: 'merged_into_id',
} as const;
export type PersonWritableField = keyof typeof personWritableColumns;
export type PersonValues = { [K in PersonWritableField]?: PersonRow[K] };
