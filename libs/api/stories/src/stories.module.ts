import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { IdentityModule } from '@crm/identity';
import { OrganizationsModule } from '@crm/organizations';
import { PeopleModule } from '@crm/people';
import { RecordsModule, TransferModule } from '@crm/records';
import { StoriesResolver } from './stories.resolver';
import { StoriesService } from './stories.service';
import { StoryRepository } from './story.repository';
import { StoryTransfer } from './story.transfer';

@Module({
  imports: [CampaignModule, IdentityModule, OrganizationsModule, PeopleModule, RecordsModule, TransferModule],
  providers: [StoryRepository, StoriesService, StoriesResolver, StoryTransfer],
  exports: [StoriesService],
})
export class StoriesModule {}
