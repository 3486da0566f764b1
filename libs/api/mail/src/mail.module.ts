import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@crm/platform';
import { MailMessageEntity } from './mail-message.entity';
import { MailService } from './mail.service';
import { MailMessageRepository } from './mail-message.repository';
import { MailMessageResolver } from './mail-message.resolver';
import { MAIL_TRANSPORT } from './mail.tokens';
import { mailTransportFor } from './mail-transport';
import { SendMailJob } from './jobs/send-mail.job';

/** For writers (the API): queue messages through the outbox. */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [MailService, MailMessageRepository, MailMessageResolver],
  exports: [MailService],
})
export class MailModule {}

/** For the worker: deliver queued messages (the queue's worker finds SendMailJob by its @QueueJob mark). */
@Module({
  imports: [TypeOrmModule.forFeature([MailMessageEntity])],
  providers: [{ provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => mailTransportFor(config.SMTP_URL) }, SendMailJob],
})
export class MailWorkerModule {}
