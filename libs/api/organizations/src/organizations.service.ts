import { Injectable, type OnModuleInit } from '@nestjs/common';
import { canReadField, personalFields, subject } from '@crm/authz';
import {
  postalCodeMatchesProvince,
  type CreateOrganizationInput,
  type MergeRecordsInput,
  type OrganizationFilter,
  type RecordVersionInput,
  type UpdateOrganizationInput,
} from '@crm/contracts';
import {
  AuditService,
  BadUserInputException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  type RequestContext,
  SessionCache,
} from '@crm/platform';
import { ActivityRecorder, TimelineSubjects } from '@crm/timeline';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganizationMergeHooks } from './merge-hooks';
import { lockMergePair, recordMerge } from './merge-records';
import { OrganizationRepository, type OrganizationValues } from './organization.repository';
import { organizationWritableColumns, type OrganizationRow, type OrganizationWritableField } from './organization.row';
import { RecordRules } from './record-rules';

// An organization's own e-mail and phone may be a person's: masked in the audit
// log like the contact fields authz lists.
const auditMasked = [...personalFields.Organization, 'email', 'phone'];
const notesLimit = 10_000;
const tagsLimit = 20;

@Injectable()
export class OrganizationsService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationRepository,
    private readonly rules: RecordRules,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
    private readonly mergeHooks: OrganizationMergeHooks,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly sessionCache: SessionCache,
  ) {}

  onModuleInit(): void {
    this.timelineSubjects.register('Organization', (ctx, id) => this.organizations.isVisible(ctx.ability, id));
    this.mergeHooks.register('memberContacts', ({ manager, duplicateId, survivorId }) =>
      this.organizations.moveMemberContacts(manager, duplicateId, survivorId),
    );
  }

  list(ctx: RequestContext, filter: OrganizationFilter, first: number, after: string | null | undefined) {
    return this.organizations.list(ctx.ability, filter, first, after);
  }

  search(ctx: RequestContext, text: string, first: number): Promise<OrganizationRow[]> {
    return this.organizations.search(ctx.ability, text, first);
  }

  async get(ctx: RequestContext, id: string): Promise<OrganizationRow> {
    const row = await this.organizations.findVisible(ctx.ability, id);
    if (!row) throw new NotFoundException('Organization');
    return row;
  }

  /** Ids among `ids` the caller may read and that are not archived (for affiliations). */
  visibleActiveIds(manager: EntityManager, ctx: RequestContext, ids: string[]): Promise<Set<string>> {
    return this.organizations.visibleActiveIds(manager, ctx.ability, ids);
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<OrganizationRow> {
    const values: Required<OrganizationValues> = {
      nameEn: input.nameEn,
      nameFr: input.nameFr ?? input.nameEn,
      kind: input.kind,
      membership: input.membership,
      membershipSince: input.membershipSince ?? null,
      provinceCode: input.provinceCode,
      city: input.city ?? null,
      postalCode: input.postalCode ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      website: input.website ?? null,
      tags: input.tags,
      notes: input.notes ?? null,
      ownerId: input.ownerId ?? null,
    };
    const createdById = ctx.actor?.id ?? null;
    if (!ctx.ability.can('create', subject('Organization', { provinceCode: values.provinceCode, ownerId: values.ownerId, createdById }))) {
      throw new BadUserInputException([{ path: ['input', 'provinceCode'], message: 'is outside your regions' }], 'You cannot create an organization there');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.rules.assertTagsKnown(manager, values.tags);
      await this.rules.assertOwner(manager, ctx, values.ownerId);
      const created = await this.organizations.insert(manager, { ...values, createdById });
      await this.audit.record(manager, ctx, {
        action: 'organization.create',
        subjectType: 'Organization',
        subjectId: created.id,
        before: null,
        after: auditView(created),
        personalFields: auditMasked,
      });
      await this.activity.append(manager, ctx, [
        { subjectType: 'Organization', subjectId: created.id, kind: 'record.created', recordType: 'Organization', recordId: created.id },
      ]);
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateOrganizationInput): Promise<OrganizationRow> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, ctx, input.id, input.version, 'update');
      const { id: _id, version: _version, ...changes } = input;
      const values = changedValues(before, changes as OrganizationValues);
      if (Object.keys(values).length === 0) return before;
      const next = { ...before, ...values };
      if (
        next.postalCode &&
        (values.postalCode !== undefined || values.provinceCode !== undefined) &&
        !postalCodeMatchesProvince(next.postalCode, next.provinceCode)
      ) {
        throw new BadUserInputException([{ path: ['input', 'postalCode'], message: `is not a postal code of ${next.provinceCode}` }]);
      }
      // Field-level rules: a MEMBER changes their organization's profile, not its membership or notes.
      const refused = Object.keys(values).filter((field) => !canReadField(ctx.ability, 'update', 'Organization', field, before));
      if (refused.length) {
        throw new BadUserInputException(
          refused.map((field) => ({ path: ['input', field], message: 'is set by the coalition; you may not change it' })),
          'You may change only your organization’s profile',
        );
      }
      // Nobody moves a record out of what they may see (a coordinator to another region).
      if (!ctx.ability.can('update', subject('Organization', { ...next }))) {
        throw new BadUserInputException([
          { path: ['input', values.provinceCode !== undefined ? 'provinceCode' : 'ownerId'], message: 'would put the organization outside what you may edit' },
        ]);
      }
      await this.rules.assertTagsKnown(manager, values.tags);
      if (values.ownerId !== undefined) await this.rules.assertOwner(manager, ctx, values.ownerId);
      const after = await this.organizations.updateVersioned(manager, before.id, before.version, values);
      if (!after) throw new ConflictException();
      await this.audit.record(manager, ctx, {
        action: 'organization.update',
        subjectType: 'Organization',
        subjectId: after.id,
        before: auditView(before),
        after: auditView(after),
        personalFields: auditMasked,
      });
      await this.activity.append(manager, ctx, [
        {
          subjectType: 'Organization',
          subjectId: after.id,
          kind: 'record.updated',
          recordType: 'Organization',
          recordId: after.id,
          summary: { fields: Object.keys(values) },
        },
      ]);
      return after;
    });
  }

  archive(ctx: RequestContext, input: RecordVersionInput): Promise<OrganizationRow> {
    return this.setArchived(ctx, input, true);
  }

  restore(ctx: RequestContext, input: RecordVersionInput): Promise<OrganizationRow> {
    return this.setArchived(ctx, input, false);
  }

  /**
   * Folds the duplicate into the survivor: the survivor keeps its values and takes
   * the duplicate's where it has none (tags and notes are combined); everything
   * that pointed at the duplicate moves (member contacts, affiliations, timeline,
   * and whatever later modules register in OrganizationMergeHooks); the duplicate
   * is archived with a pointer to the survivor. One transaction, audited.
   */
  async merge(ctx: RequestContext, input: MergeRecordsInput): Promise<OrganizationRow> {
    const merged = await this.dataSource.transaction(async (manager) => {
      const { survivor, duplicate } = await lockMergePair(ctx, 'Organization', input, (id) => this.organizations.findVisible(ctx.ability, id, manager, true));

      const step = { manager, ctx, survivorId: survivor.id, duplicateId: duplicate.id };
      const moved = await this.mergeHooks.run(step);
      moved.activity = await this.activity.moveSubject(manager, 'Organization', duplicate.id, survivor.id);

      const after = await this.organizations.updateVersioned(manager, survivor.id, survivor.version, mergedValues(survivor, duplicate));
      const archived = await this.organizations.updateVersioned(manager, duplicate.id, duplicate.version, {
        archivedAt: duplicate.archivedAt ?? new Date(),
        mergedIntoId: survivor.id,
      });
      if (!after || !archived) throw new ConflictException();

      await recordMerge(
        manager,
        ctx,
        { audit: this.audit, activity: this.activity },
        {
          subjectType: 'Organization',
          survivorBefore: auditView(survivor),
          survivorAfter: auditView(after),
          survivorId: survivor.id,
          duplicate,
          moved,
          personalFields: auditMasked,
        },
      );
      return after;
    });
    // The duplicate's member contacts now act for the survivor: their sessions must say so at once.
    await this.sessionCache.invalidateUsers(await this.organizations.memberContactIds(merged.id));
    return merged;
  }

  private async setArchived(ctx: RequestContext, input: RecordVersionInput, archive: boolean): Promise<OrganizationRow> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.loadForChange(manager, ctx, input.id, input.version, 'archive');
      if ((before.archivedAt !== null) === archive) return before;
      if (!archive && before.mergedIntoId) {
        throw new BadUserInputException([{ path: ['input', 'id'], message: 'was merged into another organization and cannot be restored' }]);
      }
      const after = await this.organizations.updateVersioned(manager, before.id, before.version, { archivedAt: archive ? new Date() : null });
      if (!after) throw new ConflictException();
      const action = archive ? 'archive' : 'restore';
      await this.audit.record(manager, ctx, {
        action: `organization.${action}`,
        subjectType: 'Organization',
        subjectId: after.id,
        before: { archived: !archive },
        after: { archived: archive },
      });
      await this.activity.append(manager, ctx, [
        {
          subjectType: 'Organization',
          subjectId: after.id,
          kind: `record.${archive ? 'archived' : 'restored'}`,
          recordType: 'Organization',
          recordId: after.id,
        },
      ]);
      return after;
    });
  }

  /** Loads and locks a record for a change: missing or out of scope → NOT_FOUND, not allowed → FORBIDDEN, stale → CONFLICT. */
  private async loadForChange(
    manager: EntityManager,
    ctx: RequestContext,
    id: string,
    version: number,
    action: 'update' | 'archive',
  ): Promise<OrganizationRow> {
    const row = await this.organizations.findVisible(ctx.ability, id, manager, true);
    if (!row) throw new NotFoundException('Organization');
    if (!ctx.ability.can(action, subject('Organization', { ...row }))) throw new ForbiddenException();
    if (row.version !== version) throw new ConflictException();
    return row;
  }
}

