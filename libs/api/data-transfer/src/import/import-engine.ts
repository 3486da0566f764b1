import { Injectable, Logger } from '@nestjs/common';
import { personalFields, type AppAbility } from '@crm/authz';
import { AuditService, ConflictException, type AuditInput, type RequestContext } from '@crm/platform';
import { ActivityRecorder, type ActivityEntry } from '@crm/timeline';
import { DataSource, type EntityManager } from 'typeorm';
import { ActorContextService, assignableByEmail } from '@crm/identity';
import { OrganizationBulkRepository, type OrganizationState } from '@crm/organizations';
import { PersonBulkRepository, type PersonState } from '@crm/people';
import { ImportBatchRepository, type Applied, type DryRunCounts, type ImportBatchRow, type ImportRowRecord, type RunCounts } from './import-batch.repository';
import { mayImport } from './import-access';
import type { ImportKind } from './import-fields';
import { planChunk, type FileRef, type Pending, type PlanInput, type PlannedRow } from './import-planner';
import { ImportRecordsRepository } from './import-records.repository';
import {
  lookupsNeeded,
  prepareRow,
  provinceReader,
  tagReader,
  withColumns,
  type ColumnField,
  type ImportLookups,
  type RowInput,
  type RowProblem,
} from './row-input';

/** Rows per transaction: big enough for set-based statements, small enough to hold few locks for long. */
export const IMPORT_CHUNK = 1000;

type State = PersonState | OrganizationState;
const auditMasked = { people: [...personalFields.Person], organizations: [...personalFields.Organization, 'email', 'phone'] };
const subjectType = { people: 'Person', organizations: 'Organization' } as const;
const auditAction = { people: 'person', organizations: 'organization' } as const;

/**
 * The two import jobs. Both act for the user who uploaded the file (their
 * ability now, not when they uploaded), work in chunks of IMPORT_CHUNK rows,
 * and check the batch's status before each chunk, so a cancel or a new mapping
 * stops them. Both may run again after a crash: the dry run starts over; the
 * run takes only rows not yet applied (a row is marked applied in the same
 * transaction as the record it writes).
 */
