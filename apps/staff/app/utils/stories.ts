import { consentLevelValues, storyKindValues, storyStatusValues, type ConsentLevel, type StoryKind, type StoryStatus } from '@crm/contracts';
import type { PlainMessageKey } from '@crm/i18n';
import type { StoryFilterInputType } from '@crm/staff-graphql';

// The stories screens' shared pieces: catalogue keys of the story vocabularies, and the
// list's URL filters (decision 018: filters live in the URL) as the API's filter.

export const storyKindKey = (kind: StoryKind) => `story.kind.${kind}` as PlainMessageKey;
export const storyStatusKey = (status: StoryStatus) => `story.status.${status}` as PlainMessageKey;
export const consentLevelKey = (level: ConsentLevel) => `story.consent.${level}` as PlainMessageKey;
export const consentMethodKey = (method: string) => `story.method.${method}` as PlainMessageKey;

export interface StoryListFilters {
  q: string;
  campaign: string;
  status: string;
  consent: string;
  kind: string;
  withdrawn: string;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): string => (value && (allowed as readonly string[]).includes(value) ? value : '');

export function storyFiltersFrom(params: URLSearchParams): StoryListFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    campaign: /^[0-9a-f-]{36}$/i.test(params.get('campaign') ?? '') ? params.get('campaign')! : '',
    status: pick(params.get('status'), storyStatusValues),
    consent: pick(params.get('consent'), consentLevelValues),
    kind: pick(params.get('kind'), storyKindValues),
    withdrawn: params.get('withdrawn') === '1' ? '1' : '',
  };
}

export function storyFilter(filters: StoryListFilters): StoryFilterInputType {
  return {
    ...(filters.q.length >= 2 ? { search: filters.q } : {}),
    ...(filters.campaign ? { campaignId: filters.campaign } : {}),
    ...(filters.status ? { statuses: [filters.status as StoryStatus] } : {}),
    ...(filters.consent ? { consentLevels: [filters.consent as ConsentLevel] } : {}),
    ...(filters.kind ? { kinds: [filters.kind as StoryKind] } : {}),
    ...(filters.withdrawn ? { withdrawn: true } : {}),
  };
}

export const storyStatusColor: Record<StoryStatus, string> = { draft: 'gray', approved: 'blue', published: 'teal' };

// One schema per form (decision 016): the API's inputs. An edit form shows every field it
// may change, so an empty optional field means "clear it" (completeUpdate).
export { CreateStoryInput as NewStoryForm, UpdateStoryInput as StoryForm } from '@crm/contracts';
export const storyTextFields = ['storytellerName', 'consentNote'] as const;
export const storyFormFields = [
  'campaignId',
  'kind',
  'language',
  'title',
  'text',
  'provinceCode',
  'storytellerName',
  'ownerId',
  'consentLevel',
  'consentDate',
  'consentMethod',
  'consentNote',
] as const;

/** A story as the shared ability checks it (`subject('Story', …)`), from what the API sent. */
export function storyRecord(story: {
  provinceCode: string;
  ownerId: string | null;
  createdById?: string | null;
  consentLevel: ConsentLevel;
  withdrawn: boolean;
}) {
  return {
    provinceCode: story.provinceCode,
    ownerId: story.ownerId,
    createdById: story.createdById ?? null,
    consentLevel: story.consentLevel,
    withdrawn: story.withdrawn,
  };
}
