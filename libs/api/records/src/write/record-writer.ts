import { Injectable } from '@nestjs/common';
import { canReadField, conditionFields, subject, type Action } from '@crm/authz';
import type { MergeRecordsInput, RecordVersionInput } from '@crm/contracts';
import {
  AuditService,
  BadUserInputException,
  ConflictException,
  ForbiddenException,
  NotFoundException,
  type FieldProblemInput,
  type RequestContext,
} from '@crm/platform';
import { ActivityRecorder, type ActivityEntry } from '@crm/timeline';
import { DataSource, type EntityManager } from 'typeorm';
import type { MergeHooks } from '../merge/merge-hooks';
import type { RecordKind, VersionedRow, VersionedStore } from './record-kind';

/** A change besides the row's own columns (a person's affiliations), written in the same cycle. */
export interface AlsoChange {
  /** Its name in the audit entry and the timeline's changed fields. */
  field: string;
  /** Writes it; answers the timeline entries it calls for (on other subjects too). */
  apply(manager: EntityManager): Promise<ActivityEntry[]>;
}

export interface RecordChange<Row, Values> {
  /** Fields the input gives (besides id and version): checked against the field rules before anything else. */
  given: readonly string[];
  /**
   * The values that differ from `before`, after the record type's own checks (throw
   * BAD_USER_INPUT to refuse); runs on the locked row, in the transaction.
   */
  plan(before: Row, manager: EntityManager): Promise<{ values: Values; also?: AlsoChange }>;
}

export interface MergeSpec<Row, Values> {
  hooks: MergeHooks;
  /** The survivor's values after the merge (only those that differ need be given). */
  mergedValues(survivor: Row, duplicate: Row): Values;
  /** The fields a user may take from the duplicate instead of the survivor (`fromDuplicate`): one value wins, nothing to combine. */
  choosable: readonly (keyof Values & keyof Row & string)[];
  /** The record type's own moves (a person's affiliations), before the hooks; rows moved per name. */
  moveOwn?(manager: EntityManager, survivor: Row, duplicate: Row): Promise<Record<string, number>>;
}

/**
 * The versioned-write cycle every record type shares (decision 055): lock the
 * record as the caller may see it (else NOT_FOUND), check the action on it (else
 * FORBIDDEN) and the fields given (a field one may not read is refused whatever
 * its value), check the version (else CONFLICT, nothing written), work out what
 * changes, re-check the scope of the result, write, then the audit entry (personal
 * values masked) and the timeline entries — all in one transaction, so they exist
 * exactly when the change does. A service states only what differs: its checks
 * and values (`RecordChange`), its SQL (`VersionedStore`), its names (`RecordKind`).
 */
