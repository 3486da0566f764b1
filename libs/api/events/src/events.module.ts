import { Module } from '@nestjs/common';
import { CampaignModule } from '@crm/campaigns';
import { EngagementModule } from '@crm/engagement';
import { ActorContextModule, IdentityModule } from '@crm/identity';
import { MailModule } from '@crm/mail';
import { OrganizationsModule } from '@crm/organizations';
import { PeopleModule } from '@crm/people';
import { RecordsModule, TransferModule } from '@crm/records';
import { EventLoaders } from './event-loaders';
import { EventRepository } from './event.repository';
import { EventsResolver } from './events.resolver';
import { EventsService } from './events.service';
import { EventTransfer } from './event.transfer';
import { CalendarFeedRepository } from './ics/calendar-feed.repository';
import { CalendarFeedResolver } from './ics/calendar-feed.resolver';
import { EventCalendarController } from './ics/event-calendar.controller';
import { EventCalendarService } from './ics/event-calendar.service';
import { EventMailRepository } from './mail/event-mail.repository';
import { EventMailer } from './mail/event-mailer';
import { EventMailResolver } from './mail/event-mail.resolver';
import { SendEventRemindersJob } from './mail/send-event-reminders.job';
import { RsvpRepository } from './rsvp.repository';
import { RsvpService } from './rsvp.service';

@Module({
  imports: [ActorContextModule, CampaignModule, IdentityModule, OrganizationsModule, PeopleModule, RecordsModule, EngagementModule, MailModule, TransferModule],
  controllers: [EventCalendarController],
  providers: [
    EventRepository,
    RsvpRepository,
    EventsService,
    RsvpService,
    EventLoaders,
    EventsResolver,
    CalendarFeedRepository,
    EventCalendarService,
    CalendarFeedResolver,
    EventMailRepository,
    EventMailer,
    EventMailResolver,
    EventTransfer,
  ],
  exports: [EventsService, RsvpService, EventMailRepository, EventMailer],
})
export class EventsModule {}

/** The day-before reminders (`@RepeatableJob`, decision 117): loaded by the worker beside EventsModule. */
@Module({
  imports: [EventsModule],
  providers: [SendEventRemindersJob],
  exports: [SendEventRemindersJob],
})
export class EventsWorkerModule {}
