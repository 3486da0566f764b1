import { createTransport, type Transporter } from 'nodemailer';

export interface MailEnvelope {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface MailTransport {
  /** "sent" when handed to a relay; "stored" when kept for reading in the app. */
  deliver(mail: MailEnvelope): Promise<'sent' | 'stored'>;
}

export class SmtpMailTransport implements MailTransport {
  private readonly transporter: Transporter;
  constructor(url: string) {
    this.transporter = createTransport(url);
  }
  async deliver(mail: MailEnvelope): Promise<'sent'> {
    const { attachments, ...rest } = mail;
    await this.transporter.sendMail({
      ...rest,
      headers: { 'Content-Language': mail.language },
      // A calendar file as its own part (`text/calendar; method=…` as the content type carries it).
      ...(attachments?.length
        ? { attachments: attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: file.content })) }
        : {}),
    });
    return 'sent';
  }
}

export class StoredMailTransport implements MailTransport {
  async deliver(): Promise<'stored'> {
    return 'stored';
  }
}

export function mailTransportFor(smtpUrl: string | undefined): MailTransport {
  return smtpUrl ? new SmtpMailTransport(smtpUrl) : new StoredMailTransport();
}
