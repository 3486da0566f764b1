import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QueueName, type JobPayloads } from '@crm/platform';
import type { Job } from 'bullmq';
import { ImportEngine } from '../import-engine';
import { DryRunImportJob } from './dry-run-import.job';
import { RunImportJob } from './run-import.job';

// One import at a time per worker: each holds a database connection and locks rows.
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsQueueProcessor extends WorkerHost {
  private readonly logger = new Logger('ImportsQueue');

  constructor(
    private readonly dryRun: DryRunImportJob,
    private readonly runImport: RunImportJob,
    private readonly engine: ImportEngine,
  ) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case 'DryRunImportJob':
        return this.dryRun.handle(job.data as JobPayloads['DryRunImportJob']);
      case 'RunImportJob':
        return this.runImport.handle(job.data as JobPayloads['RunImportJob']);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Imports}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    // Ids only: the job id is the outbox id, the payload the batch id.
    this.logger.warn({ jobId: job?.id, job: job?.name, attempts: job?.attemptsMade, reason: error.message, msg: 'job failed' });
    const batchId = (job?.data as { importBatchId?: string } | undefined)?.importBatchId;
    if (!job || !batchId) return;
    const status = job.name === 'DryRunImportJob' ? 'validating' : 'importing';
    try {
      if (job.attemptsMade >= (job.opts.attempts ?? 1)) await this.engine.markFailed(batchId, status, error.message);
      else await this.engine.noteError(batchId, error.message);
    } catch (markError) {
      this.logger.error({ jobId: job.id, reason: (markError as Error).message, msg: 'could not record the import failure' });
    }
  }
}
