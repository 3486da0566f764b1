import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, subject } from '@crm/authz';
import {
  publicConsentLevels,
  storyTransitions,
  UpdateStoryInput,
  type CreateStoryInput,
  type PublicStoriesArgs,
  type RecordVersionInput,
  type ReviewStoryInput,
  type StoryFilter,
} from '@crm/contracts';
import { CampaignMetrics, CampaignService } from '@crm/campaigns';
import { AuditSubjects } from '@crm/identity';
import { OrganizationsService } from '@crm/organizations';
import { PeopleService } from '@crm/people';
import {
  AuditService,
  BadUserInputException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  type FieldProblemInput,
  type RequestContext,
} from '@crm/platform';
import { RecordRules, RecordWriter } from '@crm/records';
import { ActivityRecorder, TimelineSubjects } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { storyKind } from './story.kind';
import { StoryRepository, type PublicStoryRow, type StoryCountFilter } from './story.repository';
import type { StoryRow, StoryValues, StoryWritableField } from './story.row';

// Fields an update may set, from the input's own schema (status, withdrawal and erasure have their own mutations).
const inputFields = (Object.keys(UpdateStoryInput.shape) as (keyof UpdateStoryInput)[]).filter(
  (field): field is Exclude<keyof UpdateStoryInput, 'id' | 'version'> => field !== 'id' && field !== 'version',
) satisfies readonly StoryWritableField[];

/** The answer to a withdrawal or an erasure: the story may no longer be readable by the caller. */
export interface StoryConsentChange {
  id: string;
  withdrawnAt: Date;
  erasedAt: Date | null;
}

@Injectable()
export class StoriesService implements OnModuleInit {
  constructor(
    private readonly stories: StoryRepository,
    private readonly campaigns: CampaignService,
    private readonly organizations: OrganizationsService,
    private readonly people: PeopleService,
    private readonly rules: RecordRules,
    private readonly writer: RecordWriter,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly auditSubjects: AuditSubjects,
    private readonly metrics: CampaignMetrics,
  ) {}

  onModuleInit(): void {
    // A story's timeline follows the story's own visibility: withdrawn, it is NOT_FOUND like the story.
    this.timelineSubjects.register('Story', {
      ruleFields: (ctx, id) => this.stories.ruleFieldsOf(ctx.ability, id),
      visibleIds: (ctx, ids) => this.stories.visibleIds(ctx.ability, ids),
    });
    this.auditSubjects.register('Story', (ability, ids) => this.stories.auditNames(ability, ids));
    this.metrics.register('storiesGathered', (manager, campaign, provinces) => this.stories.countGathered(manager, campaign.id, provinces));
  }

  list(ctx: RequestContext, filter: StoryFilter, first: number, after: string | null | undefined) {
    return this.stories.list(ctx.ability, filter, first, after);
  }

  async get(ctx: RequestContext, id: string): Promise<StoryRow> {
    const row = await this.stories.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Story');
    return row;
  }

  /** Published stories for the public page (only their public fields). */
  publicStories(args: PublicStoriesArgs): Promise<PublicStoryRow[]> {
    return this.stories.publicStories(args.language, args.first);
  }

  /**
   * How many stories in consent there are, per kind and status: what reports count.
   * Withdrawn and erased stories never count, from the moment of their withdrawal.
   */
  counts(filter: StoryCountFilter) {
    return this.stories.counts(filter);
  }

