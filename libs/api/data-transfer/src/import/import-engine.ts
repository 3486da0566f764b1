import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditInput, type RequestContext } from '@crm/platform';
import { TransferRegistry, type ImportState, type ImportTarget, type ImportVocabulary } from '@crm/records';
import { ActivityRecorder, type ActivityEntry } from '@crm/timeline';
import { DataSource, type EntityManager } from 'typeorm';
import { ActorContextService } from '@crm/identity';
import { ImportBatchRepository, type Applied, type DryRunCounts, type ImportBatchRow, type ImportRowRecord, type RunCounts } from './import-batch.repository';
import { mayImport } from './import-access';
import { importTargetOf } from './import-fields';
import { planChunk, type FileRef, type Pending, type PlanContext, type PlanInput, type PlannedRow } from './import-planner';
import { ImportRecordsRepository } from './import-records.repository';
import { cellsByField, prepareRow, provinceReader, tagReader, withColumns, type ColumnField, type RowInput, type RowProblem } from './row-input';

/** Rows per transaction: big enough for set-based statements, small enough to hold few locks for long. */
export const IMPORT_CHUNK = 1000;

type State = ImportState;

/**
 * The two import jobs, the same for every registered import target (decision 058):
 * the target reads, matches and writes its records; the engine does the rest. Both act for the user who uploaded the file (their
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
    private readonly registry: TransferRegistry,
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
    const vocabulary = await this.vocabulary();
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
        const target = importTargetOf(this.registry, batch.kind);
        const inputs = await this.prepare(manager, target, batch, ctx, rows, vocabulary);
        const { keys, matches } = await target.match(
          manager,
          ctx.ability,
          inputs.map((row) => row.input),
          false,
        );
        const planned = planChunk(this.planContext(target, batch, ctx), inputs, keys, matches, file);
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
    if (!ctx || !mayImport(ctx.ability, importTargetOf(this.registry, batch.kind))) {
      await this.markFailed(batchId, status, 'The user who started this import may no longer import these records');
      return null;
    }
    return { batch, ctx };
  }

  private async stillIn(manager: EntityManager, batchId: string, status: 'validating' | 'importing'): Promise<boolean> {
    const current = await this.batches.find(manager, batchId, true);
    return current?.status === status;
  }

  private planContext(target: ImportTarget, batch: ImportBatchRow, ctx: RequestContext): PlanContext {
    return { target, ability: ctx.ability, actor: ctx.actor!, policy: batch.duplicatePolicy! };
  }

  private async vocabulary(): Promise<ImportVocabulary> {
    const manager = this.dataSource.manager;
    return { province: provinceReader(await this.records.provinces(manager)), tag: tagReader(await this.records.tags(manager)) };
  }

  /** Cells → the target's create schema's input, with what the chunk's rows name looked up by the target in a few statements. */
  private async prepare(
    manager: EntityManager,
    target: ImportTarget,
    batch: ImportBatchRow,
    ctx: RequestContext,
    rows: ImportRowRecord[],
    vocabulary: ImportVocabulary,
  ): Promise<PlanInput[]> {
    const mapping = batch.mapping!;
    const lookups = await target.lookups(
      manager,
      ctx,
      rows.map((row) => cellsByField(row.cells, mapping)),
    );
    return rows.map((row) => {
      const prepared = prepareRow(target, row.cells, batch.headers, mapping, lookups, vocabulary);
      return prepared.ok
        ? { rowNumber: row.rowNumber, input: prepared.input, problems: [], warnings: prepared.warnings }
        : { rowNumber: row.rowNumber, input: null, problems: prepared.problems };
    });
  }

  /** One chunk of the run, in the caller's transaction: records written, audited, on the timeline; rows marked applied. */
  private async applyChunk(manager: EntityManager, batch: ImportBatchRow, ctx: RequestContext, rows: ImportRowRecord[]): Promise<void> {
    const target = importTargetOf(this.registry, batch.kind);
    // Rows the dry run skipped as duplicates stay skipped; the others are planned again against the records as they are now.
    const toPlan = rows.filter((row) => row.fate !== 'skip');
    const inputs: PlanInput[] = toPlan.map((row) => ({
      rowNumber: row.rowNumber,
      input: row.input as RowInput | null,
      problems: row.input ? [] : [{ field: null, column: null, message: 'has no checked values: run the dry run again', code: 'importRowNotChecked' }],
    }));
    const { keys, matches } = await target.match(
      manager,
      ctx.ability,
      inputs.map((row) => row.input),
      true,
    );
    const planned = planChunk(this.planContext(target, batch, ctx), inputs, keys, matches, new Map());

    const pendings = unique(planned.map((row) => row.pending).filter((p): p is Pending => p !== null));
    const creates = pendings.filter((p) => p.original === null);
    const updates = pendings.filter((p) => p.original !== null && changed(p.original, p.state));
    const written = await target.write(manager, ctx, { creates: creates.map((p) => p.state), updates: updates.map((p) => p.state), pendings });
    const activity: ActivityEntry[] = [...(written.activity ?? [])];
    const audits: AuditInput[] = [];
    const extras = written.auditExtras ?? new Map<string, Record<string, unknown>>();
    const touched = pendings.filter((p) => p.original === null || updates.includes(p) || extras.has(p.state.id));
    for (const pending of touched) {
      const id = pending.state.id;
      const fields = pending.original ? changedFields(pending.original, pending.state) : [];
      // Changes to existing records are audited one by one, with their fields (masked);
      // the records a chunk creates, in one entry listing their ids (below).
      if (pending.original) {
        audits.push({
          action: `${target.audit.action}.update`,
          subjectType: target.subject,
          subjectId: id,
          before: { ...auditView(pending.original), importBatchId: null },
          after: { ...auditView(pending.state), importBatchId: batch.id, ...extras.get(id) },
          personalFields: [...target.audit.masked],
        });
      }
      const { subjects, prefix } = target.timeline?.(pending.state) ?? {
        subjects: [{ subjectType: target.subject as ActivityEntry['subjectType'], subjectId: id }],
        prefix: 'record',
      };
      for (const { subjectType, subjectId } of subjects) {
        activity.push({
          subjectType,
          subjectId,
          kind: `${prefix}.${pending.original ? 'updated' : 'created'}`,
          recordType: target.subject,
          recordId: id,
          summary: pending.original ? { fields, importBatchId: batch.id } : { importBatchId: batch.id },
        });
      }
    }
    if (creates.length) {
      audits.push({
        action: `${target.audit.action}.import`,
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
  const was = before as unknown as Record<string, unknown>;
  const now = after as unknown as Record<string, unknown>;
  return Object.keys(now).filter((key) => !comparedOut.has(key) && JSON.stringify(was[key]) !== JSON.stringify(now[key]));
}

function changed(before: State, after: State): boolean {
  return changedFields(before, after).length > 0;
}

function auditView(state: State): Record<string, unknown> {
  const { id: _i, version: _v, createdById: _c, ...fields } = state as ImportState & { createdById?: unknown };
  return fields;
}
