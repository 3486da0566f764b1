// Every BullMQ queue the system has. A job's class name is its job name.
export enum QueueName {
  Mail = 'mail',
  Imports = 'imports',
  // Repeatable house-keeping jobs (decision 063).
  Maintenance = 'maintenance',
}

/**
 * Jobs caused by a write (through the outbox): job name -> payload. Payloads
 * carry ids only: never names, e-mails or text. The handler class of the same
 * name declares its queue (`@QueueJob`), which must be the one below: the API
 * writes outbox rows without loading handlers, so it reads the queue here.
 */
export interface JobPayloads {
  SendMailJob: { mailMessageId: string };
  // CSV import (decision 050): the batch carries the mapping, the rows their cells.
  DryRunImportJob: { importBatchId: string };
  RunImportJob: { importBatchId: string };
}
export type JobName = keyof JobPayloads;

export const jobQueues: Record<JobName, QueueName> = {
  SendMailJob: QueueName.Mail,
  DryRunImportJob: QueueName.Imports,
  RunImportJob: QueueName.Imports,
};

const idKey = /(^id|Id|Ids)$/;

/** Runtime guard for the "ids only" rule, so a payload with personal data fails loudly in tests. */
export function assertIdsOnlyPayload(payload: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(payload)) {
    const values = Array.isArray(value) ? value : [value];
    const scalarIds = values.every((v) => typeof v === 'number' || (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v)));
    if (!idKey.test(key) || !scalarIds) {
      throw new Error(`Job payload field "${key}" is not an id: job payloads carry ids only`);
    }
  }
}