  async create(ctx: RequestContext, input: CreateStoryInput): Promise<StoryRow> {
    const createdById = ctx.actor?.id ?? null;
    // Who gathered it looks after it, unless they name someone else.
    const ownerId = input.ownerId !== undefined ? input.ownerId : createdById;
    const scope = { provinceCode: input.provinceCode, ownerId, createdById, organizationId: input.organizationId ?? null, consentLevel: input.consentLevel };
    if (!ctx.ability.can('create', subject('Story', { ...scope }))) {
      throw new BadUserInputException([{ path: ['input', 'provinceCode'], code: 'outsideRegions' }], 'You cannot add a story there');
    }
    // Only who may read the storyteller afterwards may name them (the answer depends on the input only).
    const refused = (['storytellerName', 'storytellerPersonId'] as const).filter(
      (field) => input[field] !== undefined && input[field] !== null && !canReadField(ctx.ability, 'create', 'Story', field, scope),
    );
    if (refused.length) throw new BadUserInputException(refused.map((field) => ({ path: ['input', field], code: 'notYours' })));
    const values: StoryValues = {
      campaignId: input.campaignId,
      kind: input.kind,
      language: input.language,
      title: input.title,
      text: input.text,
      provinceCode: input.provinceCode,
      organizationId: input.organizationId ?? null,
      storytellerName: input.storytellerName ?? null,
      storytellerPersonId: input.storytellerPersonId ?? null,
      ownerId,
      consentLevel: input.consentLevel,
      consentDate: input.consentDate,
      consentMethod: input.consentMethod,
      consentNote: input.consentNote ?? null,
    };
    return this.writer.transaction(async (manager) => {
      await this.assertReferences(manager, ctx, values, Object.keys(values) as StoryWritableField[]);
      assertNamedHasName(values);
      const id = await this.stories.insert(manager, { ...values, createdById });
      const created = (await this.stories.findVisible(ctx.ability, id, manager))!;
      await this.writer.created(manager, ctx, storyKind, created);
      return created;
    });
  }

