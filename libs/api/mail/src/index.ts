export { MailModule, MailWorkerModule } from './mail.module';
export { MailService, type OutgoingMail } from './mail.service';
export { MailMessageEntity, type MailStatus, type MailAttachment } from './mail-message.entity';
export { MailMessageRepository } from './mail-message.repository';
export { SendMailJob } from './jobs/send-mail.job';
export { MAIL_TRANSPORT } from './mail.tokens';
export { mailTransportFor, StoredMailTransport, SmtpMailTransport, type MailTransport } from './mail-transport';
export { defineMailTemplate, composeMail, type MailTemplate } from './templates/mail-template';
export { renderMail, type MailContent } from './templates/mail-layout';
