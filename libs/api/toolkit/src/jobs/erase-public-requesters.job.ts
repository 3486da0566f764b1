import { Injectable, Logger, Module } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { MailMessageRepository } from '@crm/mail';
import { AuditService, QueueName, RepeatableJob, type JobTick, type RepeatableJobHandler } from '@crm/platform';
import { DataSource } from 'typeorm';
import { toolkitAssignedMail, toolkitConfirmationMail, toolkitShippedMail } from '../mail/toolkit-mail';
import { ToolkitRequestRepository } from '../toolkit-request.repository';

/** Public requesters' personal data is kept this long after delivery or decline. */
export const PUBLIC_REQUESTER_KEEP_MONTHS = 12;
const BATCH = 500;

/**
 * Daily: erases the name, e-mail, organization, address and note of public
 * requests delivered or declined more than 12 months before the tick (the request,
 * its items and counts stay), and the address and text of the e-mails sent about them, a batch per transaction, each erasure audited (no
 * values). The cut-off comes from the tick's scheduled time and a request already
 * erased is skipped, so a retried or late tick, or two workers, erase each once.
 */
@RepeatableJob({ queue: QueueName.Maintenance, schedule: { pattern: '40 3 * * *', tz: officeTimeZone } })
@Injectable()
export class ErasePublicRequestersJob implements RepeatableJobHandler {
  private readonly logger = new Logger(ErasePublicRequestersJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: ToolkitRequestRepository,
    private readonly audit: AuditService,
    private readonly mail: MailMessageRepository,
  ) {}

  async handle(tick: JobTick): Promise<void> {
    const before = new Date(tick.scheduledAt);
    before.setUTCMonth(before.getUTCMonth() - PUBLIC_REQUESTER_KEEP_MONTHS);
    let total = 0;
    for (;;) {
      const ids = await this.requests.erasable(before, BATCH);
      if (ids.length === 0) break;
      total += await this.dataSource.transaction(async (manager) => {
        const erased = await this.requests.erase(manager, ids);
        // The e-mails sent about them hold the same name, address and e-mail (decisions 003, 074): erased with them.
        await this.mail.eraseAbout(manager, {
          recordType: 'ToolkitRequest',
          recordIds: erased.map((row) => row.id),
          templates: [toolkitConfirmationMail.name, toolkitShippedMail.name, toolkitAssignedMail.name],
          addresses: erased.flatMap((row) => (row.email ? [row.email] : [])),
        });
        await this.audit.recordMany(
          manager,
          null,
          erased.map(({ id }) => ({
            action: 'toolkitRequest.erase',
            subjectType: 'ToolkitRequest',
            subjectId: id,
            before: { erased: false },
            after: { erased: true },
          })),
        );
        return erased.length;
      });
      if (ids.length < BATCH) break;
    }
    this.logger.log({ tick: tick.key, erased: total, msg: 'public toolkit requesters erased' });
  }
}

/** For the worker: the toolkit's repeatable jobs. */
@Module({ providers: [AuditService, ToolkitRequestRepository, MailMessageRepository, ErasePublicRequestersJob] })
export class ToolkitWorkerModule {}