  /** Changes a draft (approved and published stories go back to draft first). */
  update(ctx: RequestContext, input: UpdateStoryInput): Promise<StoryRow> {
    const given = inputFields.filter((field) => input[field] !== undefined);
    return this.writer.update(ctx, storyKind, this.stories, input, {
      given,
      plan: async (before, manager) => {
        assertChangeable(before);
        if (before.status !== 'draft') throw new BadUserInputException([{ path: ['input', 'id'], code: 'storyNotDraft' }]);
        const values: StoryValues = {};
        for (const field of inputFields) {
          const value = input[field];
          if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field])) (values as Record<string, unknown>)[field] = value;
        }
        await this.assertReferences(manager, ctx, values, Object.keys(values) as StoryWritableField[]);
        if (values.consentLevel !== undefined || values.storytellerName !== undefined) assertNamedHasName({ ...before, ...values });
        return { values };
      },
    });
  }

  /** Moves a story along its review (draft → approved → published, and back one step). */
  review(ctx: RequestContext, input: ReviewStoryInput): Promise<StoryRow> {
    return this.writer.update(ctx, storyKind, this.stories, input, {
      given: ['status'],
      plan: async (before) => {
        assertChangeable(before);
        if (before.status === input.status) return { values: {} };
        const allowed = storyTransitions[before.status];
        if (!allowed.includes(input.status)) {
          throw new BadUserInputException(
            [{ path: ['input', 'status'], code: 'transitionNotAllowed', params: { from: before.status, allowed: allowed.join(', ') } }],
            `A ${before.status} story can only become: ${allowed.join(', ')}`,
          );
        }
        if (input.status === 'published') {
          if (!publicConsentLevels.includes(before.consentLevel)) {
            throw new BadUserInputException([{ path: ['input', 'status'], code: 'consentNotPublic' }]);
          }
          assertNamedHasName(before);
        }
        return { values: { status: input.status, publishedAt: input.status === 'published' ? new Date() : null } };
      },
    });
  }

  /**
   * The storyteller withdrew their consent: from this transaction on, the story is gone
   * from every list, search, timeline, export, count and the public page (the ability
   * hides withdrawn stories in SQL); its text stays for ADMIN, marked withdrawn.
   */
  withdraw(ctx: RequestContext, input: RecordVersionInput): Promise<StoryConsentChange> {
    return this.writer.transaction(async (manager) => {
      const before = await this.lockFor(manager, ctx, input, 'update');
      if (before.withdrawnAt) return { id: before.id, withdrawnAt: before.withdrawnAt, erasedAt: before.erasedAt };
      const withdrawnAt = new Date();
      if (!(await this.stories.write(manager, input, { withdrawnAt }))) throw new ConflictException();
      await this.audit.record(manager, ctx, {
        action: 'story.withdraw',
        subjectType: 'Story',
        subjectId: before.id,
        before: { withdrawn: false },
        after: { withdrawn: true },
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Story', subjectId: before.id, kind: 'story.withdrawn', recordType: 'Story', recordId: before.id },
      ]);
      return { id: before.id, withdrawnAt, erasedAt: null };
    });
  }

  /**
   * The storyteller asked for erasure: title, text and storyteller are removed for good;
   * the row stays as a tombstone (withdrawn, erased), and the audit log says that it was
   * erased — its entries never held the text (personal values are masked when written).
   */
  erase(ctx: RequestContext, input: RecordVersionInput): Promise<StoryConsentChange> {
    return this.writer.transaction(async (manager) => {
      const before = await this.lockFor(manager, ctx, input, 'archive');
      if (before.erasedAt) return { id: before.id, withdrawnAt: before.withdrawnAt!, erasedAt: before.erasedAt };
      const now = new Date();
      const withdrawnAt = before.withdrawnAt ?? now;
      const values: StoryValues = { title: null, text: null, storytellerName: null, storytellerPersonId: null, consentNote: null, withdrawnAt, erasedAt: now };
      if (!(await this.stories.write(manager, input, values))) throw new ConflictException();
      await this.audit.record(manager, ctx, {
        action: 'story.erase',
        subjectType: 'Story',
        subjectId: before.id,
        before: { erased: false, withdrawn: before.withdrawnAt !== null },
        after: { erased: true, withdrawn: true },
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Story', subjectId: before.id, kind: 'story.erased', recordType: 'Story', recordId: before.id },
      ]);
      return { id: before.id, withdrawnAt, erasedAt: now };
    });
  }

  /** Missing, out of scope or withdrawn for this reader → NOT_FOUND; not theirs to change → FORBIDDEN; old version → CONFLICT. */
  private async lockFor(manager: EntityManager, ctx: RequestContext, input: RecordVersionInput, action: 'update' | 'archive'): Promise<StoryRow> {
    const row = await this.stories.lockVisible(manager, ctx.ability, input.id);
    if (!row) throw new NotFoundException('Story');
    if (!ctx.ability.can(action, subject('Story', { ...row }))) throw new ForbiddenException();
    if (row.version !== input.version) throw new ConflictException();
    return row;
  }

  /** The campaign, organization, storyteller and owner a write names must exist and be the caller's to use. */
  private async assertReferences(manager: EntityManager, ctx: RequestContext, values: StoryValues, fields: StoryWritableField[]): Promise<void> {
    const problems: FieldProblemInput[] = [];
    if (fields.includes('campaignId') && values.campaignId) {
      const campaigns = await this.campaigns.list();
      if (!campaigns.some((campaign) => campaign.id === values.campaignId)) problems.push({ path: ['input', 'campaignId'], code: 'campaignUnknown' });
    }
    if (fields.includes('organizationId') && values.organizationId) {
      const usable = await this.organizations.visibleActiveIds(manager, ctx, [values.organizationId]);
      if (!usable.has(values.organizationId)) problems.push({ path: ['input', 'organizationId'], code: 'organizationUnknown' });
    }
    if (fields.includes('storytellerPersonId') && values.storytellerPersonId) {
      const known = await this.people.get(ctx, values.storytellerPersonId).then(
        () => true,
        (error: unknown) => (error instanceof NotFoundException ? false : Promise.reject(error)),
      );
      if (!known) problems.push({ path: ['input', 'storytellerPersonId'], code: 'personUnknown' });
    }
    if (problems.length) throw new BadUserInputException(problems);
    if (fields.includes('ownerId')) await this.rules.assertOwner(manager, ctx, values.ownerId);
  }
}

/** A withdrawn story is ADMIN's to read and erase, no longer anyone's to edit or review. */
function assertChangeable(row: StoryRow): void {
  if (row.withdrawn) throw new BadUserInputException([{ path: ['input', 'id'], code: 'storyWithdrawn' }]);
}

/** A story told with the storyteller's name needs that name. */
function assertNamedHasName(values: Pick<StoryValues, 'consentLevel' | 'storytellerName'>): void {
  if (values.consentLevel === 'named_public' && !values.storytellerName) {
    throw new BadUserInputException([{ path: ['input', 'storytellerName'], code: 'storytellerNameRequired' }]);
  }
}
