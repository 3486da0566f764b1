import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { OrganizationsModule } from '@crm/organizations';
import { PeopleModule } from '@crm/people';
import { RecordsModule } from '@crm/records';
import { EventLoaders } from './event-loaders';
import { EventRepository } from './event.repository';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { RsvpRepository } from './rsvp.repository';
import { RsvpService } from './rsvp.service';

@Module({
  imports: [CampaignModule, OrganizationsModule, PeopleModule, RecordsModule, EngagementModule],
  providers: [EventRepository, RsvpRepository, EventsService, RsvpService, EventLoaders, EventsResolver],
  exports: [EventsService, RsvpService],
})
export class EventsModule {}
