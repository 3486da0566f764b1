import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, subject } from '@crm/authz';
import {
  engagementStageValues,
  personMergeChoosable,
  type CreatePersonInput,
  type EngagementStage,
  type MergeRecordsInput,
  type PersonDuplicatesInput,
  type PersonFilter,
  type RecordVersionInput,
  UpdatePersonInput,
} from '@crm/contracts';
import { AuditSubjects } from '@crm/identity';
import { OrganizationMergeHooks, OrganizationsService } from '@crm/organizations';
import { BadUserInputException, NotFoundException, type FieldProblemInput, type RequestContext } from '@crm/platform';
import { combineNotes, RecordRules, RecordWriter } from '@crm/records';
import { ActivityRecorder, TimelineSubjects, type ActivityEntry } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { personKind } from './person.kind';
import { PersonMergeHooks } from './person-merge-hooks';
import { PersonRepository } from './person.repository';
import { wholePerson, type PersonShape } from './person.row';
import type { PersonRow, PersonValues, PersonWritableField } from './person.row';

const limits = { emails: 5, phones: 5, tags: 20 } as const;
// Enough to recognise the one already there; more means the name is too common to warn about each.
const duplicatesShown = 5;

// Fields a person's input may set, from the input's own schema (engagement stage is the
// ladder's; affiliations are written apart; archive and merge are their own mutations).
const inputFields = (Object.keys(UpdatePersonInput.shape) as (keyof UpdatePersonInput)[]).filter(
  (field): field is Exclude<keyof UpdatePersonInput, 'id' | 'version' | 'affiliations'> => field !== 'id' && field !== 'version' && field !== 'affiliations',
) satisfies readonly PersonWritableField[];

/** What the API serves of a person: lived experience only to those allowed to read it, else null. */
export type PersonView = Omit<PersonRow, 'livedExperience'> & { livedExperience: boolean | null };

@Injectable()
export class PeopleService implements OnModuleInit {
  constructor(
    private readonly people: PersonRepository,
    private readonly organizations: OrganizationsService,
    private readonly rules: RecordRules,
    private readonly writer: RecordWriter,
    private readonly activity: ActivityRecorder,
    private readonly mergeHooks: PersonMergeHooks,
    private readonly organizationMergeHooks: OrganizationMergeHooks,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly auditSubjects: AuditSubjects,
  ) {}

  onModuleInit(): void {
    this.timelineSubjects.register('Person', {
      ruleFields: (ctx, id) => this.people.ruleFieldsOf(ctx.ability, id),
      visibleIds: (ctx, ids) => this.people.visibleIds(ctx.ability, ids),
    });
    this.auditSubjects.register('Person', (ability, ids) => this.people.auditNames(ability, ids));
    // Merging organizations moves their people along; people are ours, so the hook is too.
    this.organizationMergeHooks.register('affiliations', ({ manager, duplicateId, survivorId }) =>
      this.people.moveAffiliationsOfOrganization(manager, duplicateId, survivorId),
    );
  }

  /** Field-level rules applied to one row: the one place a person leaves the service. */
  view(ctx: RequestContext, row: PersonRow): PersonView {
    // A shaped read (PersonShape) that did not ask for it has no livedExperience to hide.
    if (!('livedExperience' in row)) return row as PersonView;
    return { ...row, livedExperience: canReadField(ctx.ability, 'read', 'Person', 'livedExperience', row) ? row.livedExperience : null };
  }

  async list(ctx: RequestContext, filter: PersonFilter, first: number, after: string | null | undefined, shape: PersonShape = wholePerson) {
    const page = await this.people.list(ctx.ability, filter, first, after, shape);
    return { ...page, rows: page.rows.map((row) => this.view(ctx, row)) };
  }

  count(ctx: RequestContext, filter: PersonFilter): Promise<number> {
    return this.people.count(ctx.ability, filter);
  }

  async search(ctx: RequestContext, text: string, first: number): Promise<PersonView[]> {
    return (await this.people.search(ctx.ability, text, first)).map((row) => this.view(ctx, row));
  }

  async duplicatesOf(ctx: RequestContext, input: PersonDuplicatesInput): Promise<PersonView[]> {
    return (await this.people.duplicatesOf(ctx.ability, input, duplicatesShown)).map((row) => this.view(ctx, row));
  }

  async byOrganizations(ctx: RequestContext, organizationIds: readonly string[], first: number): Promise<Map<string, PersonView[]>> {
    const byOrganization = new Map<string, PersonView[]>(organizationIds.map((id) => [id, []]));
    for (const row of await this.people.byOrganizations(ctx.ability, organizationIds, first)) {
      const { forOrganizationId, ...person } = row;
      byOrganization.get(forOrganizationId)?.push(this.view(ctx, person));
    }
    return byOrganization;
  }

  async get(ctx: RequestContext, id: string): Promise<PersonView> {
    const row = await this.people.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Person');
    return this.view(ctx, row);
  }