@Injectable()
export class ImportEngine {
  private readonly logger = new Logger(ImportEngine.name);
  /** Rows per transaction (tests make it small to cross chunk boundaries with a few rows). */
  chunkSize = IMPORT_CHUNK;

  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: ImportBatchRepository,
    private readonly records: ImportRecordsRepository,
    private readonly people: PersonBulkRepository,
    private readonly organizations: OrganizationBulkRepository,
    private readonly actors: ActorContextService,
    private readonly activity: ActivityRecorder,
    private readonly audit: AuditService,
  ) {}

  async dryRun(batchId: string): Promise<void> {
    const start = await this.begin(batchId, 'validating');
    if (!start) return;
    const { batch, ctx } = start;
    await this.dataSource.transaction(async (manager) => {
      await this.batches.transition(manager, batchId, ['validating'], 'validating', {
        validated_rows: 0,
        create_count: 0,
        update_count: 0,
        skip_count: 0,
        error_count: 0,
      });
      await this.batches.clearDryRun(manager, batchId);
    });
    const base = await this.baseLookups();
    // Earlier rows of the file by duplicate key, across chunks (ids and row numbers only).
    const file = new Map<string, FileRef>();
    let after = 0;
    for (;;) {
      const more = await this.dataSource.transaction(async (manager) => {
        await indexAccessOnly(manager);
        if (!(await this.stillIn(manager, batchId, 'validating'))) return false;
        const rows = await this.batches.rowsAfter(manager, batchId, after, this.chunkSize);
        if (rows.length === 0) {
          await this.batches.transition(manager, batchId, ['validating'], 'validated', { validated_at: new Date() });
          return false;
        }
        after = rows[rows.length - 1].rowNumber;
        const inputs = await this.prepare(manager, batch, ctx, rows, base);
        const { keys, matches } = await this.match(manager, batch.kind, ctx.ability, inputs, false);
        const planned = planChunk(this.planContext(batch, ctx), inputs, keys, matches, file);
        // Only the row numbers stay for later chunks, not the records' values.
        for (const rowKeys of keys) {
          for (const key of rowKeys) {
            const ref = file.get(key);
            if (ref) ref.pending = null;
          }
        }
        const counts: DryRunCounts = { validatedRows: rows.length, create: 0, update: 0, skip: 0, error: 0 };
        for (const row of planned) counts[row.fate]++;
        await this.batches.saveDryRun(
          manager,
          batchId,
          planned.map((row, i) => ({
            rowNumber: row.rowNumber,
            fate: row.fate,
            // An invalid row's reasons; a valid row's warnings (what was left out of it).
            problems: problemsToKeep(row.problems.length ? row.problems : (inputs[i].warnings ?? []), batch.headers, batch.mapping!),
            input: row.fate === 'error' ? null : inputs[i].input,
            matchId: row.matchId,
            duplicateOfRow: row.duplicateOfRow,
          })),
          counts,
        );
        return true;
      });
      if (!more) break;
    }
    this.logger.log({ importBatchId: batchId, msg: 'import dry run finished' });
  }

  async run(batchId: string): Promise<void> {
    const start = await this.begin(batchId, 'importing');
    if (!start) return;
    const { batch, ctx } = start;
    let after = 0;
    for (;;) {
      const more = await this.dataSource.transaction(async (manager) => {
        await indexAccessOnly(manager);
        // The lock makes chunks of two runs of the same batch (a retried job) take turns.
        const current = await this.batches.find(manager, batchId, true);
        if (current?.status !== 'importing') return false;
        const rows = await this.batches.pendingRows(manager, batchId, after, this.chunkSize);
        if (rows.length === 0) {
          await this.batches.transition(manager, batchId, ['importing'], 'imported', { finished_at: new Date() });
          return false;
        }
        await this.applyChunk(manager, batch, ctx, rows);
        after = rows[rows.length - 1].rowNumber;
        return true;
      });
      if (!more) break;
    }
    this.logger.log({ importBatchId: batchId, msg: 'import run finished' });
  }

  /** A failed job's batch (after its last attempt): stopped, with the reason, so the screen does not wait forever. */
  async markFailed(batchId: string, status: 'validating' | 'importing', reason: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.batches.transition(manager, batchId, [status], 'failed', { last_error: reason.slice(0, 1000), finished_at: new Date() }),
    );
  }

  async noteError(batchId: string, reason: string): Promise<void> {
    await this.batches.setLastError(batchId, reason);
  }

  private async begin(batchId: string, status: 'validating' | 'importing'): Promise<{ batch: ImportBatchRow; ctx: RequestContext } | null> {
    const batch = await this.batches.find(this.dataSource.manager, batchId);
    // Gone, cancelled, remapped or already done: a repeated job has nothing to do.
    if (!batch || batch.status !== status || !batch.mapping || !batch.duplicatePolicy) return null;
    const ctx = await this.actors.contextFor(batch.createdById, `import:${batch.id}`);
    if (!ctx || !mayImport(ctx.ability, batch.kind)) {
      await this.markFailed(batchId, status, 'The user who started this import may no longer import these records');
      return null;
    }
    return { batch, ctx };
  }

  private async stillIn(manager: EntityManager, batchId: string, status: 'validating' | 'importing'): Promise<boolean> {
    const current = await this.batches.find(manager, batchId, true);
    return current?.status === status;
  }

  private planContext(batch: ImportBatchRow, ctx: RequestContext) {
    return {
      kind: batch.kind,
      ability: ctx.ability,
      actorId: ctx.actor!.id,
      ownsWhatTheyAdd: batch.kind === 'people' && ctx.actor!.role === 'COORDINATOR',
      policy: batch.duplicatePolicy!,
    };
  }

  private async baseLookups(): Promise<Pick<ImportLookups, 'province' | 'tag'>> {
    const manager = this.dataSource.manager;
    return { province: provinceReader(await this.records.provinces(manager)), tag: tagReader(await this.records.tags(manager)) };
  }

  /** Cells → the create schema's input, with the chunk's owners and organizations looked up in two statements. */
  private async prepare(
    manager: EntityManager,
    batch: ImportBatchRow,
    ctx: RequestContext,
    rows: ImportRowRecord[],
    base: Pick<ImportLookups, 'province' | 'tag'>,
  ): Promise<PlanInput[]> {
    const mapping = batch.mapping!;
    const needed = lookupsNeeded(
      batch.kind,
      rows.map((r) => r.cells),
      mapping,
    );
    const lookups: ImportLookups = {
      ...base,
      // Owners as the single-record forms allow them (a coordinator: staff, themselves, coordinators of their provinces).
      owners: await assignableByEmail(manager, ctx.actor!, needed.ownerEmails),
      organizations: await this.organizations.idsByName(manager, ctx.ability, needed.organizationNames),
    };
    return rows.map((row) => {
      const prepared = prepareRow(batch.kind, row.cells, batch.headers, mapping, lookups);
      return prepared.ok
        ? { rowNumber: row.rowNumber, input: prepared.input, problems: [], warnings: prepared.warnings }
        : { rowNumber: row.rowNumber, input: null, problems: prepared.problems };
    });
  }

  /** Each row's duplicate keys and the existing records they match (locked when applying). */
  private async match(
    manager: EntityManager,
    kind: ImportKind,
    ability: AppAbility,
    rows: PlanInput[],
    lock: boolean,
  ): Promise<{ keys: string[][]; matches: State[][] }> {
    if (kind === 'people') {
      const keys = rows.map((row) => ((row.input?.values.emails as string[] | undefined) ?? []).map((e) => e.toLowerCase()));
      const people = await this.people.byEmails(manager, ability, [...new Set(keys.flat())], lock);
      const byEmail = new Map<string, PersonState[]>();
      for (const person of people) for (const email of person.emails) byEmail.set(email.toLowerCase(), [...(byEmail.get(email.toLowerCase()) ?? []), person]);
      return { keys, matches: keys.map((emails) => emails.flatMap((email) => byEmail.get(email) ?? [])) };
    }
    const withInput = rows.map((row, i) => ({ i, values: row.input?.values })).filter((r) => r.values);
    const found = await this.organizations.byNameAndCity(
      manager,
      ability,
      withInput.map((r) => ({ name: r.values!.nameEn as string, city: (r.values!.city as string | null | undefined) ?? null })),
      lock,
    );
    const keys: string[][] = rows.map(() => []);
    const matches: State[][] = rows.map(() => []);
    withInput.forEach((r, j) => {
      keys[r.i] = [found.keys[j]];
      matches[r.i] = found.matches[j];
    });
    return { keys, matches };
  }

  /** One chunk of the run, in the caller's transaction: records written, audited, on the timeline; rows marked applied. */
  private async applyChunk(manager: EntityManager, batch: ImportBatchRow, ctx: RequestContext, rows: ImportRowRecord[]): Promise<void> {
    const kind = batch.kind;
    // Rows the dry run skipped as duplicates stay skipped; the others are planned again against the records as they are now.
    const toPlan = rows.filter((row) => row.fate !== 'skip');
    const inputs: PlanInput[] = toPlan.map((row) => ({
      rowNumber: row.rowNumber,
      input: row.input as RowInput | null,
      problems: row.input ? [] : [{ field: null, column: null, message: 'has no checked values: run the dry run again' }],
    }));
    const { keys, matches } = await this.match(manager, kind, ctx.ability, inputs, true);
    const planned = planChunk(this.planContext(batch, ctx), inputs, keys, matches, new Map());

    const pendings = unique(planned.map((row) => row.pending).filter((p): p is Pending => p !== null));
    const creates = pendings.filter((p) => p.original === null);
    const updates = pendings.filter((p) => p.original !== null && changed(p.original, p.state));
    if (kind === 'people') {
      await this.people.insertMany(
        manager,
        creates.map((p) => p.state as PersonState),
      );
      if (
        (await this.people.updateManyVersioned(
          manager,
          updates.map((p) => p.state as PersonState),
        )) !== updates.length
      )
        throw new ConflictException();
    } else {
      await this.organizations.insertMany(
        manager,
        creates.map((p) => p.state as OrganizationState),
      );
      if (
        (await this.organizations.updateManyVersioned(
          manager,
          updates.map((p) => p.state as OrganizationState),
        )) !== updates.length
      )
        throw new ConflictException();
    }
    const activity: ActivityEntry[] = [];
    const audits: AuditInput[] = [];
    const addedAffiliations = kind === 'people' ? await this.writeAffiliations(manager, pendings, activity) : new Map<string, string[]>();
    const touched = pendings.filter((p) => p.original === null || updates.includes(p) || addedAffiliations.has(p.state.id));
    for (const pending of touched) {
      const id = pending.state.id;
      const fields = pending.original ? changedFields(pending.original, pending.state) : [];
      const affiliations = addedAffiliations.get(id) ?? [];
      // Changes to existing records are audited one by one, with their fields (masked);
      // the records a chunk creates, in one entry listing their ids (below).
      if (pending.original) {
        audits.push({
          action: `${auditAction[kind]}.update`,
          subjectType: subjectType[kind],
          subjectId: id,
          before: { ...auditView(pending.original), importBatchId: null },
          after: { ...auditView(pending.state), importBatchId: batch.id, ...(affiliations.length ? { addedAffiliations: affiliations } : {}) },
          personalFields: auditMasked[kind],
        });
      }
      activity.push({
        subjectType: subjectType[kind],
        subjectId: id,
        kind: pending.original ? 'record.updated' : 'record.created',
        recordType: subjectType[kind],
        recordId: id,
        summary: pending.original ? { fields, importBatchId: batch.id } : { importBatchId: batch.id },
      });
    }
    if (creates.length) {
      audits.push({
        action: `${auditAction[kind]}.import`,
        subjectType: 'ImportBatch',
        subjectId: batch.id,
        before: null,
        after: { created: creates.map((p) => p.state.id), rows: [rows[0].rowNumber, rows[rows.length - 1].rowNumber] },
      });
    }
    await this.audit.recordMany(manager, ctx, audits);
    await this.activity.append(manager, ctx, activity);

    const byRow = new Map(planned.map((row) => [row.rowNumber, row]));
    const counts: RunCounts = { created: 0, updated: 0, skipped: 0, failed: 0 };
    const marks = rows.map((row) => {
      const plan = byRow.get(row.rowNumber);
      const mark = plan ? appliedOf(plan) : { applied: 'skipped' as Applied, recordId: row.matchId, problems: null };
      if (mark.problems) mark.problems = withColumns(mark.problems, batch.headers, batch.mapping!);
      counts[mark.applied]++;
      return { rowNumber: row.rowNumber, ...mark };
    });
    await this.batches.saveApplied(manager, batch.id, marks, counts);
  }

  /** People's affiliations from the file: written, and on the organizations' timelines when new. Returns, per person, the organizations added. */
  private async writeAffiliations(manager: EntityManager, pendings: Pending[], activity: ActivityEntry[]): Promise<Map<string, string[]>> {
    const wanted = pendings.flatMap((p) => [...p.affiliations].map(([organizationId, title]) => ({ personId: p.state.id, organizationId, title })));
    const added = new Map<string, string[]>();
    if (wanted.length === 0) return added;
    const existing = await this.people.existingAffiliations(manager, [...new Set(wanted.map((a) => a.personId))]);
    await this.people.upsertAffiliations(manager, wanted);
    for (const a of wanted) {
      if (existing.has(`${a.personId}|${a.organizationId}`)) continue;
      added.set(a.personId, [...(added.get(a.personId) ?? []), a.organizationId]);
      activity.push({
        subjectType: 'Organization',
        subjectId: a.organizationId,
        kind: 'affiliation.added',
        recordType: 'Person',
        recordId: a.personId,
        summary: { personId: a.personId },
      });
    }
    return added;
  }
}

