import { Module, type DynamicModule } from '@nestjs/common';
import { DataTransferWorkerModule } from '@crm/data-transfer';
import { MailWorkerModule } from '@crm/mail';
import { OrganizationsImportModule } from '@crm/organizations';
import { OutreachDigestModule, OutreachModule } from '@crm/outreach';
import { PeopleImportModule } from '@crm/people';
import { AuditModule, ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, RedisModule, type AppConfig } from '@crm/platform';
import { EventsModule, EventsWorkerModule } from '@crm/events';
import { PledgesDigestModule, PledgesModule, PledgesWorkerModule } from '@crm/pledges';
import { ToolkitWorkerModule } from '@crm/toolkit';

// The worker: BullMQ processors and the outbox relay. No HTTP.
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        OutboxModule,
        MailWorkerModule,
        DataTransferWorkerModule,
        // What the import jobs can import: each domain's import module registers its target.
        PeopleImportModule,
        OrganizationsImportModule,
        // Outreach history: its target records contacts and places people on the ladder again, which
        // reads every domain's ladder signal (registered by the outreach, events and pledges modules).
        RedisModule,
        AuditModule,
        OutreachModule,
        EventsModule,
        EventsWorkerModule,
        PledgesModule,
        OutreachDigestModule,
        PledgesWorkerModule,
        PledgesDigestModule,
        ToolkitWorkerModule,
      ],
      providers: [OutboxRelayService],
    };
  }
}
