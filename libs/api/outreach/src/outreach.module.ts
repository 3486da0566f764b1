import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { PeopleImportModule, PeopleModule } from '@crm/people';
import { RecordsModule, TransferModule } from '@crm/records';
import { OutreachImportTarget } from './outreach.import';
import { OutreachRepository } from './outreach.repository';
import { OutreachResolver } from './outreach.resolver';
import { OutreachService } from './outreach.service';
import { OutreachTransfer } from './outreach.transfer';

@Module({
  imports: [CampaignModule, EngagementModule, PeopleModule, PeopleImportModule, RecordsModule, TransferModule],
  providers: [OutreachRepository, OutreachService, OutreachResolver, OutreachTransfer, OutreachImportTarget],
  exports: [OutreachService],
})
export class OutreachModule {}
