import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { eventKindValues, eventStatusValues, rsvpResponseValues, type EventKind, type EventStatus, type RsvpResponse } from '@crm/contracts';
import { PageInfoObject } from '@crm/platform';

export const EventKindEnum = Object.fromEntries(eventKindValues.map((v) => [v, v])) as { [K in EventKind]: K };
registerEnumType(EventKindEnum, { name: 'EventKind' });
export const EventStatusEnum = Object.fromEntries(eventStatusValues.map((v) => [v, v])) as { [K in EventStatus]: K };
registerEnumType(EventStatusEnum, { name: 'EventStatus', description: 'planned → confirmed → held, or cancelled' });
export const RsvpResponseEnum = Object.fromEntries(rsvpResponseValues.map((v) => [v, v])) as { [K in RsvpResponse]: K };
export const RsvpAnswerEnum = { yes: 'yes', maybe: 'maybe', no: 'no' } as const;
registerEnumType(RsvpAnswerEnum, { name: 'RsvpAnswer' });
registerEnumType(RsvpResponseEnum, { name: 'RsvpResponse', description: 'waitlisted: said yes when the event was full; walk_in: checked in without an RSVP' });

@ObjectType('EventPerson', { description: 'A host or guest of an event: their name, read under the caller’s scope for people' })
export class EventPersonObject {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() provinceCode: string;
  @Field() engagementStage: string;
}

@ObjectType('EventOrganization', { description: 'The host organization of an event' })
export class EventOrganizationObject {
  @Field(() => ID) id: string;
  @Field() nameEn: string;
  @Field() nameFr: string;
}

@ObjectType('Rsvp', { description: 'One person on an event’s list' })
export class RsvpObject {
  @Field(() => EventPersonObject) person: EventPersonObject;
  @Field(() => RsvpResponseEnum) response: RsvpResponse;
  @Field(() => Date, { nullable: true }) invitedAt: Date | null;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Place in the waitlist: the earlier, the sooner promoted' }) waitlistedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set when they arrived (attendance)' }) checkedInAt: Date | null;
}

@ObjectType('RsvpListItem', { description: 'One answer (and attendance) in the list across events' })
export class RsvpListItemObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field() eventTitleEn: string;
  @Field(() => String, { nullable: true }) eventTitleFr: string | null;
  @Field() eventStartsAt: Date;
  @Field() eventTimeZone: string;
  @Field(() => EventPersonObject) person: EventPersonObject;
  @Field(() => RsvpResponseEnum) response: RsvpResponse;
  @Field(() => Date, { nullable: true }) invitedAt: Date | null;
  @Field(() => Date, { nullable: true }) respondedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Set when they arrived (attendance)' }) checkedInAt: Date | null;
}

@ObjectType('RsvpListConnection')
export class RsvpListConnection {
  @Field(() => [RsvpListItemObject]) nodes: RsvpListItemObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { nullable: true, description: 'How many answers match the filter in all (counted only when asked for)' }) totalCount?: number;
}

@ObjectType('RsvpCounts', { description: 'How many people stand where on an event’s list (no names)' })
export class RsvpCountsObject {
  @Field(() => Int) invited: number;
  @Field(() => Int) yes: number;
  @Field(() => Int) maybe: number;
  @Field(() => Int) no: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int) walkIns: number;
  @Field(() => Int, { description: 'People in the CRM checked in' }) attended: number;
}

@ObjectType('Event', { description: 'A campaign event, at its own place and time zone' })
export class EventObject {
  @Field(() => ID) id: string;
  @Field(() => ID) campaignId: string;
  @Field() titleEn: string;
  @Field(() => String, { nullable: true, description: 'Null: the English title serves' }) titleFr: string | null;
  @Field(() => String, { nullable: true }) descriptionEn: string | null;
  @Field(() => String, { nullable: true }) descriptionFr: string | null;
  @Field(() => EventKindEnum) kind: EventKind;
  @Field(() => ID, { nullable: true, description: 'The host organization' }) organizationId: string | null;
  @Field({ description: 'Where it happens (its region for access rules)' }) provinceCode: string;
  @Field({ description: 'The instant it starts' }) startsAt: Date;
  @Field() endsAt: Date;
  @Field({ description: 'Its own IANA time zone, e.g. America/St_Johns' }) timeZone: string;
  @Field({ description: 'The start as a wall-clock time in its own zone: 2026-04-04T19:00' }) startsAtLocal: string;
  @Field() endsAtLocal: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field(() => Int, { nullable: true, description: 'Places; null: no limit' }) capacity: number | null;
  @Field(() => Int, { description: 'Attendees who are not in the CRM' }) headCount: number;
  @Field(() => EventStatusEnum) status: EventStatus;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('EventConnection')
export class EventConnection {
  @Field(() => [EventObject]) nodes: EventObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { nullable: true, description: 'How many events match the filter in all (counted only when asked for)' }) totalCount?: number;
}

@ObjectType('RsvpOutcome', { description: 'Where a person stands after a change to an event’s list' })
export class RsvpOutcomeObject {
  @Field(() => ID) eventId: string;
  @Field(() => ID) personId: string;
  @Field(() => RsvpResponseEnum) response: RsvpResponse;
  @Field() attended: boolean;
  @Field(() => [ID], { description: 'Moved off the waitlist by this change' }) promotedPersonIds: string[];
}
