import { defineAbilityFor, roles, type SubjectName } from '@crm/authz';
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

// PersonRow field -> column of alias `p`.
const personColumnOf: Record<Exclude<keyof PersonRow, 'affiliations'>, string> = {
  id: 'p.id',
  firstName: 'p.first_name',
  lastName: 'p.last_name',
  preferredLanguage: 'p.preferred_language',
  emails: 'p.emails',
  phones: 'p.phones',
  leaderCategory: 'p.leader_category',
  provinceCode: 'p.province_code',
  city: 'p.city',
  ownerId: 'p.owner_id',
  createdById: 'p.created_by_id',
  engagementStage: 'p.engagement_stage',
  engagementReason: 'p.engagement_reason',
  consentEmail: 'p.consent_email',
  consentPhone: 'p.consent_phone',
  doNotContact: 'p.do_not_contact',
  livedExperience: 'p.lived_experience',
  tags: 'p.tags',
  notes: 'p.notes',
  archivedAt: 'p.archived_at',
  mergedIntoId: 'p.merged_into_id',
  version: 'p.version',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
};
const selectList = (fields: readonly string[]) => fields.map((field) => `${personColumnOf[field as keyof typeof personColumnOf]} AS "${field}"`).join(', ');

/** Every column of a PersonRow but its affiliations. */
export const personColumns = selectList(Object.keys(personColumnOf));

/**
 * Fields that some role's rules single out for reading `subjectType` (field-level
 * rules, e.g. a coordinator's lived experience of people they do not own): a row that
 * serves one of them must carry what the rules' conditions read. Worked out from
 * every role's rules, so a new field rule counts without a list to keep in step.
 */
export function fieldsUnderReadRules(subjectType: SubjectName): ReadonlySet<string> {
  const fields = new Set<string>();
  const anyId = '00000000-0000-4000-8000-000000000000';
  for (const role of roles) {
    const ability = defineAbilityFor({ id: anyId, role, provinceCodes: ['ON'], organizationId: anyId });
    for (const rule of ability.rules) {
      const actions = ([] as string[]).concat(rule.action as string | string[]);
      const subjects = ([] as string[]).concat((rule.subject ?? []) as string | string[]);
      if (!rule.fields || !actions.some((a) => a === 'read' || a === 'manage')) continue;
      if (subjects.some((s) => s === subjectType || s === 'all')) for (const field of ([] as string[]).concat(rule.fields)) fields.add(field);
    }
  }
  return fields;
}

/**
 * Whether rows answering these fields need the fields rule conditions read (`ruleFields`):
 * only a field under a field-level rule, or one that is not a plain column of the row
 * (a resolved field, which may check the parent record), does. A list of names, ranks
 * and organizations needs none of them, and neither PostgreSQL nor the API reads them.
 */
function needsRuleFields(fields: ReadonlySet<string>, plainColumns: ReadonlySet<string>, nested: readonly string[] = []): boolean {
  for (const field of fields) if (!plainColumns.has(field) && !nested.includes(field) && field !== '__typename') return true;
  return false;
}
const personPlainColumns = new Set(Object.keys(personColumnOf).filter((field) => !fieldsUnderReadRules('Person').has(field)));
// Person fields rule conditions read (conditionFields.Person).
const personRuleFields = ['provinceCode', 'ownerId', 'createdById'];

/**
 * The columns of the fields a query asks for (`fields`: PersonRow field names,
 * unknown ones ignored), its id, and those the access rules need when a field asked
 * for is under a rule (see needsRuleFields). A row read this way lacks the other
 * fields; a list reads only what its page shows.
 */
export function personColumnsFor(fields: ReadonlySet<string> | 'all'): string {
  if (fields === 'all') return personColumns;
  // A list's field set is the same object for every run of its query (shapeOf): built once.
  let columns = columnsOfFields.get(fields);
  if (columns === undefined) {
    const ruled = needsRuleFields(fields, personPlainColumns, ['affiliations']);
    columns = selectList(Object.keys(personColumnOf).filter((field) => field === 'id' || fields.has(field) || (ruled && personRuleFields.includes(field))));
    columnsOfFields.set(fields, columns);
  }
  return columns;
}
const columnsOfFields = new WeakMap<ReadonlySet<string>, string>();

