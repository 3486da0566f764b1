import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { PeopleModule } from '@crm/people';
import { RecordsModule } from '@crm/records';
import { OutreachRepository } from './outreach.repository';
import { OutreachResolver } from './outreach.resolver';
import { OutreachService } from './outreach.service';

@Module({
  imports: [CampaignModule, EngagementModule, PeopleModule, RecordsModule],
  providers: [OutreachRepository, OutreachService, OutreachResolver],
  exports: [OutreachService],
})
export class OutreachModule {}
