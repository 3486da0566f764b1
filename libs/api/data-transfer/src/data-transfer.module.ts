import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@crm/platform';
import { HttpAdapterHost } from '@nestjs/core';
import { ActorContextModule } from '@crm/identity';
import { TransferModule } from '@crm/records';
import { ActivityRecorder } from '@crm/timeline';
import type { FastifyInstance } from 'fastify';
import { ExportRepository } from './export/export.repository';
import { ExportService } from './export/export.service';
import { DataTransferController } from './http/data-transfer.controller';
import { registerUploadParsers } from './http/upload-parsers';
import { ImportBatchRepository } from './import/import-batch.repository';
import { ImportEngine } from './import/import-engine';
import { ImportRecordsRepository } from './import/import-records.repository';
import { ImportUploadService } from './import/import-upload.service';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';
import { DryRunImportJob } from './import/jobs/dry-run-import.job';
import { RunImportJob } from './import/jobs/run-import.job';
import { RejectedRowsService } from './import/rejected-rows.service';

/**
 * For the API: CSV export and upload routes, the import's GraphQL operations (jobs go through the outbox).
 * What can be exported or imported comes from the TransferRegistry, filled by the modules that own the records.
 */
@Module({
  imports: [TransferModule],
  controllers: [DataTransferController],
  providers: [ExportRepository, ExportService, ImportBatchRepository, ImportUploadService, ImportService, RejectedRowsService, ImportResolver],
})
export class DataTransferModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // Uploads are streamed: the routes read the body themselves (no JSON parsing, no 1 MiB body limit).
    const instance = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (instance) registerUploadParsers(instance, '/imports');
  }
}

/**
 * The import jobs (`@QueueJob` handlers): what the worker's `imports` queue runs
 * when the process has a QueueModule, and what tests call directly without one.
 * The targets come from the registry: the process also imports the domains'
 * import modules (`PeopleImportModule`…), which register them.
 */
@Module({
  imports: [ActorContextModule, TransferModule],
  // AuditService here too: the jobs also run in the worker, which has no global AuditModule.
  providers: [AuditService, ImportBatchRepository, ImportRecordsRepository, ActivityRecorder, ImportEngine, DryRunImportJob, RunImportJob],
  exports: [ImportEngine, DryRunImportJob, RunImportJob],
})
export class ImportJobsModule {}

/** For the worker: the import jobs, run by the worker's `imports` queue. */
@Module({ imports: [ImportJobsModule] })
export class DataTransferWorkerModule {}
