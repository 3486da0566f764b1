import { z } from 'zod';
import { Id, Version } from './common';
import { IsoDate, optionalText, ProvinceCode } from './records';

// Pledges (issue 12, decision 112): a person or an organization commits to one of the campaign's actions.
export const pledgeKindValues = ['speak_up', 'host_event', 'share_facts', 'gather_stories', 'contact_mp', 'distribute_toolkits', 'recruit_leader'] as const;
export const PledgeKind = z.enum(pledgeKindValues);
export type PledgeKind = z.infer<typeof PledgeKind>;

export const pledgeStatusValues = ['pledged', 'in_progress', 'fulfilled', 'lapsed'] as const;
export const PledgeStatus = z.enum(pledgeStatusValues);
export type PledgeStatus = z.infer<typeof PledgeStatus>;

/** The only moves a pledge may make: pledged → in progress → fulfilled, or lapsed; nothing else. */
export const pledgeTransitions: Record<PledgeStatus, readonly PledgeStatus[]> = {
  pledged: ['in_progress', 'lapsed'],
  in_progress: ['fulfilled', 'lapsed'],
  fulfilled: [],
  lapsed: [],
};

export const pledgeLimits = { evidence: 2000, notes: 5000 } as const;

const pledgeFields = {
  campaignId: Id.optional(),
  personId: Id.nullable().optional(),
  organizationId: Id.nullable().optional(),
  kind: PledgeKind,
  /** The policy ask an MP is to be contacted about (required for `contact_mp`, refused otherwise). */
  policyAskId: Id.nullable().optional(),
  dueOn: IsoDate.nullable().optional(),
  /** What shows it was done: text or a link. */
  evidence: optionalText(pledgeLimits.evidence, { lines: 'many' }).optional(),
  eventId: Id.nullable().optional(),
  outreachId: Id.nullable().optional(),
  notes: optionalText(pledgeLimits.notes, { lines: 'many' }).optional(),
};

function policyAskForMp(value: { kind?: PledgeKind; policyAskId?: string | null }, ctx: z.RefinementCtx): void {
  if (value.kind === 'contact_mp' && !value.policyAskId) ctx.addIssue({ code: 'custom', path: ['policyAskId'], message: 'policyAskRequired' });
  if (value.kind && value.kind !== 'contact_mp' && value.policyAskId) ctx.addIssue({ code: 'custom', path: ['policyAskId'], message: 'policyAskOnlyMp' });
}

export const CreatePledgeInput = z.object(pledgeFields).superRefine((value, ctx) => {
  // Exactly one pledger: a person or an organization.
  if (Boolean(value.personId) === Boolean(value.organizationId)) ctx.addIssue({ code: 'custom', path: ['personId'], message: 'pledgerOne' });
  policyAskForMp(value, ctx);
});
export type CreatePledgeInput = z.infer<typeof CreatePledgeInput>;

/** Partial update of what was pledged (not who pledged it, nor its status: `setPledgeStatus`). */
export const UpdatePledgeInput = z
  .object({
    id: Id,
    version: Version,
    kind: PledgeKind.optional(),
    policyAskId: pledgeFields.policyAskId,
    dueOn: pledgeFields.dueOn,
    evidence: pledgeFields.evidence,
    eventId: pledgeFields.eventId,
    outreachId: pledgeFields.outreachId,
    notes: pledgeFields.notes,
  })
  .superRefine(policyAskForMp);
export type UpdatePledgeInput = z.infer<typeof UpdatePledgeInput>;

export const SetPledgeStatusInput = z.object({
  id: Id,
  version: Version,
  status: PledgeStatus,
  /** Evidence may come with the move (fulfilled, with a link to the letter). */
  evidence: pledgeFields.evidence,
});
export type SetPledgeStatusInput = z.infer<typeof SetPledgeStatusInput>;

export const PledgeFilter = z.object({
  campaignId: Id.optional(),
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  /** A region's provinces. */
  regionId: Id.optional(),
  /** Pledges this user follows up: their owner, or their creator when no owner is named. */
  followedBy: Id.optional(),
  statuses: z.array(PledgeStatus).max(pledgeStatusValues.length).optional(),
  kinds: z.array(PledgeKind).max(pledgeKindValues.length).optional(),
  personId: Id.optional(),
  organizationId: Id.optional(),
  eventId: Id.optional(),
  overdue: z.boolean().optional(),
});
export type PledgeFilter = z.infer<typeof PledgeFilter>;
