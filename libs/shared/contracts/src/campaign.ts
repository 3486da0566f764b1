import { z } from 'zod';
import { Id, lineOfText, Version } from './common';
import { IsoDate, optionalText } from './records';

export const campaignStatusValues = ['draft', 'active', 'closed'] as const;
export const CampaignStatus = z.enum(campaignStatusValues);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/**
 * What a campaign sets targets for. Each metric is counted by the domain that owns
 * its records (outreach counts leaders; events, pledges, toolkit and stories count
 * theirs) through `CampaignMetrics` (decision 080); one not counted yet shows no progress.
 */
export const goalMetricValues = [
  'leadersContacted',
  'leadersEngaged',
  'leadersCommitted',
  'eventsHeld',
  'attendance',
  'pledgesMade',
  'pledgesFulfilled',
  'toolkitsDistributed',
  'storiesGathered',
] as const;
export const GoalMetric = z.enum(goalMetricValues);
export type GoalMetric = z.infer<typeof GoalMetric>;

export const campaignLimits = { name: 200, description: 4000, policyAsk: 500, policyAsks: 10, goals: 200 } as const;

export const CampaignGoalInput = z.object({
  metric: GoalMetric,
  /** None: the national goal. */
  regionId: Id.nullable().optional(),
  target: z.number().int().min(1).max(100_000_000),
});
export type CampaignGoalInput = z.infer<typeof CampaignGoalInput>;

const Goals = z
  .array(CampaignGoalInput)
  .max(campaignLimits.goals)
  .superRefine((goals, ctx) => {
    const seen = new Set<string>();
    goals.forEach((goal, index) => {
      const key = `${goal.metric}/${goal.regionId ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'metric'], message: 'listedTwice' });
      seen.add(key);
    });
  });

export const PolicyAskInput = z.object({
  /** An existing ask keeps its id (outreach points at it); none adds one. */
  id: Id.optional(),
  titleEn: lineOfText(campaignLimits.policyAsk),
  titleFr: lineOfText(campaignLimits.policyAsk),
});
export type PolicyAskInput = z.infer<typeof PolicyAskInput>;

const campaignFields = {
  nameEn: lineOfText(campaignLimits.name),
  nameFr: lineOfText(campaignLimits.name),
  descriptionEn: optionalText(campaignLimits.description, { lines: 'many' }).optional(),
  descriptionFr: optionalText(campaignLimits.description, { lines: 'many' }).optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  status: CampaignStatus,
  policyAsks: z.array(PolicyAskInput).max(campaignLimits.policyAsks),
  goals: Goals,
};

const datesInOrder = (value: { startsOn?: string | null; endsOn?: string | null }) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;

export const CreateCampaignInput = z
  .object({ ...campaignFields, status: CampaignStatus.default('draft'), policyAsks: campaignFields.policyAsks.default([]), goals: Goals.default([]) })
  .refine(datesInOrder, { path: ['endsOn'], error: 'endsBeforeStart' });
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

/** Partial update; `policyAsks` and `goals`, when given, replace the lists. */
export const UpdateCampaignInput = z
  .object({
    id: Id,
    version: Version,
    nameEn: campaignFields.nameEn.optional(),
    nameFr: campaignFields.nameFr.optional(),
    descriptionEn: campaignFields.descriptionEn,
    descriptionFr: campaignFields.descriptionFr,
    startsOn: campaignFields.startsOn,
    endsOn: campaignFields.endsOn,
    status: CampaignStatus.optional(),
    policyAsks: campaignFields.policyAsks.optional(),
    goals: Goals.optional(),
  })
  .refine(datesInOrder, { path: ['endsOn'], error: 'endsBeforeStart' });
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInput>;
