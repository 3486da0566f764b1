export { EventsModule, EventsWorkerModule } from './events.module';
export { SendEventRemindersJob, REMINDER_HOUR } from './mail/send-event-reminders.job';
export { EventsService, type EventView } from './events.service';
export { RsvpService } from './rsvp.service';
export { EventObject } from './dtos/event.object';
export { instantOf, localOf } from './event-time';
