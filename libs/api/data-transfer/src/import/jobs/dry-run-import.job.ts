import { Injectable } from '@nestjs/common';
import { QueueJob, QueueName, type JobPayloads, type OutboxJobHandler } from '@crm/platform';
import { ImportEngine } from '../import-engine';

/** Checks every row of a batch and records its fate; writes no record. Starts over when run again. */
@QueueJob(QueueName.Imports)
@Injectable()
export class DryRunImportJob implements OutboxJobHandler<'DryRunImportJob'> {
  constructor(private readonly engine: ImportEngine) {}

  handle({ importBatchId }: JobPayloads['DryRunImportJob']): Promise<void> {
    return this.engine.dryRun(importBatchId);
  }

  /** Given up: the batch shows as failed, with the reason, and can be checked again. Before that: the reason only. */
  onFailed({ importBatchId }: JobPayloads['DryRunImportJob'], reason: string, final: boolean): Promise<void> {
    return final ? this.engine.markFailed(importBatchId, 'validating', reason) : this.engine.noteError(importBatchId, reason);
  }
}