/**
 * Every statement of a chunk is built for an index (primary keys, the e-mail GIN,
 * the organization match indexes). An import adds rows faster than autovacuum
 * re-analyses the tables, and with the stale "nearly empty" estimate the planner
 * scans them whole for every chunk, so the import slows down as it grows
 * (measured: 300 s instead of 40 s for 100,000 people). Transaction-local.
 */
async function indexAccessOnly(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL enable_seqscan = off`);
}

function problemsToKeep(problems: RowProblem[], headers: string[], mapping: ColumnField[]): RowProblem[] | null {
  return problems.length ? withColumns(problems, headers, mapping) : null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function appliedOf(plan: PlannedRow): { applied: Applied; recordId: string | null; problems: RowProblem[] | null } {
  switch (plan.fate) {
    case 'create':
      return { applied: 'created', recordId: plan.pending!.state.id, problems: null };
    case 'update':
      return { applied: 'updated', recordId: plan.pending?.state.id ?? plan.matchId, problems: null };
    case 'skip':
      return { applied: 'skipped', recordId: plan.matchId, problems: null };
    default:
      return { applied: 'failed', recordId: null, problems: plan.problems };
  }
}

const comparedOut = new Set(['id', 'version', 'createdById']);

function changedFields(before: State, after: State): string[] {
  return Object.keys(after).filter((key) => !comparedOut.has(key) && JSON.stringify(before[key as keyof State]) !== JSON.stringify(after[key as keyof State]));
}

function changed(before: State, after: State): boolean {
  return changedFields(before, after).length > 0;
}

function auditView(state: State): Record<string, unknown> {
  const { id: _i, version: _v, createdById: _c, ...fields } = state;
  return fields;
}
