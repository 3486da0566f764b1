import { createTransport, type Transporter } from 'nodemailer';

export interface MailEnvelope {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
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
    await this.transporter.sendMail({ ...mail, headers: { 'Content-Language': mail.language } });
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
