import { Injectable, Logger } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { RepeatableJob, type JobTick, type RepeatableJobHandler } from './job.decorators';
import { JobTickRepository } from './job-tick.repository';
import { OutboxRepository } from './outbox.repository';
import { QueueName } from './queue-names';

const DAY_MS = 24 * 3600_000;
/** Relayed outbox rows are kept two weeks for tracing a job (BullMQ keeps completed jobs one). */
export const OUTBOX_KEEP_DAYS = 14;
/** Tick ledger rows are kept three months. */
export const JOB_TICKS_KEEP_DAYS = 90;
const BATCH = 5000;

/**
 * Daily: deletes outbox rows relayed more than two weeks before the tick and
 * tick-ledger rows older than three months, in short batches (no long lock on
 * the table the API writes to). The cut-off comes from the tick's scheduled
 * time, so a retried or late tick deletes exactly what the first would have.
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '30 3 * * *', tz: officeTimeZone } })
@Injectable()
export class PurgeOutboxJob implements RepeatableJobHandler {
  private readonly logger = new Logger(PurgeOutboxJob.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly ticks: JobTickRepository,
  ) {}

  async handle(tick: JobTick): Promise<void> {
    const outboxBefore = new Date(tick.scheduledAt.getTime() - OUTBOX_KEEP_DAYS * DAY_MS);
    const ticksBefore = new Date(tick.scheduledAt.getTime() - JOB_TICKS_KEEP_DAYS * DAY_MS);
    const outboxRows = await drain(() => this.outbox.purgeRelayed(outboxBefore, BATCH));
    const tickRows = await drain(() => this.ticks.purge(ticksBefore, BATCH));
    this.logger.log({ tick: tick.key, outboxRows, tickRows, msg: 'outbox purged' });
  }
}

/** Repeats a batch delete until a batch comes back short; answers the total. */
async function drain(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await batch();
    total += removed;
    if (removed < BATCH) return total;
  }
}
