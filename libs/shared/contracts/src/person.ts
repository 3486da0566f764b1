import { z } from 'zod';
import { Id, Language, lineOfText, noControlCharacters, Version } from './common';
import { Emails, optionalText, Phones, ProvinceCode, recordFilterFields, SearchText, Tag, Tags } from './records';

// Lived experience is not a category: it is one protected field (livedExperience), so no category, tag or filter carries it.
export const leaderCategoryValues = ['faith', 'business', 'elected_municipal', 'education', 'media', 'community'] as const;
export const LeaderCategory = z.enum(leaderCategoryValues);
export type LeaderCategory = z.infer<typeof LeaderCategory>;

// The ladder of engagement, in order.
export const engagementStageValues = ['identified', 'contacted', 'engaged', 'committed', 'champion'] as const;
export const EngagementStage = z.enum(engagementStageValues);
export type EngagementStage = z.infer<typeof EngagementStage>;

export const personLimits = { name: 100, city: 100, notes: 10_000, title: 200, affiliations: 20 } as const;

export const AffiliationInput = z.object({
  organizationId: Id,
  title: optionalText(personLimits.title).optional(),
});
export type AffiliationInput = z.infer<typeof AffiliationInput>;

export const Affiliations = z
  .array(AffiliationInput)
  .max(personLimits.affiliations)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((affiliation, index) => {
      if (seen.has(affiliation.organizationId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'organizationId'], message: 'listedTwice' });
      }
      seen.add(affiliation.organizationId);
    });
  });

const FirstName = lineOfText(personLimits.name);
// Some people have a single name: the last name may be empty.
const LastName = z.string().trim().max(personLimits.name).refine(noControlCharacters, { error: 'controlCharacters' });

// Engagement stage is not an input: the ladder of engagement derives it from
// outreach and stores it with its reason.
export const CreatePersonInput = z.object({
  firstName: FirstName,
  lastName: LastName.default(''),
  preferredLanguage: Language.default('en'),
  emails: Emails.default([]),
  phones: Phones.default([]),
  leaderCategory: LeaderCategory.nullable().optional(),
  provinceCode: ProvinceCode,
  city: optionalText(personLimits.city).optional(),
  ownerId: Id.nullable().optional(),
  consentEmail: z.boolean().default(false),
  consentPhone: z.boolean().default(false),
  doNotContact: z.boolean().default(false),
  livedExperience: z.boolean().optional(),
  tags: Tags.default([]),
  notes: optionalText(personLimits.notes, { lines: 'many' }).optional(),
  affiliations: Affiliations.default([]),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/** Partial update: a field left out stays; `affiliations`, when given, replaces the ones the user can see. */
export const UpdatePersonInput = z.object({
  id: Id,
  version: Version,
  firstName: FirstName.optional(),
  lastName: LastName.optional(),
  preferredLanguage: Language.optional(),
  emails: Emails.optional(),
  phones: Phones.optional(),
  leaderCategory: LeaderCategory.nullable().optional(),
  provinceCode: ProvinceCode.optional(),
  city: optionalText(personLimits.city).optional(),
  ownerId: Id.nullable().optional(),
  consentEmail: z.boolean().optional(),
  consentPhone: z.boolean().optional(),
  doNotContact: z.boolean().optional(),
  livedExperience: z.boolean().optional(),
  tags: Tags.optional(),
  notes: optionalText(personLimits.notes, { lines: 'many' }).optional(),
  affiliations: Affiliations.optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const PersonFilter = z.object({
  ...recordFilterFields,
  organizationId: Id.optional(),
  engagementStages: z.array(EngagementStage).max(engagementStageValues.length).optional(),
  leaderCategories: z.array(LeaderCategory).max(leaderCategoryValues.length).optional(),
});
export type PersonFilter = z.infer<typeof PersonFilter>;

export const SearchDirectoryArgs = z.object({
  text: SearchText,
  first: z.number().int().min(1).max(50).default(10),
});
export type SearchDirectoryArgs = z.infer<typeof SearchDirectoryArgs>;

export const timelineSubjectTypeValues = ['Organization', 'Person', 'Story', 'ToolkitRequest'] as const;
export const TimelineArgs = z.object({
  subjectType: z.enum(timelineSubjectTypeValues),
  subjectId: Id,
});
export type TimelineArgs = z.infer<typeof TimelineArgs>;

export const CreateTagInput = z.object({
  slug: Tag,
  labelEn: lineOfText(60),
  labelFr: lineOfText(60),
});
export type CreateTagInput = z.infer<typeof CreateTagInput>;
