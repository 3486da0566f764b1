import { Module, type DynamicModule } from '@nestjs/common';
import { DataTransferWorkerModule } from '@crm/data-transfer';
import { MailWorkerModule } from '@crm/mail';
import { OrganizationsImportModule } from '@crm/organizations';
import { OutreachDigestModule } from '@crm/outreach';
import { PeopleImportModule } from '@crm/people';
import { ConfigModule, DatabaseModule, OutboxModule, OutboxRelayService, QueueModule, type AppConfig } from '@crm/platform';
import { PledgesDigestModule, PledgesWorkerModule } from '@crm/pledges';
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
        OutreachDigestModule,
        PledgesWorkerModule,
        PledgesDigestModule,
        ToolkitWorkerModule,
      ],
      providers: [OutboxRelayService],
    };
  }
}
