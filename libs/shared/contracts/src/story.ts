import { z } from 'zod';
import { Id, Language, lineOfText, noControlCharactersInText, Version } from './common';
import { optionalText, ProvinceCode } from './records';

// A former refugee's contribution, as the campaign tells it.
export const storyKindValues = ['economic', 'entrepreneurial', 'community_leadership', 'innovation'] as const;
export const StoryKind = z.enum(storyKindValues);
export type StoryKind = z.infer<typeof StoryKind>;

// What the storyteller agreed to: kept inside the coalition, told publicly without a name, or with it.
export const consentLevelValues = ['internal', 'anonymised_public', 'named_public'] as const;
export const ConsentLevel = z.enum(consentLevelValues);
export type ConsentLevel = z.infer<typeof ConsentLevel>;

export const consentMethodValues = ['written', 'verbal_recorded', 'online_form', 'email'] as const;
export const ConsentMethod = z.enum(consentMethodValues);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

export const storyStatusValues = ['draft', 'approved', 'published'] as const;
export const StoryStatus = z.enum(storyStatusValues);
export type StoryStatus = z.infer<typeof StoryStatus>;

/**
 * The review moves a story may make, and nothing else: approve a draft or send it
 * back, publish an approved story, take a published one off the public page.
 */
export const storyTransitions: Readonly<Record<StoryStatus, readonly StoryStatus[]>> = {
  draft: ['approved'],
  approved: ['draft', 'published'],
  published: ['approved'],
};

/** Consent levels a story may be published with. */
export const publicConsentLevels: readonly ConsentLevel[] = ['anonymised_public', 'named_public'];

export const storyLimits = { title: 200, text: 20_000, storytellerName: 200, consentNote: 1_000 } as const;

const ConsentDate = z.iso.date({ error: 'date' });
const StoryText = z.string().trim().min(1).max(storyLimits.text).refine(noControlCharactersInText, { error: 'controlCharacters' });

export const CreateStoryInput = z.object({
  campaignId: Id,
  kind: StoryKind,
  language: Language,
  title: lineOfText(storyLimits.title),
  text: StoryText,
  provinceCode: ProvinceCode,
  organizationId: Id.nullable().optional(),
  storytellerName: optionalText(storyLimits.storytellerName).optional(),
  storytellerPersonId: Id.nullable().optional(),
  // Who gathered the story and looks after its consent; the creator when not given.
  ownerId: Id.nullable().optional(),
  consentLevel: ConsentLevel,
  consentDate: ConsentDate,
  consentMethod: ConsentMethod,
  consentNote: optionalText(storyLimits.consentNote, { lines: 'many' }).optional(),
});
export type CreateStoryInput = z.infer<typeof CreateStoryInput>;

/** Partial update of a draft: a field left out stays. */
export const UpdateStoryInput = z.object({
  id: Id,
  version: Version,
  campaignId: Id.optional(),
  kind: StoryKind.optional(),
  language: Language.optional(),
  title: lineOfText(storyLimits.title).optional(),
  text: StoryText.optional(),
  provinceCode: ProvinceCode.optional(),
  organizationId: Id.nullable().optional(),
  storytellerName: optionalText(storyLimits.storytellerName).optional(),
  storytellerPersonId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  consentLevel: ConsentLevel.optional(),
  consentDate: ConsentDate.optional(),
  consentMethod: ConsentMethod.optional(),
  consentNote: optionalText(storyLimits.consentNote, { lines: 'many' }).optional(),
});
export type UpdateStoryInput = z.infer<typeof UpdateStoryInput>;

export const ReviewStoryInput = z.object({ id: Id, version: Version, status: StoryStatus });
export type ReviewStoryInput = z.infer<typeof ReviewStoryInput>;

export const StoryFilter = z.object({
  campaignId: Id.optional(),
  statuses: z.array(StoryStatus).max(storyStatusValues.length).optional(),
  consentLevels: z.array(ConsentLevel).max(consentLevelValues.length).optional(),
  kinds: z.array(StoryKind).max(storyKindValues.length).optional(),
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  // Withdrawn stories: only those allowed to read them (ADMIN) get any.
  withdrawn: z.boolean().default(false),
  search: lineOfText(100).optional(),
});
export type StoryFilter = z.infer<typeof StoryFilter>;

export const PublicStoriesArgs = z.object({
  language: Language.optional(),
  first: z.number().int().min(1).max(100).default(50),
});
export type PublicStoriesArgs = z.infer<typeof PublicStoriesArgs>;

export const StoryCountsArgs = z.object({ campaignId: Id.optional() });
export type StoryCountsArgs = z.infer<typeof StoryCountsArgs>;