/** The fields of `changes` that differ from `row` (undefined = not given). */
function changedValues(row: OrganizationRow, changes: OrganizationValues): OrganizationValues {
  const values: Record<string, unknown> = {};
  for (const field of Object.keys(organizationWritableColumns) as OrganizationWritableField[]) {
    const value = changes[field];
    if (value === undefined) continue;
    // nameFr left empty falls back to the English name, as on create.
    const next = field === 'nameFr' && value === null ? (changes.nameEn ?? row.nameEn) : value;
    if (JSON.stringify(next) !== JSON.stringify(row[field])) values[field] = next;
  }
  return values as OrganizationValues;
}

function mergedValues(survivor: OrganizationRow, duplicate: OrganizationRow): OrganizationValues {
  const fill = <K extends OrganizationWritableField>(field: K): OrganizationRow[K] => survivor[field] ?? duplicate[field];
  const samePlace = survivor.provinceCode === duplicate.provinceCode;
  return {
    membershipSince: [survivor.membershipSince, duplicate.membershipSince].filter((d): d is string => d !== null).sort()[0] ?? null,
    city: survivor.city ?? (samePlace ? duplicate.city : null),
    postalCode: survivor.postalCode ?? (samePlace ? duplicate.postalCode : null),
    email: fill('email'),
    phone: fill('phone'),
    website: fill('website'),
    ownerId: fill('ownerId'),
    tags: [...new Set([...survivor.tags, ...duplicate.tags])].slice(0, tagsLimit),
    notes: combineNotes(survivor.notes, duplicate.notes, duplicate.nameEn),
  };
}

/** Both notes survive a merge; the duplicate's under a line naming where they came from. */
export function combineNotes(survivor: string | null, duplicate: string | null, from: string): string | null {
  if (!duplicate || duplicate === survivor) return survivor;
  if (!survivor) return duplicate;
  return `${survivor}\n\n— ${from}:\n${duplicate}`.slice(0, notesLimit);
}

function auditView(row: OrganizationRow): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdById: _b, ...fields } = row;
  return fields;
}
