import { Injectable } from '@nestjs/common';
import type { CreateCampaignInput, UpdateCampaignInput, CampaignGoalInput } from '@crm/contracts';
import { AuditService, BadUserInputException, ConflictException, NotFoundException, type RequestContext } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CampaignMetrics, type CountedCampaign } from './campaign-metrics';
import { CampaignRepository, type CampaignGoalRow, type CampaignValues } from './campaign.repository';
import type { CampaignEntity } from './campaign.entity';
import type { CampaignGoalObject, CampaignObject } from './dtos/campaign.object';

// Regional figures shown to those who may not read people (FUNDER, MEMBER) hide counts under this.
const smallestShownCount = 5;

export function toCampaignObject(entity: CampaignEntity): CampaignObject {
  return {
    id: entity.id,
    slug: entity.slug,
    nameEn: entity.nameEn,
    nameFr: entity.nameFr,
    descriptionEn: entity.descriptionEn ?? null,
    descriptionFr: entity.descriptionFr ?? null,
    status: entity.status ?? 'active',
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    isDefault: entity.isDefault,
    version: entity.version,
    policyAsks: [...(entity.policyAsks ?? [])]
      .sort((a, b) => a.position - b.position)
      .map(({ id, position, titleEn, titleFr }) => ({ id, position, titleEn, titleFr })),
  };
}

/** A URL-safe name made from the English name (accents dropped). */
export function slugFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'campaign';
}

const auditView = (campaign: CampaignObject, goals: CampaignGoalRow[]) => ({
  nameEn: campaign.nameEn,
  nameFr: campaign.nameFr,
  descriptionEn: campaign.descriptionEn,
  descriptionFr: campaign.descriptionFr,
  status: campaign.status,
  startsOn: campaign.startsOn,
  endsOn: campaign.endsOn,
  policyAsks: campaign.policyAsks.map((ask) => ({ id: ask.id, titleEn: ask.titleEn, titleFr: ask.titleFr })),
  goals: goals.map((goal) => ({ metric: goal.metric, regionId: goal.regionId, target: goal.target })),
});

