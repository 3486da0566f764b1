import { z } from 'zod';
import { Id, Version } from './common';
import { IsoDate, optionalText, ProvinceCode, SearchText } from './records';
import { EngagementStage } from './person';

export const outreachChannelValues = ['meeting', 'call', 'email', 'event', 'letter', 'social'] as const;
export const OutreachChannel = z.enum(outreachChannelValues);
export type OutreachChannel = z.infer<typeof OutreachChannel>;

export const outreachOutcomeValues = ['noAnswer', 'interested', 'declined', 'committed', 'followUpNeeded'] as const;
export const OutreachOutcome = z.enum(outreachOutcomeValues);
export type OutreachOutcome = z.infer<typeof OutreachOutcome>;

export const outreachLimits = { notes: 10_000 } as const;

/**
 * One contact with a person. Only the person, channel and outcome are required: the
 * date defaults to today, the campaign to the default one. `clientId` is made by the
 * browser once per entry, so a retry of the same entry answers the outreach it made.
 */
export const LogOutreachInput = z
  .object({
    clientId: Id.optional(),
    personId: Id,
    campaignId: Id.optional(),
    channel: OutreachChannel,
    outcome: OutreachOutcome,
    occurredOn: IsoDate.optional(),
    notes: optionalText(outreachLimits.notes, { lines: 'many' }).optional(),
    policyAskId: Id.nullable().optional(),
    followUpOn: IsoDate.nullable().optional(),
    followUpOwnerId: Id.nullable().optional(),
    /** The open follow-up this contact closes (marked done in the same transaction). */
    closesFollowUpId: Id.optional(),
  })
  .refine((value) => !value.followUpOwnerId || value.followUpOn, { path: ['followUpOn'], error: 'followUpDateNeeded' });
export type LogOutreachInput = z.infer<typeof LogOutreachInput>;

/** Partial update; null clears an optional field. */
export const UpdateOutreachInput = z.object({
  id: Id,
  version: Version,
  channel: OutreachChannel.optional(),
  outcome: OutreachOutcome.optional(),
  occurredOn: IsoDate.optional(),
  notes: optionalText(outreachLimits.notes, { lines: 'many' }).optional(),
  policyAskId: Id.nullable().optional(),
  followUpOn: IsoDate.nullable().optional(),
  followUpOwnerId: Id.nullable().optional(),
});
export type UpdateOutreachInput = z.infer<typeof UpdateOutreachInput>;

export const SnoozeFollowUpInput = z.object({ id: Id, version: Version, until: IsoDate });
export type SnoozeFollowUpInput = z.infer<typeof SnoozeFollowUpInput>;

export const OutreachFilter = z.object({
  /** Only what I recorded or own the follow-up of. */
  mine: z.boolean().default(false),
  personId: Id.optional(),
  campaignId: Id.optional(),
  regionId: Id.optional(),
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  channels: z.array(OutreachChannel).max(outreachChannelValues.length).optional(),
  outcomes: z.array(OutreachOutcome).max(outreachOutcomeValues.length).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  search: SearchText.optional(),
});
export type OutreachFilter = z.infer<typeof OutreachFilter>;

/** Stage set by hand (staff only): shown as an override, with its note, until cleared. */
export const SetEngagementOverrideInput = z.object({
  personId: Id,
  stage: EngagementStage.nullable(),
  note: optionalText(500).optional(),
});
export type SetEngagementOverrideInput = z.infer<typeof SetEngagementOverrideInput>;