  async create(ctx: RequestContext, input: CreatePersonInput): Promise<PersonView> {
    const createdById = ctx.actor?.id ?? null;
    // A coordinator looks after the people they add, unless they name someone else.
    const ownerId = input.ownerId !== undefined ? input.ownerId : ctx.actor?.role === 'COORDINATOR' ? ctx.actor.id : null;
    const scope = { provinceCode: input.provinceCode, ownerId, createdById };
    if (!ctx.ability.can('create', subject('Person', { ...scope }))) {
      throw new BadUserInputException([{ path: ['input', 'provinceCode'], code: 'outsideRegions' }], 'You cannot add a person there');
    }
    // Only who may read it afterwards may state it (decision 055): the answer depends on the input only.
    if (input.livedExperience !== undefined && !canReadField(ctx.ability, 'create', 'Person', 'livedExperience', scope)) {
      throw new BadUserInputException([{ path: ['input', 'livedExperience'], code: 'notYours' }]);
    }
    const values: PersonValues = {
      firstName: input.firstName,
      lastName: input.lastName,
      preferredLanguage: input.preferredLanguage,
      emails: input.emails,
      phones: input.phones,
      leaderCategory: input.leaderCategory ?? null,
      provinceCode: input.provinceCode,
      city: input.city ?? null,
      ownerId,
      consentEmail: input.consentEmail,
      consentPhone: input.consentPhone,
      doNotContact: input.doNotContact,
      livedExperience: input.livedExperience ?? false,
      tags: input.tags,
      notes: input.notes ?? null,
    };
    return this.writer.transaction(async (manager) => {
      await this.rules.assertTagsKnown(manager, values.tags);
      await this.rules.assertOwner(manager, ctx, ownerId);
      await this.assertOrganizationsUsable(
        manager,
        ctx,
        input.affiliations.map((a) => a.organizationId),
      );
      const id = await this.people.insert(manager, { ...values, createdById });
      const affiliations = input.affiliations.map((a) => ({ organizationId: a.organizationId, title: a.title ?? null }));
      await this.people.replaceVisibleAffiliations(manager, ctx.ability, id, affiliations);
      const created = (await this.people.findVisible(ctx.ability, id, manager))!;
      await this.writer.created(manager, ctx, personKind, created, affiliationEntries(id, [], affiliations));
      return this.view(ctx, created);
    });
  }

  async update(ctx: RequestContext, input: UpdatePersonInput): Promise<PersonView> {
    const after = await this.writer.update(ctx, personKind, this.people, input, {
      given: [...inputFields, 'affiliations'].filter((field) => input[field as keyof UpdatePersonInput] !== undefined),
      plan: async (before, manager) => {
        const values: PersonValues = {};
        for (const field of inputFields) {
          const value = input[field];
          if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field])) (values as Record<string, unknown>)[field] = value;
        }
        await this.rules.assertTagsKnown(manager, values.tags);
        if (values.ownerId !== undefined) await this.rules.assertOwner(manager, ctx, values.ownerId);

        const beforeAffiliations = before.affiliations.map((a) => ({ organizationId: a.organizationId, title: a.title }));
        const nextAffiliations = input.affiliations?.map((a) => ({ organizationId: a.organizationId, title: a.title ?? null }));
        const changed =
          nextAffiliations !== undefined && JSON.stringify(sortAffiliations(nextAffiliations)) !== JSON.stringify(sortAffiliations(beforeAffiliations));
        if (!changed) return { values };
        const current = new Set(beforeAffiliations.map((a) => a.organizationId));
        await this.assertOrganizationsUsable(
          manager,
          ctx,
          nextAffiliations.map((a) => a.organizationId).filter((id) => !current.has(id)),
          nextAffiliations,
        );
        return {
          values,
          also: {
            field: 'affiliations',
            apply: async (tx) => {
              await this.people.replaceVisibleAffiliations(tx, ctx.ability, before.id, nextAffiliations);
              return affiliationEntries(before.id, beforeAffiliations, nextAffiliations);
            },
          },
        };
      },
    });
    return this.view(ctx, after);
  }

  async archive(ctx: RequestContext, input: RecordVersionInput): Promise<PersonView> {
    return this.view(ctx, await this.writer.archive(ctx, personKind, this.people, input));
  }

  async restore(ctx: RequestContext, input: RecordVersionInput): Promise<PersonView> {
    return this.view(ctx, await this.writer.restore(ctx, personKind, this.people, input));
  }

  /**
   * Folds the duplicate into the survivor: the survivor keeps its values and takes
   * the duplicate's where it has none; e-mails, phones and tags are combined;
   * consent takes the stricter answer; affiliations, the timeline and whatever later
   * modules register in PersonMergeHooks (outreach, pledges, RSVPs…) move; the
   * duplicate is archived with a pointer to the survivor. One transaction, audited.
   */
  async merge(ctx: RequestContext, input: MergeRecordsInput): Promise<PersonView> {
    const after = await this.writer.merge(ctx, personKind, this.people, input, {
      hooks: this.mergeHooks,
      mergedValues,
      choosable: personMergeChoosable,
      moveOwn: async (manager, survivor, duplicate) => ({ affiliations: await this.people.moveAffiliationsOfPerson(manager, duplicate.id, survivor.id) }),
    });
    return this.view(ctx, after);
  }

  /**
   * For the ladder of engagement (a module above people and outreach): stores a
   * derived stage with its reason, in the caller's transaction, on the timeline.
   */
  /**
   * The ladder's stage and reason of each person, in two statements whatever their
   * number (the rebuild places 1,000 at a time, decision 083); answers how many changed.
   */
  async setEngagementStages(
    manager: EntityManager,
    ctx: RequestContext | null,
    entries: readonly { personId: string; stage: EngagementStage; reason: string }[],
  ): Promise<number> {
    const changed = await this.people.setEngagementStages(
      manager,
      entries.map((entry) => ({ ...entry, reason: entry.reason.slice(0, 500) })),
    );
    // A new reason for the same stage is not news on the timeline; a new stage is.
    await this.activity.append(
      manager,
      ctx,
      changed
        .filter((row) => row.before !== row.stage)
        .map((row) => ({
          subjectType: 'Person' as const,
          subjectId: row.personId,
          kind: 'engagement.changed',
          recordType: 'Person',
          recordId: row.personId,
          summary: { stage: row.stage },
        })),
    );
    return changed.length;
  }

  /** New affiliations need organizations the caller may see and that are active; others read as unknown. */
  private async assertOrganizationsUsable(manager: EntityManager, ctx: RequestContext, ids: string[], list?: { organizationId: string }[]): Promise<void> {
    const usable = await this.organizations.visibleActiveIds(manager, ctx, ids);
    const entries = list ?? ids.map((organizationId) => ({ organizationId }));
    const wanted = new Set(ids);
    const problems: FieldProblemInput[] = entries.flatMap((entry, index) =>
      wanted.has(entry.organizationId) && !usable.has(entry.organizationId)
        ? [{ path: ['input', 'affiliations', index, 'organizationId'], code: 'organizationUnknown' }]
        : [],
    );
    if (problems.length) throw new BadUserInputException(problems, 'Some affiliations name an unknown organization');
  }
}

