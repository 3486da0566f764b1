import { Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@crm/authz';
import { CampaignMetrics, CampaignService } from '@crm/campaigns';
import type { LogOutreachInput, OutreachFilter, RecordVersionInput, SnoozeFollowUpInput, UpdateOutreachInput } from '@crm/contracts';
import { EngagementService, LadderSignals } from '@crm/engagement';
import { PersonMergeHooks } from '@crm/people';
import { BadUserInputException, NotFoundException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import { RecordRules, RecordWriter } from '@crm/records';
import { TimelineSubjects } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { addDays, localDate } from './local-date';
import { outreachKind } from './outreach.kind';
import { outreachLadderFact, OutreachRepository } from './outreach.repository';
import type { OutreachListRow, OutreachRow, OutreachValues } from './outreach.row';

// Input field → row field (the follow-up's owner is the outreach's owner for access rules).
const updatableFields = {
  channel: 'channel',
  outcome: 'outcome',
  occurredOn: 'occurredOn',
  notes: 'notes',
  policyAskId: 'policyAskId',
  followUpOn: 'followUpOn',
  followUpOwnerId: 'ownerId',
} as const;

const followUpWindowDays = 7;

@Injectable()
export class OutreachService implements OnModuleInit {
  constructor(
    private readonly outreach: OutreachRepository,
    private readonly campaigns: CampaignService,
    private readonly metrics: CampaignMetrics,
    private readonly engagement: EngagementService,
    private readonly signals: LadderSignals,
    private readonly rules: RecordRules,
    private readonly writer: RecordWriter,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly personMergeHooks: PersonMergeHooks,
  ) {}

  onModuleInit(): void {
    this.signals.register('outreach', (manager, personIds) => this.outreach.ladderFacts(manager, personIds));
    this.metrics.register('leadersContacted', (manager, campaign, provinces) => this.outreach.countLeaders(manager, campaign.id, provinces, 'contacted'));
    this.metrics.register('leadersEngaged', (manager, campaign, provinces) => this.outreach.countLeaders(manager, campaign.id, provinces, 'engaged'));
    this.metrics.register('leadersCommitted', (manager, campaign, provinces) => this.outreach.countLeaders(manager, campaign.id, provinces, 'committed'));
    this.timelineSubjects.register('Outreach', {
      ruleFields: (ctx, id) => this.outreach.ruleFieldsOf(ctx.ability, id),
      visibleIds: (ctx, ids) => this.outreach.visibleIds(ctx.ability, ids),
    });
    // Merged people keep their outreach; the survivor's ladder is placed again from it.
    this.personMergeHooks.register('outreach', async ({ manager, ctx, duplicateId, survivorId }) => {
      const moved = await this.outreach.moveToPerson(manager, duplicateId, survivorId);
      await this.engagement.recompute(manager, ctx, [survivorId, duplicateId]);
      return moved;
    });
  }

  async get(ctx: RequestContext, id: string): Promise<OutreachRow> {
    const row = await this.outreach.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Outreach');
    return row;
  }

  list(ctx: RequestContext, filter: OutreachFilter, first: number, after: string | null | undefined) {
    return this.outreach.list(ctx.ability, ctx.actor?.id ?? null, filter, first, after);
  }

  /**
   * Records one contact. A repeated client id answers the outreach it made (a retry
   * after a dropped connection records nothing twice); the ladder places the person
   * again in the same transaction. What is read on the pool (the retry, the person, the
   * campaign and its ask, the time zone: one statement; the answer to a retry) is read
   * outside the transaction: a request never holds a transaction's connection while
   * waiting for a second one, or ten concurrent saves (the pool's size) wait for each
   * other for ever (decision 092).
   */
  async log(ctx: RequestContext, input: LogOutreachInput): Promise<OutreachRow> {
    // One statement reads what the checks need (decision 115); they are made in the order they always were.
    const before = await this.outreach.logContext(ctx.ability, {
      clientId: input.clientId ?? null,
      personId: input.personId,
      campaignId: input.campaignId ?? null,
      policyAskId: input.policyAskId ?? null,
      timeZoneOf: input.occurredOn ? null : (ctx.actor?.id ?? null),
    });
    if (before.done) return this.retried(ctx, before.done, input.personId);
    const person = before.person;
    if (!person || person.archived) throw new BadUserInputException([{ path: ['input', 'personId'], code: 'personUnknown' }]);
    const campaignId = before.campaignId;
    if (!campaignId) throw new BadUserInputException([{ path: ['input', 'campaignId'], code: 'campaignUnknown' }]);
    if (!before.askKnown) throw new BadUserInputException([{ path: ['input', 'policyAskId'], code: 'policyAskUnknown' }]);
    const result = await this.writer.transaction(async (manager): Promise<{ created: OutreachRow } | { sameAs: { id: string; personId: string } }> => {
      // A follow-up without a named owner is the recorder's.
      const ownerId = input.followUpOwnerId ?? (input.followUpOn ? (ctx.actor?.id ?? null) : null);
      await this.assertFollowUpOwner(manager, ctx, ownerId, person.provinceCode);
      const createdById = ctx.actor?.id ?? null;
      if (!ctx.ability.can('create', subject('Outreach', { provinceCode: person.provinceCode, createdById, ownerId }))) {
        throw new BadUserInputException([{ path: ['input', 'personId'], code: 'personUnknown' }]);
      }
      const created = await this.outreach.insertReturning(manager, {
        clientId: input.clientId ?? null,
        personId: person.id,
        campaignId,
        channel: input.channel,
        occurredOn: input.occurredOn ?? localDate(new Date(), before.timeZone),
        outcome: input.outcome,
        notes: input.notes ?? null,
        policyAskId: input.policyAskId ?? null,
        followUpOn: input.followUpOn ?? null,
        ownerId,
        createdById,
      });
      // The same entry, sent twice at once: the other request recorded it.
      if (!created) return { sameAs: (await this.outreach.byClientId(manager, input.clientId!))! };
      await this.writer.created(manager, ctx, outreachKind, created);
      if (input.closesFollowUpId) await this.closeFollowUp(manager, ctx, input.closesFollowUpId);
      // One new fact, nothing else of the person's changed: placed from it and the stored best (decision 115).
      await this.engagement.placeWithNewFact(manager, ctx, outreachLadderFact(created));
      return { created };
    });
    return 'created' in result ? result.created : this.retried(ctx, result.sameAs, input.personId);
  }

  async update(ctx: RequestContext, input: UpdateOutreachInput): Promise<OutreachRow> {
    return this.writer.transaction(async (manager) => {
      const given = (Object.keys(updatableFields) as (keyof typeof updatableFields)[]).filter((field) => input[field] !== undefined);
      const after = await this.writer.update(
        ctx,
        outreachKind,
        this.outreach,
        input,
        {
          given: given.map((field) => updatableFields[field]),
          plan: async (before, tx) => {
            const values: OutreachValues = {};
            for (const field of given) {
              const value = input[field];
              const rowField = updatableFields[field];
              if (value !== before[rowField]) (values as Record<string, unknown>)[rowField] = value;
            }
            if (values.policyAskId) {
              const asks = await this.campaigns.policyAskIds(before.campaignId, tx);
              if (!asks?.has(values.policyAskId)) throw new BadUserInputException([{ path: ['input', 'policyAskId'], code: 'policyAskUnknown' }]);
            }
            const followUpOn = values.followUpOn !== undefined ? values.followUpOn : before.followUpOn;
            const ownerId = values.ownerId !== undefined ? values.ownerId : before.ownerId;
            if (ownerId && !followUpOn) throw new BadUserInputException([{ path: ['input', 'followUpOn'], code: 'followUpDateNeeded' }]);
            if (values.ownerId) await this.assertFollowUpOwner(tx, ctx, values.ownerId, before.provinceCode);
            // A follow-up dated again is open again.
            if (values.followUpOn !== undefined && before.followUpDoneAt) values.followUpDoneAt = null;
            return { values };
          },
        },
        manager,
      );
      await this.engagement.recompute(manager, ctx, [after.personId]);
      return after;
    });
  }

  /** Deleting is archiving: the outreach leaves lists and the ladder, and stays in the audit trail. */
  async archive(ctx: RequestContext, input: RecordVersionInput): Promise<OutreachRow> {
    return this.writer.transaction(async (manager) => {
      const after = await this.writer.archive(ctx, outreachKind, this.outreach, input, manager);
      await this.engagement.recompute(manager, ctx, [after.personId]);
      return after;
    });
  }

  async completeFollowUp(ctx: RequestContext, input: RecordVersionInput): Promise<OutreachRow> {
    return this.writer.update(ctx, outreachKind, this.outreach, input, {
      given: ['followUpDoneAt'],
      plan: async (before) => (before.followUpOn && !before.followUpDoneAt ? { values: { followUpDoneAt: new Date() } } : { values: {} }),
    });
  }

  async snoozeFollowUp(ctx: RequestContext, input: SnoozeFollowUpInput): Promise<OutreachRow> {
    return this.writer.update(ctx, outreachKind, this.outreach, input, {
      given: ['followUpOn'],
      plan: async (before) => ({
        values: before.followUpOn === input.until && !before.followUpDoneAt ? {} : { followUpOn: input.until, followUpDoneAt: null },
      }),
    });
  }

  /** The caller's open follow-ups due within the week (overdue first), and their "today". */
  async myFollowUps(ctx: RequestContext, timeZone: string | null, first = 200): Promise<{ today: string; rows: OutreachListRow[] }> {
    const today = localDate(new Date(), timeZone);
    if (!ctx.actor) return { today, rows: [] };
    return { today, rows: await this.outreach.openFollowUps(ctx.ability, ctx.actor.id, addDays(today, followUpWindowDays - 1), first) };
  }

  /** Marks done the follow-up a new contact closes (in the new contact's transaction). */
  private async closeFollowUp(manager: EntityManager, ctx: RequestContext, id: string): Promise<void> {
    const open = await this.outreach.findVisible(ctx.ability, id, manager);
    if (!open) throw new BadUserInputException([{ path: ['input', 'closesFollowUpId'], code: 'invalid' }]);
    await this.writer.update(
      ctx,
      outreachKind,
      this.outreach,
      { id, version: open.version },
      { given: ['followUpDoneAt'], plan: async (before) => ({ values: before.followUpDoneAt ? {} : { followUpDoneAt: new Date() } }) },
      manager,
    );
  }

  private async retried(ctx: RequestContext, done: { id: string; personId: string }, personId: string): Promise<OutreachRow> {
    const row = done.personId === personId ? await this.outreach.findVisible(ctx.ability, done.id) : null;
    if (!row) throw new BadUserInputException([{ path: ['input', 'clientId'], code: 'clientIdTaken' }]);
    return row;
  }

  /** The follow-up's owner: an account the caller may assign (identity's rule: a coordinator, themselves or staff). */
  private async assertFollowUpOwner(manager: EntityManager, ctx: RequestContext, ownerId: string | null, _provinceCode: string): Promise<void> {
    if (!ownerId) return;
    try {
      await this.rules.assertOwner(manager, ctx, ownerId, ['input', 'followUpOwnerId']);
    } catch (error) {
      if (error instanceof BadUserInputException) {
        const problems: FieldProblemInput[] = [{ path: ['input', 'followUpOwnerId'], code: 'followUpOwner' }];
        throw new BadUserInputException(problems);
      }
      throw error;
    }
  }
}
