import { Injectable } from '@nestjs/common';
import { OutboxService } from '@crm/platform';
import type { EntityManager } from 'typeorm';
import { MailMessageEntity, type MailAttachment } from './mail-message.entity';

export interface OutgoingMail {
  template: string;
  language: 'en' | 'fr';
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files sent with it (an event's `.ics`). */
  attachments?: MailAttachment[];
}

@Injectable()
export class MailService {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * Stores the message and records its delivery job in the caller's transaction:
   * the e-mail goes out if and only if the write that caused it commits. `about` names the
   * record it concerns, when erasing that record's personal data must reach the message.
   */
  async queue(manager: EntityManager, mail: OutgoingMail, about?: { recordType: string; recordId: string }): Promise<string> {
    const message = manager.create(MailMessageEntity, {
      recordType: about?.recordType ?? null,
      recordId: about?.recordId ?? null,
      template: mail.template,
      language: mail.language,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      attachments: mail.attachments?.length ? mail.attachments : null,
      status: 'queued',
    });
    const saved = await manager.save(MailMessageEntity, message);
    await this.outbox.enqueue(manager, 'SendMailJob', { mailMessageId: saved.id });
    return saved.id;
  }
}
