import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@crm/platform';
import { ImportEngine } from '../import-engine';

/** Applies a checked batch, a chunk per transaction; safe to run again (applied rows are never taken twice). */
@Injectable()
export class RunImportJob {
  constructor(private readonly engine: ImportEngine) {}

  handle({ importBatchId }: JobPayloads['RunImportJob']): Promise<void> {
    return this.engine.run(importBatchId);
  }
}