function sortAffiliations(list: { organizationId: string; title: string | null }[]) {
  return [...list].sort((a, b) => a.organizationId.localeCompare(b.organizationId));
}

/** Timeline entries on the organizations a person joined or left (ids only). */
function affiliationEntries(
  personId: string,
  before: { organizationId: string; title: string | null }[],
  after: { organizationId: string; title: string | null }[],
): ActivityEntry[] {
  const was = new Map(before.map((a) => [a.organizationId, a.title]));
  const is = new Map(after.map((a) => [a.organizationId, a.title]));
  const entry = (organizationId: string, kind: string): ActivityEntry => ({
    subjectType: 'Organization',
    subjectId: organizationId,
    kind,
    recordType: 'Person',
    recordId: personId,
    summary: { personId },
  });
  return [
    ...[...is.keys()].filter((id) => !was.has(id)).map((id) => entry(id, 'affiliation.added')),
    ...[...is.keys()].filter((id) => was.has(id) && was.get(id) !== is.get(id)).map((id) => entry(id, 'affiliation.updated')),
    ...[...was.keys()].filter((id) => !is.has(id)).map((id) => entry(id, 'affiliation.removed')),
  ];
}

function mergedValues(survivor: PersonRow, duplicate: PersonRow): PersonValues {
  const union = (a: string[], b: string[], max: number) => [...new Set([...a, ...b])].slice(0, max);
  const samePlace = survivor.provinceCode === duplicate.provinceCode;
  const higherStage = engagementStageValues.indexOf(duplicate.engagementStage) > engagementStageValues.indexOf(survivor.engagementStage);
  return {
    emails: union(survivor.emails, duplicate.emails, limits.emails),
    phones: union(survivor.phones, duplicate.phones, limits.phones),
    tags: union(survivor.tags, duplicate.tags, limits.tags),
    leaderCategory: survivor.leaderCategory ?? duplicate.leaderCategory,
    city: survivor.city ?? (samePlace ? duplicate.city : null),
    ownerId: survivor.ownerId ?? duplicate.ownerId,
    notes: combineNotes(survivor.notes, duplicate.notes, `${duplicate.firstName} ${duplicate.lastName}`.trim()),
    // Consent: the stricter answer wins; a "do not contact" anywhere stays.
    consentEmail: survivor.consentEmail && duplicate.consentEmail,
    consentPhone: survivor.consentPhone && duplicate.consentPhone,
    doNotContact: survivor.doNotContact || duplicate.doNotContact,
    livedExperience: survivor.livedExperience || duplicate.livedExperience,
    // The ladder recomputes from the merged outreach later; until then the further stage stands.
    engagementStage: higherStage ? duplicate.engagementStage : survivor.engagementStage,
    engagementReason: higherStage ? duplicate.engagementReason : survivor.engagementReason,
  };
}
