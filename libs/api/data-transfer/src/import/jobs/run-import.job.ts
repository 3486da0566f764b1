import { Injectable } from '@nestjs/common';
import { QueueJob, QueueName, type JobPayloads, type OutboxJobHandler } from '@crm/platform';
import { ImportEngine } from '../import-engine';

/** Applies a checked batch, a chunk per transaction; safe to run again (applied rows are never taken twice). */
@QueueJob(QueueName.Imports)
@Injectable()
export class RunImportJob implements OutboxJobHandler<'RunImportJob'> {
  constructor(private readonly engine: ImportEngine) {}

  handle({ importBatchId }: JobPayloads['RunImportJob']): Promise<void> {
    return this.engine.run(importBatchId);
  }

  /**
   * Given up (attempts used, or its worker died more often than the queue allows):
   * the batch shows as failed, with the reason, and `runImport` resumes it from
   * the first row not applied. Before that: the reason only.
   */
  onFailed({ importBatchId }: JobPayloads['RunImportJob'], reason: string, final: boolean): Promise<void> {
    return final ? this.engine.markFailed(importBatchId, 'importing', reason) : this.engine.noteError(importBatchId, reason);
  }
}
