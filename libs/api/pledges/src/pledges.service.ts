import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, subject } from '@crm/authz';
import { CampaignMetrics, CampaignService } from '@crm/campaigns';
import { pledgeTransitions, type CreatePledgeInput, type PledgeFilter, type SetPledgeStatusInput, type UpdatePledgeInput } from '@crm/contracts';
import { BadUserInputException, NotFoundException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import { RecordWriter } from '@crm/records';
import { EngagementService, LadderSignals } from '@crm/engagement';
import { TimelineSubjects } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { pledgeKind } from './pledge.kind';
import { PledgeRepository } from './pledge.repository';
import type { PledgeRow, PledgeValues } from './pledge.row';

const editableFields = ['kind', 'policyAskId', 'dueOn', 'evidence', 'eventId', 'outreachId', 'notes'] as const;

@Injectable()
export class PledgesService implements OnModuleInit {
  constructor(
    private readonly pledges: PledgeRepository,
    private readonly writer: RecordWriter,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly signals: LadderSignals,
    private readonly engagement: EngagementService,
    private readonly campaigns: CampaignService,
    private readonly metrics: CampaignMetrics,
  ) {}

  onModuleInit(): void {
    // A pledge made lifts a person to committed; one fulfilled, to champion (the ladder's rules).
    this.signals.register('pledges', (manager, personIds) => this.pledges.ladderFacts(manager, personIds));
    this.timelineSubjects.register('Pledge', {
      ruleFields: (ctx, id) => this.pledges.ruleFieldsOf(ctx.ability, id),
      visibleIds: (ctx, ids) => this.pledges.visibleIds(ctx.ability, ids),
    });
    this.metrics.register('pledgesMade', (manager, campaign, provinces) => this.pledges.countForCampaign(manager, campaign.id, provinces, false));
    this.metrics.register('pledgesFulfilled', (manager, campaign, provinces) => this.pledges.countForCampaign(manager, campaign.id, provinces, true));
  }

  async get(ctx: RequestContext, id: string): Promise<PledgeRow> {
    const row = await this.pledges.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Pledge');
    return row;
  }

  /** What happened to a pledge the caller has read: who did it only where they may read that user's name. */
  async history(ctx: RequestContext, pledge: PledgeRow) {
    const rows = await this.pledges.history(pledge);
    return rows.map((row) => {
      const fields = Array.isArray(row.summary?.fields) ? (row.summary.fields as unknown[]) : [];
      return {
        id: row.id,
        at: row.at,
        kind: row.kind,
        actorId: row.actorId,
        actorName: row.actorId && canReadField(ctx.ability, 'read', 'User', 'name', { id: row.actorId }) ? row.actorName : null,
        fields: fields.filter((field): field is string => typeof field === 'string' && canReadField(ctx.ability, 'read', 'Pledge', field, pledge)),
      };
    });
  }

  count(ctx: RequestContext, filter: PledgeFilter): Promise<number> {
    return this.pledges.count(ctx.ability, filter);
  }

  list(ctx: RequestContext, filter: PledgeFilter, first: number, after: string | null | undefined) {
    return this.pledges.list(ctx.ability, filter, first, after);
  }

  async create(ctx: RequestContext, input: CreatePledgeInput): Promise<PledgeRow> {
    const createdById = ctx.actor?.id ?? null;
    const ownerId = ctx.actor?.role === 'COORDINATOR' ? ctx.actor.id : null;
    const organizationId = input.organizationId ?? null;
    return this.writer.transaction(async (manager) => {
      // The pledge lives where its pledger does (the region of the person or organization).
      const provinceCode = input.personId
        ? await this.pledges.personProvince(manager, ctx.ability, input.personId)
        : await this.pledges.organizationProvince(manager, ctx.ability, organizationId!);
      if (!provinceCode) {
        throw new BadUserInputException([
          input.personId ? { path: ['input', 'personId'], code: 'personUnknown' } : { path: ['input', 'organizationId'], code: 'organizationUnknown' },
        ]);
      }
      if (!ctx.ability.can('create', subject('Pledge', { provinceCode, organizationId, ownerId, createdById }))) {
        throw new BadUserInputException([{ path: ['input', input.personId ? 'personId' : 'organizationId'], code: 'outsideEditable' }]);
      }
      const campaignId = await this.campaigns.campaignFor(manager, input.campaignId);
      await this.assertLinks(manager, ctx, campaignId, input, input.personId ?? null);
      const values: PledgeValues = {
        campaignId,
        personId: input.personId ?? null,
        organizationId,
        kind: input.kind,
        policyAskId: input.policyAskId ?? null,
        dueOn: input.dueOn ?? null,
        evidence: input.evidence ?? null,
        notes: input.notes ?? null,
        eventId: input.eventId ?? null,
        outreachId: input.outreachId ?? null,
        provinceCode,
        ownerId,
      };
      const id = await this.pledges.insert(manager, { ...values, createdById });
      const created = (await this.pledges.findVisible(ctx.ability, id, manager))!;
      await this.writer.created(manager, ctx, pledgeKind, created);
      if (created.personId) await this.engagement.recompute(manager, ctx, [created.personId]);
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdatePledgeInput): Promise<PledgeRow> {
    return this.writer.update(ctx, pledgeKind, this.pledges, input, {
      given: editableFields.filter((field) => input[field] !== undefined),
      plan: async (before, manager) => {
        const values: PledgeValues = {};
        for (const field of editableFields) {
          const value = input[field];
          if (value !== undefined && value !== before[field]) (values as Record<string, unknown>)[field] = value;
        }
        const kind = values.kind ?? before.kind;
        const policyAskId = values.policyAskId !== undefined ? values.policyAskId : before.policyAskId;
        if (kind === 'contact_mp' && !policyAskId) throw new BadUserInputException([{ path: ['input', 'policyAskId'], code: 'policyAskRequired' }]);
        if (kind !== 'contact_mp' && policyAskId) {
          // Another kind of pledge names no policy ask: one left from before is cleared with it.
          if (input.policyAskId) throw new BadUserInputException([{ path: ['input', 'policyAskId'], code: 'policyAskOnlyMp' }]);
          values.policyAskId = null;
        }
        await this.assertLinks(
          manager,
          ctx,
          before.campaignId,
          { policyAskId: values.policyAskId ?? undefined, eventId: values.eventId ?? undefined, outreachId: values.outreachId ?? undefined },
          before.personId,
        );
        return { values };
      },
    });
  }

  /** pledged → in progress → fulfilled, or lapsed: any other move is BAD_USER_INPUT naming the allowed ones. */
  async setStatus(ctx: RequestContext, input: SetPledgeStatusInput): Promise<PledgeRow> {
    return this.writer.transaction(async (manager) => {
      const after = await this.move(ctx, input, manager);
      if (after.personId) await this.engagement.recompute(manager, ctx, [after.personId]);
      return after;
    });
  }

  private move(ctx: RequestContext, input: SetPledgeStatusInput, manager: EntityManager): Promise<PledgeRow> {
    return this.writer.update(
      ctx,
      pledgeKind,
      this.pledges,
      input,
      {
        given: ['status', ...(input.evidence !== undefined ? ['evidence'] : [])],
        plan: async (before) => {
          const allowed = pledgeTransitions[before.status];
          if (!allowed.includes(input.status)) {
            throw new BadUserInputException(
              [{ path: ['input', 'status'], code: 'transitionNotAllowed', params: { from: before.status, allowed: allowed.join(', ') || '—' } }],
              `A pledge that is ${before.status} can become ${allowed.join(' or ') || 'nothing else'}`,
            );
          }
          const values: PledgeValues = { status: input.status };
          if (input.status === 'fulfilled') values.fulfilledAt = new Date();
          if (input.evidence !== undefined && input.evidence !== before.evidence) values.evidence = input.evidence;
          return { values };
        },
      },
      manager,
    );
  }

  /**
   * The policy ask is the campaign's; the event, one the caller may see; the outreach, one the
   * caller may see, and with the pledger when a person pledges (the contact where they pledged).
   */
  private async assertLinks(
    manager: EntityManager,
    ctx: RequestContext,
    campaignId: string,
    links: { policyAskId?: string | null; eventId?: string | null; outreachId?: string | null },
    personId: string | null,
  ): Promise<void> {
    const problems: FieldProblemInput[] = [];
    if (links.policyAskId && !(await this.campaigns.policyAskIds(campaignId, manager))?.has(links.policyAskId)) {
      problems.push({ path: ['input', 'policyAskId'], code: 'policyAskUnknown' });
    }
    if (links.eventId && !(await this.pledges.eventVisible(manager, ctx.ability, links.eventId))) {
      problems.push({ path: ['input', 'eventId'], code: 'eventUnknown' });
    }
    if (links.outreachId) {
      const outreachPerson = await this.pledges.outreachPerson(manager, ctx.ability, links.outreachId);
      if (!outreachPerson || (personId && outreachPerson !== personId)) problems.push({ path: ['input', 'outreachId'], code: 'outreachUnknown' });
    }
    if (problems.length) throw new BadUserInputException(problems);
  }
}
