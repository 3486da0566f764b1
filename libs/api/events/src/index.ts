export { EventsModule } from './events.module';
export { EventsService, type EventView } from './events.service';
export { RsvpService } from './rsvp.service';
export { EventObject } from './dtos/event.object';
export { instantOf, localOf } from './event-time';
