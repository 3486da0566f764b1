import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { PeopleModule } from '@crm/people';
import { RecordsModule, TransferModule } from '@crm/records';
import { OutreachRepository } from './outreach.repository';
import { OutreachResolver } from './outreach.resolver';
import { OutreachService } from './outreach.service';
import { OutreachTransfer } from './outreach.transfer';

@Module({
  imports: [CampaignModule, EngagementModule, PeopleModule, RecordsModule, TransferModule],
  providers: [OutreachRepository, OutreachService, OutreachResolver, OutreachTransfer],
  exports: [OutreachService],
})
export class OutreachModule {}
