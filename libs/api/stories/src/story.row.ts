import type { ConsentLevel, ConsentMethod, Language, StoryKind, StoryStatus } from '@crm/contracts';

/** A story as the API reads it; `withdrawn` is derived from `withdrawnAt` for the access rules. */
export interface StoryRow {
  id: string;
  campaignId: string;
  kind: StoryKind;
  language: Language;
  /** Null only once erased. */
  title: string | null;
  text: string | null;
  provinceCode: string;
  organizationId: string | null;
  storytellerName: string | null;
  storytellerPersonId: string | null;
  ownerId: string | null;
  createdById: string | null;
  consentLevel: ConsentLevel;
  consentDate: string;
  consentMethod: ConsentMethod;
  consentNote: string | null;
  status: StoryStatus;
  publishedAt: Date | null;
  withdrawn: boolean;
  withdrawnAt: Date | null;
  erasedAt: Date | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a write may set (the lifecycle's own columns included). */
export type StoryValues = Partial<
  Pick<
    StoryRow,
    | 'campaignId'
    | 'kind'
    | 'language'
    | 'title'
    | 'text'
    | 'provinceCode'
    | 'organizationId'
    | 'storytellerName'
    | 'storytellerPersonId'
    | 'ownerId'
    | 'consentLevel'
    | 'consentDate'
    | 'consentMethod'
    | 'consentNote'
    | 'status'
    | 'publishedAt'
    | 'withdrawnAt'
    | 'erasedAt'
    | 'archivedAt'
  >
>;
export type StoryWritableField = keyof StoryValues;

export const storyWritableColumns: Record<StoryWritableField, string> = {
  campaignId: 'campaign_id',
  kind: 'kind',
  language: 'language',
  title: 'title',
  text: 'text',
  provinceCode: 'province_code',
  organizationId: 'organization_id',
  storytellerName: 'storyteller_name',
  storytellerPersonId: 'storyteller_person_id',
  ownerId: 'owner_id',
  consentLevel: 'consent_level',
  consentDate: 'consent_date',
  consentMethod: 'consent_method',
  consentNote: 'consent_note',
  status: 'status',
  publishedAt: 'published_at',
  withdrawnAt: 'withdrawn_at',
  erasedAt: 'erased_at',
  archivedAt: 'archived_at',
};

/** The columns of a story (alias `s`) under their row names. */
export const storyColumns = [
  's.id',
  `s.campaign_id AS "campaignId"`,
  's.kind',
  's.language',
  's.title',
  's.text',
  `s.province_code AS "provinceCode"`,
  `s.organization_id AS "organizationId"`,
  `s.storyteller_name AS "storytellerName"`,
  `s.storyteller_person_id AS "storytellerPersonId"`,
  `s.owner_id AS "ownerId"`,
  `s.created_by_id AS "createdById"`,
  `s.consent_level AS "consentLevel"`,
  `to_char(s.consent_date, 'YYYY-MM-DD') AS "consentDate"`,
  `s.consent_method AS "consentMethod"`,
  `s.consent_note AS "consentNote"`,
  's.status',
  `s.published_at AS "publishedAt"`,
  `(s.withdrawn_at IS NOT NULL) AS withdrawn`,
  `s.withdrawn_at AS "withdrawnAt"`,
  `s.erased_at AS "erasedAt"`,
  `s.archived_at AS "archivedAt"`,
  's.version',
  `s.created_at AS "createdAt"`,
  `s.updated_at AS "updatedAt"`,
].join(', ');

/** Rule condition fields → SQL (alias `s`), for `SqlParams.scope`. */
export const storyScopeColumns = {
  provinceCode: 's.province_code',
  createdById: 's.created_by_id',
  ownerId: 's.owner_id',
  organizationId: 's.organization_id',
  withdrawn: '(s.withdrawn_at IS NOT NULL)',
  consentLevel: 's.consent_level',
} as const;
