import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Id, PageArgs } from '@crm/contracts';
import { Authenticated, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { ImportRowsArgs, SetImportMappingInput } from '../contracts/data-transfer.contracts';
import {
  ImportBatchConnection,
  ImportBatchObject,
  ImportMappingGuessObject,
  ImportProblemSummaryObject,
  ImportRowConnection,
  ImportRowFateEnum,
  ImportTargetObject,
  SetImportMappingInputType,
  type DuplicatePolicyEnum,
  type ImportRowAppliedEnum,
  type ImportStatusEnum,
} from './dtos/import.objects';
import type { ImportBatchRow, ImportRowRecord } from './import-batch.repository';
import { ImportService } from './import.service';

// Access: the guard lets in anyone signed in; the service refuses (FORBIDDEN) a
// caller who may import nothing registered, and answers
// NOT_FOUND for a batch that is not the caller's.
@Resolver(() => ImportBatchObject)
export class ImportResolver {
  constructor(private readonly service: ImportService) {}

  @Authenticated()
  @Query(() => ImportBatchObject, { description: 'One of your CSV imports, with its progress' })
  async importBatch(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ImportBatchObject> {
    return toObject(await this.service.get(ctx, parseInput(Id, id, ['id'])));
  }

  @Authenticated()
  @Query(() => [ImportTargetObject], { description: 'What you may import from a file (every registered import whose records you may import)' })
  importTargets(@Ctx() ctx: RequestContext): ImportTargetObject[] {
    return this.service.targets(ctx);
  }

  @Authenticated()
  @Query(() => ImportBatchConnection, { description: 'Your CSV imports, newest first' })
  async importBatches(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<ImportBatchConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.service.list(ctx, page.first, page.after);
    return { nodes: result.rows.map(toObject), pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Authenticated()
  @Query(() => ImportMappingGuessObject, {
    description: "Each column's likely field, from its name (CiviCRM's export headers included, in English and French)",
  })
  guessImportMapping(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string): Promise<ImportMappingGuessObject> {
    return this.service.guessMapping(ctx, parseInput(Id, batchId, ['batchId']));
  }

  @Authenticated()
  @Query(() => ImportRowConnection, { description: 'The rows of an import with their fate, in file order' })
  async importRows(
    @Ctx() ctx: RequestContext,
    @Args('batchId', { type: () => ID }) batchId: string,
    @Args('fate', { type: () => ImportRowFateEnum, nullable: true }) fate: ImportRowFateEnum,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<ImportRowConnection> {
    const args = parseInput(ImportRowsArgs, { batchId, fate: fate ?? undefined, first: first ?? undefined, after }, []);
    const result = await this.service.rows(ctx, args);
    return { nodes: result.rows.map(toRowObject), pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Authenticated()
  @Mutation(() => ImportBatchObject, { description: 'Which field each column feeds, and what duplicates do; discards an earlier dry run' })
  async setImportMapping(@Ctx() ctx: RequestContext, @Args('input') input: SetImportMappingInputType): Promise<ImportBatchObject> {
    return toObject(await this.service.setMapping(ctx, parseInput(SetImportMappingInput, { ...input, skipInvalidRows: input.skipInvalidRows ?? undefined })));
  }

  @Authenticated()
  @Mutation(() => ImportBatchObject, { description: 'Starts the dry run: every row checked and given its fate; no record changes' })
  async dryRunImport(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string): Promise<ImportBatchObject> {
    return toObject(await this.service.dryRun(ctx, parseInput(Id, batchId, ['batchId'])));
  }

  @Authenticated()
  @Mutation(() => ImportBatchObject, { description: 'Starts the import of a checked batch: its valid rows; invalid rows are left out and listed' })
  async runImport(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string): Promise<ImportBatchObject> {
    return toObject(await this.service.run(ctx, parseInput(Id, batchId, ['batchId'])));
  }

  @Authenticated()
  @Mutation(() => ImportBatchObject, { description: 'Stops an import; rows already imported stay' })
  async cancelImport(@Ctx() ctx: RequestContext, @Args('batchId', { type: () => ID }) batchId: string): Promise<ImportBatchObject> {
    return toObject(await this.service.cancel(ctx, parseInput(Id, batchId, ['batchId'])));
  }

  @Authenticated()
  @ResolveField(() => ImportTargetObject, { description: 'What this import feeds, as the wizard names it' })
  target(@Parent() batch: ImportBatchObject): ImportTargetObject {
    return this.service.target(batch.kind);
  }

  @Authenticated()
  @ResolveField(() => [ImportProblemSummaryObject], { description: 'The most frequent problems (field and message) among invalid and failed rows' })
  problemSummary(@Parent() batch: ImportBatchObject): Promise<ImportProblemSummaryObject[]> {
    return this.service.problemSummary(batch.id);
  }
}

function toObject(batch: ImportBatchRow): ImportBatchObject {
  return {
    id: batch.id,
    kind: batch.kind,
    status: batch.status as ImportStatusEnum,
    filename: batch.filename,
    encoding: batch.encoding,
    delimiter: batch.delimiter,
    headers: batch.headers,
    rowCount: batch.rowCount,
    mapping: batch.mapping?.map((m) => ({ column: m.column, header: batch.headers[m.column] ?? '', field: m.field })) ?? null,
    duplicatePolicy: batch.duplicatePolicy as DuplicatePolicyEnum | null,
    skipInvalidRows: batch.skipInvalidRows,
    progress: { validatedRows: batch.validatedRows, appliedRows: batch.appliedRows, rowsToApply: batch.createCount + batch.updateCount + batch.skipCount },
    counts: {
      create: batch.createCount,
      update: batch.updateCount,
      skip: batch.skipCount,
      error: batch.errorCount,
      created: batch.createdCount,
      updated: batch.updatedCount,
      skipped: batch.skippedCount,
      failed: batch.failedCount,
    },
    lastError: batch.lastError,
    createdAt: batch.createdAt,
    updatedAt: batch.updatedAt,
    validatedAt: batch.validatedAt,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
  };
}

function toRowObject(row: ImportRowRecord) {
  return {
    rowNumber: row.rowNumber,
    lineNumber: row.lineNumber,
    cells: row.cells,
    fate: row.fate as ImportRowFateEnum | null,
    problems: (row.problems ?? []).map((problem) => ({ ...problem, warning: problem.warning ?? false })),
    matchId: row.matchId,
    duplicateOfRow: row.duplicateOfRow,
    applied: row.applied as ImportRowAppliedEnum | null,
    recordId: row.recordId,
  };
}
