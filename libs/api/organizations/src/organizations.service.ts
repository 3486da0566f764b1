import { Injectable, type OnModuleInit } from '@nestjs/common';
import { subject } from '@crm/authz';
import {
  organizationMergeChoosable,
  postalCodeMatchesProvince,
  type CreateOrganizationInput,
  type MergeRecordsInput,
  type OrganizationDuplicatesInput,
  type OrganizationFilter,
  type RecordVersionInput,
  type UpdateOrganizationInput,
} from '@crm/contracts';
import { AuditSubjects, MemberContactsService, MemberOrganizations } from '@crm/identity';
import { BadUserInputException, NotFoundException, type RequestContext } from '@crm/platform';
import { combineNotes, RecordRules, RecordWriter } from '@crm/records';
import { TimelineSubjects } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import { OrganizationMergeHooks } from './organization-merge-hooks';
import { organizationKind } from './organization.kind';
import { OrganizationRepository, type OrganizationValues } from './organization.repository';
import { organizationWritableColumns, type OrganizationRow, type OrganizationWritableField } from './organization.row';

const notesLimit = 10_000;
const tagsLimit = 20;
// Enough to recognise the one already there; more means the name is too common to warn about each.
const duplicatesShown = 5;

@Injectable()
export class OrganizationsService implements OnModuleInit {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly rules: RecordRules,
    private readonly writer: RecordWriter,
    private readonly mergeHooks: OrganizationMergeHooks,
    private readonly timelineSubjects: TimelineSubjects,
    private readonly memberContacts: MemberContactsService,
    private readonly memberOrganizations: MemberOrganizations,
    private readonly auditSubjects: AuditSubjects,
  ) {}

  onModuleInit(): void {
    this.timelineSubjects.register('Organization', {
      ruleFields: (ctx, id) => this.organizations.findVisible(ctx.ability, id),
      visibleIds: (ctx, ids) => this.organizations.visibleIds(ctx.ability, ids),
    });
    this.auditSubjects.register('Organization', (ability, ids) => this.organizations.auditNames(ability, ids));
    this.memberOrganizations.register((manager, id) => this.organizations.isActive(manager, id));
    this.mergeHooks.register('memberContacts', ({ manager, duplicateId, survivorId }) =>
      this.memberContacts.moveToOrganization(manager, duplicateId, survivorId),
    );
  }

  list(ctx: RequestContext, filter: OrganizationFilter, first: number, after: string | null | undefined) {
    return this.organizations.list(ctx.ability, filter, first, after);
  }

  /** Active organizations in all, and members among them: coalition-wide figures (numbers only, no scope). */
  activeCounts(): Promise<{ all: number; members: number }> {
    return this.organizations.activeCounts();
  }

  count(ctx: RequestContext, filter: OrganizationFilter): Promise<number> {
    return this.organizations.count(ctx.ability, filter);
  }

  duplicatesOf(ctx: RequestContext, input: OrganizationDuplicatesInput): Promise<OrganizationRow[]> {
    return this.organizations.duplicatesOf(ctx.ability, input, duplicatesShown);
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
      throw new BadUserInputException([{ path: ['input', 'provinceCode'], code: 'outsideRegions' }], 'You cannot create an organization there');
    }
    return this.writer.transaction(async (manager) => {
      await this.rules.assertTagsKnown(manager, values.tags);
      await this.rules.assertOwner(manager, ctx, values.ownerId);
      const created = await this.organizations.insert(manager, { ...values, createdById });
      await this.writer.created(manager, ctx, organizationKind, created);
      return created;
    });
  }

  update(ctx: RequestContext, input: UpdateOrganizationInput): Promise<OrganizationRow> {
    const { id, version, ...changes } = input;
    return this.writer.update(
      ctx,
      organizationKind,
      this.organizations,
      { id, version },
      {
        given: Object.keys(changes).filter((field) => changes[field as keyof typeof changes] !== undefined),
        plan: async (before, manager) => {
          const values = changedValues(before, changes as OrganizationValues);
          const next = { ...before, ...values };
          if (
            next.postalCode &&
            (values.postalCode !== undefined || values.provinceCode !== undefined) &&
            !postalCodeMatchesProvince(next.postalCode, next.provinceCode)
          ) {
            throw new BadUserInputException([{ path: ['input', 'postalCode'], code: 'postalCodeProvince', params: { province: next.provinceCode } }]);
          }
          await this.rules.assertTagsKnown(manager, values.tags);
          if (values.ownerId !== undefined) await this.rules.assertOwner(manager, ctx, values.ownerId);
          return { values };
        },
      },
    );
  }

  archive(ctx: RequestContext, input: RecordVersionInput): Promise<OrganizationRow> {
    return this.writer.archive(ctx, organizationKind, this.organizations, input);
  }

  restore(ctx: RequestContext, input: RecordVersionInput): Promise<OrganizationRow> {
    return this.writer.restore(ctx, organizationKind, this.organizations, input);
  }

  /**
   * Folds the duplicate into the survivor: the survivor keeps its values and takes
   * the duplicate's where it has none (tags and notes are combined); everything
   * that pointed at the duplicate moves (member contacts, affiliations, timeline,
   * and whatever later modules register in OrganizationMergeHooks); the duplicate
   * is archived with a pointer to the survivor. One transaction, audited.
   */
  async merge(ctx: RequestContext, input: MergeRecordsInput): Promise<OrganizationRow> {
    const merged = await this.writer.merge(ctx, organizationKind, this.organizations, input, {
      hooks: this.mergeHooks,
      mergedValues,
      choosable: organizationMergeChoosable,
    });
    // The duplicate's member contacts now act for the survivor: their sessions must say so at once.
    await this.memberContacts.refreshSessionsOf(merged.id);
    return merged;
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
    notes: combineNotes(survivor.notes, duplicate.notes, duplicate.nameEn, notesLimit),
  };
}
