import { Injectable } from '@nestjs/common';
import {
  AuditService,
  BadUserInputException,
  ForbiddenException,
  NotFoundException,
  OutboxService,
  UnauthenticatedException,
  problemMessage,
  readCursor,
  type FieldProblemInput,
  type RequestContext,
} from '@crm/platform';
import { guessMapping, TransferRegistry, type ImportFieldSpec } from '@crm/records';
import { DataSource } from 'typeorm';
import type { ImportRowsArgs, SetImportMappingInput } from '../contracts/data-transfer.contracts';
import { ImportBatchRepository, type ImportBatchRow, type ImportStatus } from './import-batch.repository';
import { mayImport, mayImportAnything } from './import-access';
import { importTargetOf } from './import-fields';
import type { ColumnField } from './row-input';

const statusWords: Record<ImportStatus, string> = {
  uploaded: 'uploaded and waiting for its column mapping',
  mapped: 'mapped and waiting for a dry run',
  validating: 'being checked (dry run)',
  validated: 'checked and ready to import',
  importing: 'being imported',
  imported: 'already imported',
  cancelled: 'cancelled',
  failed: 'failed',
};

@Injectable()
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: ImportBatchRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly registry: TransferRegistry,
  ) {}

  /** A batch of the caller's; anyone else's answers as missing (it holds their file's personal data). */
  async get(ctx: RequestContext, id: string): Promise<ImportBatchRow> {
    const actorId = this.assertMayImport(ctx);
    const batch = await this.batches.findOwn(id, actorId);
    if (!batch) throw new NotFoundException('Import');
    return batch;
  }

  list(ctx: RequestContext, first: number, after: string | null | undefined) {
    const actorId = this.assertMayImport(ctx);
    return this.batches.listOwn(actorId, first, after);
  }

  async guessMapping(ctx: RequestContext, id: string) {
    const batch = await this.get(ctx, id);
    const fields = importTargetOf(this.registry, batch.kind).fields;
    const guess = guessMapping(fields, batch.headers);
    const samples = await this.samples(batch);
    return {
      columns: batch.headers.map((header, column) => ({ column, header, field: guess[column], samples: samples[column] })),
      fields: fields.map((f) => ({
        name: f.name,
        labelEn: f.labelEn,
        labelFr: f.labelFr,
        required: f.required ?? false,
        multiple: f.multiple ?? false,
      })),
    };
  }

  /** Sets the mapping and duplicate policy; any earlier dry run is discarded. */
  async setMapping(ctx: RequestContext, input: SetImportMappingInput): Promise<ImportBatchRow> {
    const batch = await this.get(ctx, input.batchId);
    this.assertMayImportKind(ctx, batch);
    const mapping = checkMapping(importTargetOf(this.registry, batch.kind).fields, batch, input.mapping);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.batches.setMapping(manager, batch.id, mapping, input.duplicatePolicy, input.skipInvalidRows)))
        throw this.wrongStatus(batch, 'change its mapping');
      return (await this.batches.find(manager, batch.id))!;
    });
  }

  /** Starts the dry run (a job): every row checked, its fate decided; nothing written to the records. */
  async dryRun(ctx: RequestContext, id: string): Promise<ImportBatchRow> {
    const batch = await this.get(ctx, id);
    this.assertMayImportKind(ctx, batch);
    return this.dataSource.transaction(async (manager) => {
      // A dry run that failed (its job given up) may be checked again; a batch whose import started may not.
      const from: ImportStatus[] = batch.startedAt === null ? ['mapped', 'validated', 'failed'] : ['mapped', 'validated'];
      if (!(await this.batches.transition(manager, batch.id, from, 'validating', { validated_at: null, last_error: null }))) {
        throw this.wrongStatus(batch, 'check it', batch.status === 'uploaded' ? 'set its column mapping first' : undefined);
      }
      await this.outbox.enqueue(manager, 'DryRunImportJob', { importBatchId: batch.id });
      return (await this.batches.find(manager, batch.id))!;
    });
  }

  /**
   * Starts the import (a job). Invalid rows never block the others: they are left out,
   * listed with their reasons (`importRows(fate: ERROR)`, the rejected-rows CSV), and
   * can be fixed and imported as a file of their own.
   */
  async run(ctx: RequestContext, id: string): Promise<ImportBatchRow> {
    const batch = await this.get(ctx, id);
    this.assertMayImportKind(ctx, batch);
    return this.dataSource.transaction(async (manager) => {
      // An import that failed (its job given up, e.g. its worker died too often) resumes from the first row not applied.
      const resume = batch.status === 'failed' && batch.startedAt !== null;
      const changes = resume ? { last_error: null, finished_at: null } : { started_at: new Date() };
      if (!(await this.batches.transition(manager, batch.id, resume ? ['failed'] : ['validated'], 'importing', changes))) {
        throw this.wrongStatus(batch, 'import it', ['uploaded', 'mapped'].includes(batch.status) ? 'run the dry run first' : undefined);
      }
      await this.outbox.enqueue(manager, 'RunImportJob', { importBatchId: batch.id });
      await this.audit.record(manager, ctx, {
        action: 'import.run',
        subjectType: 'ImportBatch',
        subjectId: batch.id,
        before: null,
        after: {
          ...(resume ? { resumed: true } : {}),
          kind: batch.kind,
          create: batch.createCount,
          update: batch.updateCount,
          skip: batch.skipCount,
          error: batch.errorCount,
          duplicatePolicy: batch.duplicatePolicy,
        },
      });
      return (await this.batches.find(manager, batch.id))!;
    });
  }

  /** Stops a batch. An import already under way stops after its current chunk; what it applied stays. */
  async cancel(ctx: RequestContext, id: string): Promise<ImportBatchRow> {
    const batch = await this.get(ctx, id);
    return this.dataSource.transaction(async (manager) => {
      if (
        !(await this.batches.transition(manager, batch.id, ['uploaded', 'mapped', 'validating', 'validated', 'importing', 'failed'], 'cancelled', {
          finished_at: new Date(),
        }))
      ) {
        throw this.wrongStatus(batch, 'cancel it');
      }
      await this.audit.record(manager, ctx, {
        action: 'import.cancel',
        subjectType: 'ImportBatch',
        subjectId: batch.id,
        before: { status: batch.status },
        after: { status: 'cancelled' },
      });
      return (await this.batches.find(manager, batch.id))!;
    });
  }

  async rows(ctx: RequestContext, args: ImportRowsArgs) {
    readCursor(args.after, ['int'] as const); // a crafted cursor is the caller's error, whatever the batch
    const batch = await this.get(ctx, args.batchId);
    return this.batches.rowsPage(batch.id, args.fate, args.first, args.after);
  }

  /** What the caller may import, as the wizard lists it (every registered target whose subject they may import). */
  targets(ctx: RequestContext): { kind: string; labelEn: string; labelFr: string }[] {
    this.assertMayImport(ctx);
    return this.registry
      .importKinds()
      .filter((target) => mayImport(ctx.ability, target))
      .map((target) => ({ kind: target.kind, labelEn: target.label.en, labelFr: target.label.fr }));
  }

  /** A batch's target as the wizard names it. */
  target(kind: string): { kind: string; labelEn: string; labelFr: string } {
    const target = importTargetOf(this.registry, kind);
    return { kind: target.kind, labelEn: target.label.en, labelFr: target.label.fr };
  }

  /** For a batch already loaded through `get` (the resolver's parent). */
  problemSummary(batchId: string) {
    return this.batches.problemSummary(batchId);
  }

  private async samples(batch: ImportBatchRow): Promise<string[][]> {
    const rows = await this.batches.rowsAfter(this.dataSource.manager, batch.id, 0, 20);
    return batch.headers.map((_h, column) =>
      [...new Set(rows.map((row) => (row.cells[column] ?? '').trim()).filter((v) => v !== ''))].slice(0, 3).map((v) => v.slice(0, 100)),
    );
  }

  private assertMayImport(ctx: RequestContext): string {
    if (!ctx.actor) throw new UnauthenticatedException();
    if (!mayImportAnything(ctx.ability, this.registry.importKinds())) throw new ForbiddenException();
    return ctx.actor.id;
  }

  private assertMayImportKind(ctx: RequestContext, batch: ImportBatchRow): void {
    if (!mayImport(ctx.ability, importTargetOf(this.registry, batch.kind))) throw new ForbiddenException();
  }

  private wrongStatus(batch: ImportBatchRow, what: string, hint?: string): BadUserInputException {
    return new BadUserInputException(
      [{ path: ['batchId'], code: 'importState', params: { status: batch.status } }],
      `This import is ${statusWords[batch.status]}: you cannot ${what} now${hint ? `; ${hint}` : ''}`,
    );
  }
}

