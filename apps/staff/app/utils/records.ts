import {
  engagementStageValues,
  leaderCategoryValues,
  membershipValues,
  organizationKindValues,
  provinceCodeValues,
  type EngagementStage,
  type LeaderCategory,
  type Membership,
  type OrganizationKind,
} from '@crm/contracts';
import type { Language, PlainMessageKey, Translate } from '@crm/i18n';

// What the people and organization screens share, in the browser and on the
// server: names, labels, and the list filters as they live in the URL.

export type Named = { firstName: string; lastName: string };

export function personName(person: Named): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ');
}

/** Who looks after a record, as a list or page says it: nobody, you, their name when known, or someone else. */
export function ownerLabel(t: Translate, ownerId: string | null, viewerId: string | undefined, owners: readonly { id: string; name: string }[] | null | undefined): string {
  if (!ownerId) return t('records.owner.none');
  if (ownerId === viewerId) return t('records.owner.me');
  return owners?.find((owner) => owner.id === ownerId)?.name ?? t('records.owner.other');
}

export function organizationName(lang: Language, organization: { nameEn: string; nameFr: string }): string {
  return (lang === 'fr' ? organization.nameFr : organization.nameEn) || organization.nameEn;
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

/** The people list's filters, as the URL carries them (?search=&province=&region=&stage=&category=&tag=&mine=1&archived=1). */
export function peopleFiltersFrom(params: URLSearchParams) {
  return {
    search: params.get('search')?.trim() ?? '',
    province: oneOf(provinceCodeValues, params.get('province')) ?? '',
    region: params.get('region') ?? '',
    stage: (oneOf(engagementStageValues, params.get('stage')) ?? '') as EngagementStage | '',
    category: (oneOf(leaderCategoryValues, params.get('category')) ?? '') as LeaderCategory | '',
    tag: params.get('tag') ?? '',
    mine: params.get('mine') === '1',
    archived: params.get('archived') === '1',
  };
}
export type PeopleFilters = ReturnType<typeof peopleFiltersFrom>;

/** The organizations list's filters (?search=&province=&region=&kind=&membership=&tag=&mine=1&archived=1). */
export function organizationFiltersFrom(params: URLSearchParams) {
  return {
    search: params.get('search')?.trim() ?? '',
    province: oneOf(provinceCodeValues, params.get('province')) ?? '',
    region: params.get('region') ?? '',
    kind: (oneOf(organizationKindValues, params.get('kind')) ?? '') as OrganizationKind | '',
    membership: (oneOf(membershipValues, params.get('membership')) ?? '') as Membership | '',
    tag: params.get('tag') ?? '',
    mine: params.get('mine') === '1',
    archived: params.get('archived') === '1',
  };
}
export type OrganizationFilters = ReturnType<typeof organizationFiltersFrom>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The API's PersonFilter for these URL filters (the same for the list and its CSV export). */
export function personFilter(filters: PeopleFilters, viewerId: string) {
  return {
    search: filters.search.length >= 1 ? filters.search.slice(0, 100) : undefined,
    provinceCodes: filters.province ? [filters.province] : undefined,
    regionId: uuid.test(filters.region) ? filters.region : undefined,
    engagementStages: filters.stage ? [filters.stage] : undefined,
    leaderCategories: filters.category ? [filters.category] : undefined,
    tags: filters.tag ? [filters.tag] : undefined,
    ownerId: filters.mine ? viewerId : undefined,
    archived: filters.archived,
  };
}

export function organizationFilter(filters: OrganizationFilters, viewerId: string) {
  return {
    search: filters.search.length >= 1 ? filters.search.slice(0, 100) : undefined,
    provinceCodes: filters.province ? [filters.province] : undefined,
    regionId: uuid.test(filters.region) ? filters.region : undefined,
    kinds: filters.kind ? [filters.kind] : undefined,
    memberships: filters.membership ? [filters.membership] : undefined,
    tags: filters.tag ? [filters.tag] : undefined,
    ownerId: filters.mine ? viewerId : undefined,
    archived: filters.archived,
  };
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
