import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, QueueJob, QueueName, type AppConfig, type JobPayloads, type OutboxJobHandler } from '@crm/platform';
import { DataSource } from 'typeorm';
import { MailMessageEntity } from '../mail-message.entity';
import { MAIL_TRANSPORT } from '../mail.tokens';
import type { MailTransport } from '../mail-transport';

/** Delivers one stored message (or marks it stored when no SMTP relay is configured); safe to run again. */
@QueueJob(QueueName.Mail)
@Injectable()
export class SendMailJob implements OutboxJobHandler<'SendMailJob'> {
  private readonly logger = new Logger(SendMailJob.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle({ mailMessageId }: JobPayloads['SendMailJob']): Promise<void> {
    const repository = this.dataSource.getRepository(MailMessageEntity);
    const message = await repository.findOneBy({ id: mailMessageId });
    // Gone or already delivered: a retried job never sends twice.
    if (!message || message.status === 'sent' || message.status === 'stored') return;
    try {
      const outcome = await this.transport.deliver({
        from: this.config.MAIL_FROM,
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
        html: message.bodyHtml,
        language: message.language,
        ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      });
      await repository.update({ id: message.id }, { status: outcome, attempts: message.attempts + 1, deliveredAt: new Date(), lastError: null });
      this.logger.log({ mailMessageId, outcome, msg: 'mail delivered' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await repository.update({ id: message.id }, { attempts: message.attempts + 1, lastError: reason.slice(0, 500) });
      throw error; // BullMQ retries with backoff
    }
  }
}