/** The mapping against the file's columns and the kind's fields: known fields, one column for a single-valued field, required fields present. */
export function checkMapping(
  specs: ImportFieldSpec[],
  batch: Pick<ImportBatchRow, 'headers'>,
  mapping: { column: number; field: string | null }[],
): ColumnField[] {
  const fields = new Map(specs.map((f) => [f.name, f]));
  const problems: FieldProblemInput[] = [];
  const columns = new Set<number>();
  const used = new Map<string, number>();
  mapping.forEach((entry, index) => {
    const path = ['input', 'mapping', index];
    if (entry.column >= batch.headers.length) problems.push({ path: [...path, 'column'], code: 'columnUnknown', params: { count: batch.headers.length } });
    if (columns.has(entry.column)) problems.push({ path: [...path, 'column'], code: 'columnTwice' });
    columns.add(entry.column);
    if (entry.field === null || entry.field === '') return;
    const spec = fields.get(entry.field);
    if (!spec) {
      problems.push({ path: [...path, 'field'], code: 'fieldUnknown' });
      return;
    }
    if (used.has(entry.field) && !spec.multiple) problems.push({ path: [...path, 'field'], code: 'fieldOneColumn', params: { field: spec.name } });
    used.set(entry.field, entry.column);
  });
  for (const spec of fields.values()) {
    if (spec.required && !used.has(spec.name)) problems.push({ path: ['input', 'mapping'], code: 'fieldNeedsColumn', params: { field: spec.name } });
  }
  if (problems.length) throw new BadUserInputException(problems, `The column mapping is not complete: ${problems.map((p) => problemMessage(p)).join('; ')}`);
  return mapping.filter((m) => m.field).map((m) => ({ column: m.column, field: m.field! }));
}
