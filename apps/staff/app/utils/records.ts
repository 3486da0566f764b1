import {
  engagementStageValues,
  leaderCategoryValues,
  membershipValues,
  organizationKindValues,
  provinceCodeValues,
  recordSortValues,
  type EngagementStage,
  type LeaderCategory,
  type Membership,
  type OrganizationKind,
  type RecordSort,
} from '@crm/contracts';
import type { Language, PlainMessageKey, Translate } from '@crm/i18n';

// What the people and organization screens share, in the browser and on the
// server: names, labels, and the list filters as they live in the URL.

export type Named = { firstName: string; lastName: string };

export function personName(person: Named): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** Who looks after a record, as a list or page says it: nobody, you, their name when known, or someone else. */
export function ownerLabel(
  t: Translate,
  ownerId: string | null,
  viewerId: string | undefined,
  owners: readonly { id: string; name: string }[] | null | undefined,
): string {
  if (!ownerId) return t('records.owner.none');
  if (ownerId === viewerId) return t('records.owner.me');
  return owners?.find((owner) => owner.id === ownerId)?.name ?? t('records.owner.other');
}

export function organizationName(lang: Language, organization: { nameEn: string; nameFr: string }): string {
  return (lang === 'fr' ? organization.nameFr : organization.nameEn) || organization.nameEn;
}

/** A tag's label in the reader's language, from the tags the API listed (the slug itself when unknown). */
export function tagLabels(lang: Language, tags: readonly { slug: string; labelEn: string; labelFr: string }[]): (slug: string) => string {
  return (slug) => {
    const tag = tags.find((entry) => entry.slug === slug);
    return tag ? (lang === 'fr' ? tag.labelFr : tag.labelEn) : slug;
  };
}

export const stageKey = (stage: string) => `stage.${stage}` as PlainMessageKey;
export const leaderKey = (category: string) => `leader.${category}` as PlainMessageKey;
export const kindKey = (kind: string) => `orgKind.${kind}` as PlainMessageKey;
export const membershipKey = (membership: string) => `membership.${membership}` as PlainMessageKey;

export const stageColor: Record<string, string> = {
  identified: 'gray',
  contacted: 'blue',
  engaged: 'cyan',
  committed: 'teal',
  champion: 'grape',
};

/** "a@b.org\nc@d.org" (or commas, semicolons) → ['a@b.org', 'c@d.org']: list fields are one textarea. */
export function splitList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The filters every records list has, as the URL carries them (?search=&province=&region=&tag=&mine=1&archived=1). */
function recordFiltersFrom(params: URLSearchParams) {
  return {
    search: params.get('search')?.trim() ?? '',
    province: oneOf(provinceCodeValues, params.get('province')) ?? '',
    region: params.get('region') ?? '',
    tag: params.get('tag') ?? '',
    mine: params.get('mine') === '1',
    archived: params.get('archived') === '1',
    // The order (?sort=UPDATED); name order is the default and not in the URL.
    sort: (oneOf(recordSortValues, params.get('sort')) ?? '') as RecordSort | '',
  };
}
type RecordFilters = ReturnType<typeof recordFiltersFrom>;

/** The people list's filters: the common ones, and ?stage=&category=. */
export function peopleFiltersFrom(params: URLSearchParams) {
  return {
    ...recordFiltersFrom(params),
    stage: (oneOf(engagementStageValues, params.get('stage')) ?? '') as EngagementStage | '',
    category: (oneOf(leaderCategoryValues, params.get('category')) ?? '') as LeaderCategory | '',
  };
}
export type PeopleFilters = ReturnType<typeof peopleFiltersFrom>;

/** The organizations list's filters: the common ones, and ?kind=&membership=. */
export function organizationFiltersFrom(params: URLSearchParams) {
  return {
    ...recordFiltersFrom(params),
    kind: (oneOf(organizationKindValues, params.get('kind')) ?? '') as OrganizationKind | '',
    membership: (oneOf(membershipValues, params.get('membership')) ?? '') as Membership | '',
  };
}
export type OrganizationFilters = ReturnType<typeof organizationFiltersFrom>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The API's filter for the common filters, with the list's own in the middle (the
// export's query keeps this order).
function recordFilter<Own extends Record<string, unknown>>(filters: RecordFilters, viewerId: string, own: Own) {
  return {
    search: filters.search.length >= 1 ? filters.search.slice(0, 100) : undefined,
    provinceCodes: filters.province ? [filters.province] : undefined,
    regionId: uuid.test(filters.region) ? filters.region : undefined,
    ...own,
    tags: filters.tag ? [filters.tag] : undefined,
    ownerId: filters.mine ? viewerId : undefined,
    archived: filters.archived,
    sort: filters.sort || undefined,
  };
}

/** The API's PersonFilter for these URL filters (the same for the list and its CSV export). */
export function personFilter(filters: PeopleFilters, viewerId: string) {
  return recordFilter(filters, viewerId, {
    engagementStages: filters.stage ? [filters.stage] : undefined,
    leaderCategories: filters.category ? [filters.category] : undefined,
  });
}

export function organizationFilter(filters: OrganizationFilters, viewerId: string) {
  return recordFilter(filters, viewerId, {
    kinds: filters.kind ? [filters.kind] : undefined,
    memberships: filters.membership ? [filters.membership] : undefined,
  });
}

/**
 * The list's filters as its URL carries them (`?province=ON&stage=engaged&sort=UPDATED`),
 * for links that re-read them, such as the list's export (/people/export?…).
 */
export function filtersQuery(filters: Record<string, string | boolean>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === true) query.set(key, '1');
    else if (typeof value === 'string' && value !== '') query.set(key, value);
  }
  return query;
}

/** The format an export link asks for (`?format=xlsx`): CSV unless Excel is asked for. */
export function exportFormat(params: URLSearchParams): 'csv' | 'xlsx' {
  return params.get('format') === 'xlsx' ? 'xlsx' : 'csv';
}

/** A filter as the export endpoint reads it: `?provinceCodes=ON&tags=youth&archived=false`. */
export function exportQuery(filter: Record<string, unknown>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, value.join(','));
    } else query.set(key, String(value));
  }
  return query;
}
