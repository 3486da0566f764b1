import { randomUUID } from 'node:crypto';
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

  /**
   * Many messages at once, as `queue` does one (in the caller's transaction): one insert
   * for the messages and one for their delivery jobs. Answers the ids in the mails' order.
   */
  async queueMany(manager: EntityManager, mails: readonly OutgoingMail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    const ids = mails.map(() => randomUUID());
    await manager.query(
      `INSERT INTO mail_message (id, template, language, to_address, subject, body_text, body_html, attachments, status)
       SELECT x.id, x.template, x.language, x.to_address, x.subject, x.body_text, x.body_html, x.attachments, 'queued'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
              AS x(id, template, language, to_address, subject, body_text, body_html, attachments)`,
      [
        ids,
        mails.map((mail) => mail.template),
        mails.map((mail) => mail.language),
        mails.map((mail) => mail.to),
        mails.map((mail) => mail.subject),
        mails.map((mail) => mail.text),
        mails.map((mail) => mail.html),
        mails.map((mail) => (mail.attachments?.length ? JSON.stringify(mail.attachments) : null)),
      ],
    );
    await this.outbox.enqueueMany(
      manager,
      'SendMailJob',
      ids.map((mailMessageId) => ({ mailMessageId })),
    );
    return ids;
  }
}
