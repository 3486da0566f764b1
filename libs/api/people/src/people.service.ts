import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, personalFields, sensitivePersonFields, subject } from '@crm/authz';
import {
  engagementStageValues,
  type CreatePersonInput,
  type EngagementStage,
  type MergeRecordsInput,
  type PersonFilter,
  type RecordVersionInput,
  UpdatePersonInput,
} from '@crm/contracts';
import { combineNotes, lockMergePair, OrganizationMergeHooks, OrganizationsService, recordMerge, RecordRules } from '@crm/organizations';
import {
  AuditService,
  BadUserInputException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  type FieldProblem,
  type RequestContext,
} from '@crm/platform';
import { ActivityRecorder, TimelineSubjects, type ActivityEntry } from '@crm/timeline';
import { DataSource, type EntityManager } from 'typeorm';
import { PersonMergeHooks } from './person-merge-hooks';
import { PersonRepository } from './person.repository';
import { wholePerson, type PersonShape } from './person.row';
import type { PersonRow, PersonValues, PersonWritableField } from './person.row';

const limits = { emails: 5, phones: 5, tags: 20 } as const;

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
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly organizations: OrganizationsService,
    private readonly rules: RecordRules,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
    private readonly mergeHooks: PersonMergeHooks,
    private readonly organizationMergeHooks: OrganizationMergeHooks,
    private readonly timelineSubjects: TimelineSubjects,
  ) {}

  onModuleInit(): void {
    this.timelineSubjects.register('Person', (ctx, id) => this.people.isVisible(ctx.ability, id));
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

  async search(ctx: RequestContext, text: string, first: number): Promise<PersonView[]> {
    return (await this.people.search(ctx.ability, text, first)).map((row) => this.view(ctx, row));
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
      throw new BadUserInputException([{ path: ['input', 'provinceCode'], message: 'is outside your regions' }], 'You cannot add a person there');
    }
    if (input.livedExperience && !canReadField(ctx.ability, 'create', 'Person', 'livedExperience', scope)) throw new ForbiddenException();
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
    return this.dataSource.transaction(async (manager) => {
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
      await this.audit.record(manager, ctx, {
        action: 'person.create',
        subjectType: 'Person',
        subjectId: id,
        before: null,
        after: auditView(created),
        personalFields: personalFields.Person,
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Person', subjectId: id, kind: 'record.created', recordType: 'Person', recordId: id },
        ...affiliationEntries(id, [], affiliations),
      ]);
      return this.view(ctx, created);
    });
  }

  async update(ctx: RequestContext, input: UpdatePersonInput): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, ctx, input.id, input.version, 'update');
      const values: PersonValues = {};
      for (const field of inputFields) {
        const value = input[field];
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field])) (values as Record<string, unknown>)[field] = value;
      }
      if (values.livedExperience !== undefined && !canReadField(ctx.ability, 'update', 'Person', 'livedExperience', before)) throw new ForbiddenException();
      const next = { ...before, ...values };
      // Nobody moves a person out of what they may edit (a coordinator to another region).
      if (
        (values.provinceCode !== undefined || values.ownerId !== undefined) &&
        !ctx.ability.can('update', subject('Person', { provinceCode: next.provinceCode, ownerId: next.ownerId, createdById: next.createdById }))
      ) {
        throw new BadUserInputException([
          { path: ['input', values.provinceCode !== undefined ? 'provinceCode' : 'ownerId'], message: 'would put the person outside what you may edit' },
        ]);
      }
      await this.rules.assertTagsKnown(manager, values.tags);
      if (values.ownerId !== undefined) await this.rules.assertOwner(manager, ctx, values.ownerId);

      const beforeAffiliations = before.affiliations.map((a) => ({ organizationId: a.organizationId, title: a.title }));
      const nextAffiliations = input.affiliations?.map((a) => ({ organizationId: a.organizationId, title: a.title ?? null }));
      const affiliationsChanged =
        nextAffiliations !== undefined && JSON.stringify(sortAffiliations(nextAffiliations)) !== JSON.stringify(sortAffiliations(beforeAffiliations));
      if (Object.keys(values).length === 0 && !affiliationsChanged) return this.view(ctx, before);

      if (affiliationsChanged) {
        const current = new Set(beforeAffiliations.map((a) => a.organizationId));
        await this.assertOrganizationsUsable(
          manager,
          ctx,
          nextAffiliations!.map((a) => a.organizationId).filter((id) => !current.has(id)),
          nextAffiliations!,
        );
        await this.people.replaceVisibleAffiliations(manager, ctx.ability, before.id, nextAffiliations!);
      }
      if (!(await this.people.updateVersioned(manager, before.id, before.version, values))) throw new ConflictException();
      const after = (await this.people.findVisible(ctx.ability, before.id, manager))!;
      // The timeline is not masked: a sensitive field is not even named there (the audit log has it).
      const fields = [...Object.keys(values), ...(affiliationsChanged ? ['affiliations'] : [])].filter(
        (f) => !(sensitivePersonFields as readonly string[]).includes(f),
      );
      await this.audit.record(manager, ctx, {
        action: 'person.update',
        subjectType: 'Person',
        subjectId: after.id,
        before: auditView(before),
        after: auditView(after),
        personalFields: personalFields.Person,
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Person', subjectId: after.id, kind: 'record.updated', recordType: 'Person', recordId: after.id, summary: { fields } },
        ...(affiliationsChanged ? affiliationEntries(after.id, beforeAffiliations, nextAffiliations!) : []),
      ]);
      return this.view(ctx, after);
    });
  }

  archive(ctx: RequestContext, input: RecordVersionInput): Promise<PersonView> {
    return this.setArchived(ctx, input, true);
  }

  restore(ctx: RequestContext, input: RecordVersionInput): Promise<PersonView> {
    return this.setArchived(ctx, input, false);
  }

  /**
   * Folds the duplicate into the survivor: the survivor keeps its values and takes
   * the duplicate's where it has none; e-mails, phones and tags are combined;
   * consent takes the stricter answer; affiliations, the timeline and whatever later
   * modules register in PersonMergeHooks (outreach, pledges, RSVPs…) move; the
   * duplicate is archived with a pointer to the survivor. One transaction, audited.
   */
  async merge(ctx: RequestContext, input: MergeRecordsInput): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const { survivor, duplicate } = await lockMergePair(ctx, 'Person', input, (id) => this.people.findVisible(ctx.ability, id, manager, true));

      const moved: Record<string, number> = { affiliations: await this.people.moveAffiliationsOfPerson(manager, duplicate.id, survivor.id) };
      Object.assign(moved, await this.mergeHooks.run({ manager, ctx, survivorId: survivor.id, duplicateId: duplicate.id }));
      moved.activity = await this.activity.moveSubject(manager, 'Person', duplicate.id, survivor.id);

      const survivorSaved = await this.people.updateVersioned(manager, survivor.id, survivor.version, mergedValues(survivor, duplicate));
      const duplicateSaved = await this.people.updateVersioned(manager, duplicate.id, duplicate.version, {
        archivedAt: duplicate.archivedAt ?? new Date(),
        mergedIntoId: survivor.id,
      });
      if (!survivorSaved || !duplicateSaved) throw new ConflictException();
      const after = (await this.people.findVisible(ctx.ability, survivor.id, manager))!;

      await recordMerge(
        manager,
        ctx,
        { audit: this.audit, activity: this.activity },
        {
          subjectType: 'Person',
          survivorBefore: auditView(survivor),
          survivorAfter: auditView(after),
          survivorId: survivor.id,
          duplicate,
          moved,
          personalFields: personalFields.Person,
        },
      );
      return this.view(ctx, after);
    });
  }

  /**
   * For the ladder of engagement (a module above people and outreach): stores a
   * derived stage with its reason, in the caller's transaction, on the timeline.
   */
  async setEngagementStage(manager: EntityManager, ctx: RequestContext | null, personId: string, stage: EngagementStage, reason: string): Promise<void> {
    const [, changed]: [unknown[], number] = await manager.query(
      `UPDATE person SET engagement_stage = $2, engagement_reason = $3, updated_at = now()
        WHERE id = $1 AND (engagement_stage, coalesce(engagement_reason, '')) IS DISTINCT FROM ($2, $3)`,
      [personId, stage, reason.slice(0, 500)],
    );
    if (changed)
      await this.activity.append(manager, ctx, [
        { subjectType: 'Person', subjectId: personId, kind: 'engagement.changed', recordType: 'Person', recordId: personId, summary: { stage } },
      ]);
  }

  private async setArchived(ctx: RequestContext, input: RecordVersionInput, archive: boolean): Promise<PersonView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, ctx, input.id, input.version, 'archive');
      if ((before.archivedAt !== null) === archive) return this.view(ctx, before);
      if (!archive && before.mergedIntoId) {
        throw new BadUserInputException([{ path: ['input', 'id'], message: 'was merged into another person and cannot be restored' }]);
      }
      if (!(await this.people.updateVersioned(manager, before.id, before.version, { archivedAt: archive ? new Date() : null }))) throw new ConflictException();
      const after = (await this.people.findVisible(ctx.ability, before.id, manager))!;
      await this.audit.record(manager, ctx, {
        action: `person.${archive ? 'archive' : 'restore'}`,
        subjectType: 'Person',
        subjectId: after.id,
        before: { archived: !archive },
        after: { archived: archive },
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Person', subjectId: after.id, kind: `record.${archive ? 'archived' : 'restored'}`, recordType: 'Person', recordId: after.id },
      ]);
      return this.view(ctx, after);
    });
  }

  /** Missing or out of scope → NOT_FOUND; not the caller's to change → FORBIDDEN; stale → CONFLICT. */
  private async loadForChange(manager: EntityManager, ctx: RequestContext, id: string, version: number, action: 'update' | 'archive'): Promise<PersonRow> {
    const row = await this.people.findVisible(ctx.ability, id, manager, true);
    if (!row) throw new NotFoundException('Person');
    if (!ctx.ability.can(action, subject('Person', { provinceCode: row.provinceCode, ownerId: row.ownerId, createdById: row.createdById })))
      throw new ForbiddenException();
    if (row.version !== version) throw new ConflictException();
    return row;
  }

  /** New affiliations need organizations the caller may see and that are active; others read as unknown. */
  private async assertOrganizationsUsable(manager: EntityManager, ctx: RequestContext, ids: string[], list?: { organizationId: string }[]): Promise<void> {
    const usable = await this.organizations.visibleActiveIds(manager, ctx, ids);
    const entries = list ?? ids.map((organizationId) => ({ organizationId }));
    const wanted = new Set(ids);
    const problems: FieldProblem[] = entries.flatMap((entry, index) =>
      wanted.has(entry.organizationId) && !usable.has(entry.organizationId)
        ? [{ path: ['input', 'affiliations', index, 'organizationId'], message: 'is not an organization you can see' }]
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

function auditView(row: PersonRow): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, affiliations, ...fields } = row;
  return { ...fields, affiliations: affiliations.map((a) => ({ organizationId: a.organizationId, title: a.title })) };
}