@Injectable()
export class RecordWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
  ) {}

  /** Runs `work` in a transaction, or in the caller's when given. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, manager?: EntityManager): Promise<T> {
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** The audit entry and timeline entries of a record just inserted (in the insert's transaction). */
  async created<Row extends VersionedRow>(
    manager: EntityManager,
    ctx: RequestContext,
    kind: RecordKind<Row>,
    row: Row,
    also: ActivityEntry[] = [],
  ): Promise<void> {
    // The audit entry and the timeline entries: one statement (decision 115).
    const audit = this.audit.insertStatement(ctx, {
      action: `${kind.noun}.create`,
      subjectType: kind.subjectType,
      subjectId: row.id,
      before: null,
      after: kind.auditView(row),
      personalFields: kind.personalFields,
    });
    await this.activity.append(manager, ctx, [...this.entries(kind, row, 'created'), ...also], audit);
  }

  async update<Row extends VersionedRow, Values extends object>(
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    target: RecordVersionInput,
    change: RecordChange<Row, Values>,
    outer?: EntityManager,
  ): Promise<Row> {
    return this.transaction(async (manager) => {
      const before = await this.lockForChange(manager, ctx, kind, store, target, 'update');
      this.assertGivenWritable(ctx, kind, before, change.given);
      if (before.version !== target.version) throw new ConflictException();

      const { values, also } = await change.plan(before, manager);
      const changed = Object.keys(values).filter((field) => (values as Record<string, unknown>)[field] !== undefined);
      if (changed.length === 0 && !also) return before;

      // Nobody moves a record out of what they may edit (a coordinator to another region, another owner).
      const next = { ...before, ...values };
      if (!ctx.ability.can('update', subject(kind.subjectType, { ...next }))) {
        const field = changed.find((f) => conditionFields[kind.subjectType].includes(f)) ?? changed[0] ?? 'id';
        throw new BadUserInputException([{ path: ['input', field], code: 'outsideEditable' }]);
      }

      const alsoEntries = also ? await also.apply(manager) : [];
      const hidden = new Set(kind.protectedFields ?? []);
      const bump = Boolean(also) || changed.some((field) => !hidden.has(field));
      const after = await store.updateVersioned(manager, ctx.ability, target, values, { bump });
      if (!after) throw new ConflictException();

      await this.audit.record(manager, ctx, {
        action: `${kind.noun}.update`,
        subjectType: kind.subjectType,
        subjectId: after.id,
        before: kind.auditView(before),
        after: kind.auditView(after),
        personalFields: kind.personalFields,
      });
      // The timeline names fields, never values; a reader sees only the fields they may read (TimelineService).
      const fields = [...changed, ...(also ? [also.field] : [])];
      await this.activity.append(manager, ctx, [...this.entries(kind, after, 'updated', { fields }), ...alsoEntries]);
      return after;
    }, outer);
  }

  archive<Row extends VersionedRow, Values extends object>(
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    target: RecordVersionInput,
    outer?: EntityManager,
  ) {
    return this.setArchived(ctx, kind, store, target, true, outer);
  }

  restore<Row extends VersionedRow, Values extends object>(
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    target: RecordVersionInput,
    outer?: EntityManager,
  ) {
    return this.setArchived(ctx, kind, store, target, false, outer);
  }

  /**
   * Folds the duplicate into the survivor: both locked (in id order, so two merges
   * of one pair cannot deadlock), both visible and mergeable, both at the versions
   * the caller saw; what points at the duplicate moves (own moves, then the hooks,
   * then its timeline); the survivor takes `mergedValues`; the duplicate is archived
   * with a pointer to the survivor. Audited on both, on both timelines.
   */
  async merge<Row extends VersionedRow, Values extends object>(
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    input: MergeRecordsInput,
    spec: MergeSpec<Row, Values>,
  ): Promise<Row> {
    return this.dataSource.transaction(async (manager) => {
      const locked = new Map<string, Row>();
      for (const id of [input.survivorId, input.duplicateId].sort()) {
        const row = await store.lockVisible(manager, ctx.ability, id);
        if (!row) throw new NotFoundException(kind.subjectType);
        locked.set(id, row);
      }
      const survivor = locked.get(input.survivorId)!;
      const duplicate = locked.get(input.duplicateId)!;
      for (const row of [survivor, duplicate]) {
        if (!ctx.ability.can('merge', subject(kind.subjectType, { ...row }))) throw new ForbiddenException();
      }
      if (survivor.version !== input.survivorVersion || duplicate.version !== input.duplicateVersion) throw new ConflictException();
      if (duplicate.mergedIntoId) {
        throw new BadUserInputException([{ path: ['input', 'duplicateId'], code: 'alreadyMerged' }]);
      }
      if (survivor.archivedAt) throw new BadUserInputException([{ path: ['input', 'survivorId'], code: 'archivedSurvivor' }]);
      const fromDuplicate = [...new Set(input.fromDuplicate ?? [])];
      const unknown = fromDuplicate.flatMap((field, index) =>
        (spec.choosable as readonly string[]).includes(field) ? [] : [{ path: ['input', 'fromDuplicate', index], code: 'invalid' as const }],
      );
      if (unknown.length) throw new BadUserInputException(unknown);

      const moved: Record<string, number> = { ...(await spec.moveOwn?.(manager, survivor, duplicate)) };
      Object.assign(moved, await spec.hooks.run({ manager, ctx, survivorId: survivor.id, duplicateId: duplicate.id }));
      for (const { subjectType, subjectId } of kind.timeline(duplicate).subjects) {
        if (subjectId === duplicate.id) moved.activity = await this.activity.moveSubject(manager, subjectType, duplicate.id, survivor.id);
      }

      // The user's choices field by field win over the rules (the survivor's value, else the duplicate's).
      const chosen = Object.fromEntries(fromDuplicate.map((field) => [field, duplicate[field as keyof Row]]));
      const values = { ...spec.mergedValues(survivor, duplicate), ...chosen } as Values;
      const after = await store.updateVersioned(manager, ctx.ability, survivor, values, { bump: true });
      const archived = await store.updateVersioned(
        manager,
        ctx.ability,
        duplicate,
        { archivedAt: duplicate.archivedAt ?? new Date(), mergedIntoId: survivor.id } as Values,
        { bump: true },
      );
      if (!after || !archived) throw new ConflictException();

      await this.audit.record(manager, ctx, {
        action: `${kind.noun}.merge`,
        subjectType: kind.subjectType,
        subjectId: survivor.id,
        before: { ...kind.auditView(survivor), mergedFromId: null, moved: null, fromDuplicate: null },
        after: { ...kind.auditView(after), mergedFromId: duplicate.id, moved, fromDuplicate: fromDuplicate.length ? fromDuplicate : null },
        personalFields: kind.personalFields,
      });
      await this.audit.record(manager, ctx, {
        action: `${kind.noun}.mergedInto`,
        subjectType: kind.subjectType,
        subjectId: duplicate.id,
        before: { archived: duplicate.archivedAt !== null, mergedIntoId: null },
        after: { archived: true, mergedIntoId: survivor.id },
      });
      await this.activity.append(manager, ctx, [
        ...this.entries(kind, after, 'merged', { duplicateId: duplicate.id, moved }, duplicate.id),
        ...this.entries(kind, duplicate, 'mergedInto', { survivorId: survivor.id }, survivor.id),
      ]);
      return after;
    });
  }

  private async setArchived<Row extends VersionedRow, Values extends object>(
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    target: RecordVersionInput,
    archive: boolean,
    outer?: EntityManager,
  ): Promise<Row> {
    return this.transaction(async (manager) => {
      const before = await this.lockForChange(manager, ctx, kind, store, target, 'archive');
      if (before.version !== target.version) throw new ConflictException();
      if ((before.archivedAt !== null) === archive) return before;
      if (!archive && before.mergedIntoId) {
        throw new BadUserInputException([{ path: ['input', 'id'], code: 'mergedCannotRestore' }]);
      }
      const after = await store.updateVersioned(manager, ctx.ability, target, { archivedAt: archive ? new Date() : null } as Values, { bump: true });
      if (!after) throw new ConflictException();
      const action = archive ? 'archive' : 'restore';
      await this.audit.record(manager, ctx, {
        action: `${kind.noun}.${action}`,
        subjectType: kind.subjectType,
        subjectId: after.id,
        before: { archived: !archive },
        after: { archived: archive },
      });
      await this.activity.append(manager, ctx, this.entries(kind, after, archive ? 'archived' : 'restored'));
      return after;
    }, outer);
  }

  /** Missing or out of scope → NOT_FOUND; not the caller's to change → FORBIDDEN. */
  private async lockForChange<Row extends VersionedRow, Values extends object>(
    manager: EntityManager,
    ctx: RequestContext,
    kind: RecordKind<Row>,
    store: VersionedStore<Row, Values>,
    target: RecordVersionInput,
    action: Action,
  ): Promise<Row> {
    const row = await store.lockVisible(manager, ctx.ability, target.id);
    if (!row) throw new NotFoundException(kind.subjectType);
    if (!ctx.ability.can(action, subject(kind.subjectType, { ...row }))) throw new ForbiddenException();
    return row;
  }

  /**
   * A field the caller may not change is refused whenever it is given, before its
   * value is compared with anything: the answer never depends on a value the caller
   * may not read (a person's lived experience, an organization's internal notes),
   * and every such field is named at once.
   */
  private assertGivenWritable<Row extends VersionedRow>(ctx: RequestContext, kind: RecordKind<Row>, before: Row, given: readonly string[]): void {
    const refused = given.filter((field) => !canReadField(ctx.ability, 'update', kind.subjectType, field, before));
    if (refused.length === 0) return;
    const problems: FieldProblemInput[] = refused.map((field) => ({ path: ['input', field], code: 'notYours' }));
    throw new BadUserInputException(problems, 'You may not change some of these fields');
  }

  private entries<Row extends VersionedRow>(
    kind: RecordKind<Row>,
    row: Row,
    event: string,
    summary?: Record<string, unknown>,
    recordId = row.id,
  ): ActivityEntry[] {
    const { subjects, prefix } = kind.timeline(row);
    return subjects.map(({ subjectType, subjectId }) => ({
      subjectType,
      subjectId,
      kind: `${prefix}.${event}`,
      recordType: kind.subjectType,
      recordId,
      ...(summary ? { summary } : {}),
    }));
  }
}