// The organization of an affiliation, shaped like OrganizationRow (dates come back as text).
const affiliatedOrganizationFields: Record<string, string> = {
  id: 'o.id',
  nameEn: 'o.name_en',
  nameFr: 'o.name_fr',
  kind: 'o.kind',
  membership: 'o.membership',
  membershipSince: `to_char(o.membership_since, 'YYYY-MM-DD')`,
  provinceCode: 'o.province_code',
  city: 'o.city',
  postalCode: 'o.postal_code',
  email: 'o.email',
  phone: 'o.phone',
  website: 'o.website',
  tags: 'o.tags',
  notes: 'o.notes',
  ownerId: 'o.owner_id',
  createdById: 'o.created_by_id',
  archivedAt: 'o.archived_at',
  mergedIntoId: 'o.merged_into_id',
  version: 'o.version',
  createdAt: 'o.created_at',
  updatedAt: 'o.updated_at',
};

// Organization fields rule conditions read (conditionFields.Organization); the id is always read.
const organizationRuleFields = ['id', 'provinceCode', 'ownerId', 'createdById'];
const organizationPlainColumns = new Set(Object.keys(affiliatedOrganizationFields).filter((field) => !fieldsUnderReadRules('Organization').has(field)));

/**
 * What of the affiliations a read must return: all of each organization, only
 * some of its fields (the query asked for no more: a list reads a fifth of the
 * bytes), or no affiliations at all.
 */
export type AffiliationShape = 'all' | 'none' | { organizationFields: ReadonlySet<string> };

/** What a read returns of each person (field names) and of their affiliations. */
export interface PersonShape {
  fields: ReadonlySet<string> | 'all';
  affiliations: AffiliationShape;
}
export const wholePerson: PersonShape = { fields: 'all', affiliations: 'all' };

/**
 * A person's affiliations as one JSON column, limited to organizations the caller
 * may read (`orgScope` is the SQL of that condition over alias `o`): affiliations
 * come with the person in the same statement, whatever the page size.
 */
export function affiliationsColumn(orgScope: string, shape: AffiliationShape = 'all'): string {
  if (shape === 'none') return `'[]'::json AS affiliations`;
  if (shape === 'all') return affiliationsSql(orgScope, shape);
  // A list's shape is the same object for every run of its query (shapeOf), its scope one of a few: built once each.
  let byScope = affiliationsOfShape.get(shape);
  if (!byScope) {
    byScope = new Map();
    affiliationsOfShape.set(shape, byScope);
  }
  let sql = byScope.get(orgScope);
  if (sql === undefined) {
    sql = affiliationsSql(orgScope, shape);
    if (byScope.size >= 32) byScope.clear();
    byScope.set(orgScope, sql);
  }
  return sql;
}
const affiliationsOfShape = new WeakMap<object, Map<string, string>>();

function affiliationsSql(orgScope: string, shape: Exclude<AffiliationShape, 'none'>): string {
  // A shaped read answers GraphQL, whose Affiliation has the organization (with its id), not organizationId.
  // What the organization's field rules read (for its notes, say) is there when a field asked for needs it.
  const ruled = shape === 'all' || needsRuleFields(shape.organizationFields, organizationPlainColumns);
  const fields = Object.keys(affiliatedOrganizationFields).filter(
    (field) => shape === 'all' || field === 'id' || (ruled && organizationRuleFields.includes(field)) || shape.organizationFields.has(field),
  );
  const organization = `json_build_object(${fields.map((field) => `'${field}', ${affiliatedOrganizationFields[field]}`).join(', ')})`;
  return `COALESCE((
    SELECT json_agg(json_build_object(${shape === 'all' ? `'organizationId', a.organization_id, ` : ''}'title', a.title, 'organization', ${organization})
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
