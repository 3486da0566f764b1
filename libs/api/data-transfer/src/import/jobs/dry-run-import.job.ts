import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@crm/platform';
import { ImportEngine } from '../import-engine';

/** Checks every row of a batch and records its fate; writes no record. */
@Injectable()
export class DryRunImportJob {
  constructor(private readonly engine: ImportEngine) {}

  handle({ importBatchId }: JobPayloads['DryRunImportJob']): Promise<void> {
    return this.engine.dryRun(importBatchId);
  }
}