@Injectable()
export class CampaignService {
  constructor(
    private readonly repository: CampaignRepository,
    private readonly metrics: CampaignMetrics,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async defaultCampaign(): Promise<CampaignObject> {
    const campaign = await this.repository.findDefault();
    if (!campaign) throw new NotFoundException('Default campaign');
    return toCampaignObject(campaign);
  }

  /** The default campaign's id, or null when none is set (for inputs that may leave the campaign out). */
  async defaultCampaignId(): Promise<string | null> {
    return (await this.repository.findDefault())?.id ?? null;
  }

  /**
   * The campaign a record's input names, checked, or the default campaign when it names
   * none: BAD_USER_INPUT at `input.campaignId` (`campaignUnknown`, or `required` with no default).
   */
  async campaignFor(manager: EntityManager, campaignId: string | undefined): Promise<string> {
    if (campaignId) {
      if (!(await this.repository.exists(manager, campaignId))) throw new BadUserInputException([{ path: ['input', 'campaignId'], code: 'campaignUnknown' }]);
      return campaignId;
    }
    const id = await this.repository.defaultId(manager);
    if (!id) throw new BadUserInputException([{ path: ['input', 'campaignId'], code: 'required' }]);
    return id;
  }

  async get(id: string): Promise<CampaignObject> {
    const campaign = await this.repository.findById(id);
    if (!campaign) throw new NotFoundException('Campaign');
    return toCampaignObject(campaign);
  }

  /** The policy asks of a campaign by id (to check an outreach's ask belongs to its campaign). */
  /** Names of the campaigns among `ids`, in both languages (the audit log names them). */
  names(ids: readonly string[]): Promise<{ id: string; nameEn: string; nameFr: string }[]> {
    return this.repository.names(ids);
  }

  async policyAskIds(campaignId: string, manager?: EntityManager): Promise<Set<string> | null> {
    const campaign = await this.repository.findById(campaignId, manager);
    return campaign ? new Set(campaign.policyAsks.map((ask) => ask.id)) : null;
  }

  async list(): Promise<CampaignObject[]> {
    return (await this.repository.list()).map(toCampaignObject);
  }

  async create(ctx: RequestContext, input: CreateCampaignInput): Promise<CampaignObject> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertRegions(manager, input.goals, ['input', 'goals']);
      const base = slugFor(input.nameEn);
      let slug = base;
      for (let n = 2; await this.repository.slugTaken(manager, slug); n++) slug = `${base}-${n}`;
      const id = await this.repository.insert(manager, slug, {
        nameEn: input.nameEn,
        nameFr: input.nameFr,
        descriptionEn: input.descriptionEn ?? null,
        descriptionFr: input.descriptionFr ?? null,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        status: input.status,
      });
      await this.repository.replacePolicyAsks(manager, id, input.policyAsks);
      await this.repository.replaceGoals(manager, id, goalRows(input.goals));
      const created = toCampaignObject((await this.repository.findById(id, manager))!);
      await this.audit.record(manager, ctx, {
        action: 'campaign.create',
        subjectType: 'Campaign',
        subjectId: id,
        before: null,
        after: auditView(created, await this.repository.goalsOf([id], manager)),
      });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateCampaignInput): Promise<CampaignObject> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.lock(manager, input.id))) throw new NotFoundException('Campaign');
      const before = toCampaignObject((await this.repository.findById(input.id, manager))!);
      if (before.version !== input.version) throw new ConflictException();
      const goalsBefore = await this.repository.goalsOf([input.id], manager);
      const merged = { ...before, ...definedOnly(input) };
      if (merged.startsOn && merged.endsOn && merged.endsOn < merged.startsOn) {
        throw new BadUserInputException([{ path: ['input', 'endsOn'], code: 'endsBeforeStart' }]);
      }
      const values: CampaignValues = {};
      for (const field of ['nameEn', 'nameFr', 'descriptionEn', 'descriptionFr', 'startsOn', 'endsOn', 'status'] as const) {
        if (input[field] !== undefined && input[field] !== before[field]) (values as Record<string, unknown>)[field] = input[field];
      }
      if (input.policyAsks) {
        const result = await this.repository.replacePolicyAsks(manager, input.id, input.policyAsks);
        if (result.unknownIndex !== null)
          throw new BadUserInputException([{ path: ['input', 'policyAsks', result.unknownIndex, 'id'], code: 'policyAskUnknown' }]);
        if (result.inUse) throw new BadUserInputException([{ path: ['input', 'policyAsks'], code: 'policyAskInUse' }]);
      }
      if (input.goals) {
        await this.assertRegions(manager, input.goals, ['input', 'goals']);
        await this.repository.replaceGoals(manager, input.id, goalRows(input.goals));
      }
      if (!(await this.repository.updateVersioned(manager, input.id, input.version, values))) throw new ConflictException();
      const after = toCampaignObject((await this.repository.findById(input.id, manager))!);
      await this.audit.record(manager, ctx, {
        action: 'campaign.update',
        subjectType: 'Campaign',
        subjectId: input.id,
        before: auditView(before, goalsBefore),
        after: auditView(after, await this.repository.goalsOf([input.id], manager)),
      });
      return after;
    });
  }

  /**
   * A campaign's goals with live counts in the viewer's scope: a coordinator sees the
   * national goals and those of regions that share a province with theirs, counted
   * within their provinces; those who may not read people see small regional counts withheld.
   */
  async goals(ctx: RequestContext, campaign: CountedCampaign): Promise<CampaignGoalObject[]> {
    const goals = await this.repository.goalsOf([campaign.id]);
    const viewerProvinces = ctx.actor?.role === 'COORDINATOR' ? ctx.actor.provinceCodes : null;
    const regions = await this.repository.regionProvinces([...new Set(goals.flatMap((goal) => (goal.regionId ? [goal.regionId] : [])))]);
    const readsPeople = ctx.ability.can('read', 'Person');
    const manager = this.repository.manager;
    const result: CampaignGoalObject[] = [];
    for (const goal of goals) {
      let provinces: readonly string[] | null = viewerProvinces;
      if (goal.regionId) {
        const regionProvinces = regions.get(goal.regionId) ?? [];
        provinces = viewerProvinces ? regionProvinces.filter((code) => viewerProvinces.includes(code)) : regionProvinces;
        if (viewerProvinces && provinces.length === 0) continue;
      }
      const counter = this.metrics.counterOf(goal.metric);
      const count = counter ? await counter(manager, campaign, provinces) : null;
      const suppressed = !readsPeople && goal.regionId !== null && count !== null && count > 0 && count < smallestShownCount;
      result.push({ id: goal.id, metric: goal.metric, regionId: goal.regionId, target: goal.target, count: suppressed ? null : count, suppressed });
    }
    return result;
  }

  private async assertRegions(manager: EntityManager, goals: CampaignGoalInput[], path: (string | number)[]): Promise<void> {
    const ids = [...new Set(goals.flatMap((goal) => (goal.regionId ? [goal.regionId] : [])))];
    const known = await this.repository.regionProvinces(ids, manager);
    const problems = goals.flatMap((goal, index) =>
      goal.regionId && !known.has(goal.regionId) ? [{ path: [...path, index, 'regionId'], code: 'regionUnknown' as const }] : [],
    );
    if (problems.length) throw new BadUserInputException(problems);
  }
}

function goalRows(goals: CampaignGoalInput[]) {
  return goals.map((goal) => ({ metric: goal.metric, regionId: goal.regionId ?? null, target: goal.target }));
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
