import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { OrganizationsModule } from '@crm/organizations';
import { PeopleModule } from '@crm/people';
import { RecordsModule } from '@crm/records';
import { StoriesResolver } from './stories.resolver';
import { StoriesService } from './stories.service';
import { StoryRepository } from './story.repository';

@Module({
  imports: [CampaignModule, OrganizationsModule, PeopleModule, RecordsModule],
  providers: [StoryRepository, StoriesService, StoriesResolver],
  exports: [StoriesService],
})
export class StoriesModule {}
