import { Injectable, Logger } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { AuditService, QueueName, RepeatableJob, type JobTick, type RepeatableJobHandler } from '@crm/platform';
import { ActivityRecorder } from '@crm/timeline';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { PledgeRepository } from './pledge.repository';

/**
 * Daily, early in the office's morning: open pledges whose due date has passed
 * are marked overdue (the date they became so), audited and put on their pledger's
 * timeline, in one transaction; the coordinator's digest lists them. The day is
 * the tick's scheduled date, so a late or retried tick marks what the first would
 * have; a pledge already marked is never marked again (idempotent, and safe with
 * two workers: the UPDATE's condition is re-checked under the row lock).
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '10 5 * * *', tz: officeTimeZone } })
@Injectable()
export class MarkOverduePledgesJob implements RepeatableJobHandler {
  private readonly logger = new Logger(MarkOverduePledgesJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly pledges: PledgeRepository,
    private readonly audit: AuditService,
    private readonly activity: ActivityRecorder,
  ) {}

  async handle(tick: JobTick): Promise<void> {
    const marked = await this.markOverdue(DateTime.fromJSDate(tick.scheduledAt, { zone: officeTimeZone }).toISODate()!);
    this.logger.log({ tick: tick.key, marked, msg: 'overdue pledges marked' });
  }

  /** Marks the pledges overdue on `today` (an ISO date in the office's zone); answers how many it marked. */
  markOverdue(today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.pledges.markOverdue(manager, today);
      await this.audit.recordMany(
        manager,
        null,
        rows.map((row) => ({
          action: 'pledge.overdue',
          subjectType: 'Pledge',
          subjectId: row.id,
          before: { overdueSince: null },
          after: { overdueSince: today },
        })),
      );
      await this.activity.append(
        manager,
        null,
        rows.map((row) => ({
          subjectType: row.personId ? ('Person' as const) : ('Organization' as const),
          subjectId: (row.personId ?? row.organizationId)!,
          kind: 'pledge.overdue',
          recordType: 'Pledge',
          recordId: row.id,
          summary: { pledgeId: row.id },
        })),
      );
      return rows.length;
    });
  }
}
