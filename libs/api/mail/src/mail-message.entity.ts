import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'queued' | 'sent' | 'stored' | 'failed';

/** A small text file sent with a message (an `.ics` invitation), stored as text. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

// An e-mail as it will be (or was) sent. With no SMTP relay configured, messages
// are kept here with status "stored" and ADMIN reads them in the staff app.
@Entity({ name: 'mail_message' })
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  template: string;

  @Column('char', { length: 2 })
  language: 'en' | 'fr';

  @Column('text', { name: 'to_address' })
  toAddress: string;

  @Column('text')
  subject: string;

  @Column('text', { name: 'body_text' })
  bodyText: string;

  @Column('text', { name: 'body_html' })
  bodyHtml: string;

  @Column('text', { default: 'queued' })
  status: MailStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  /** The record the message is about (a toolkit request), so erasing that record's personal data reaches it. */
  @Column('text', { name: 'record_type', nullable: true })
  recordType: string | null;

  @Column('uuid', { name: 'record_id', nullable: true })
  recordId: string | null;

  /** Files sent with it (an event's `.ics`): small text files, kept with the message so a retry sends the same. */
  @Column('jsonb', { nullable: true })
  attachments: MailAttachment[] | null;

  /** When its address and text were erased (privacy); the row stays, so the log's counts do. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;
}
