import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { EventKind, EventStatus, LeaderCategory, RsvpAnswer, RsvpResponse } from '@crm/contracts';
import { EventKindEnum, EventStatusEnum, RsvpAnswerEnum, RsvpResponseEnum } from './event.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType({ description: 'Times are wall-clock times in `timeZone` (2026-04-04T19:00); campaignId defaults to the default campaign' })
export class CreateEventInputType {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field() titleEn: string;
  @Field(() => String, { nullable: true }) titleFr?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionFr?: string | null;
  @Field(() => EventKindEnum) kind: EventKind;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => [ID], { nullable: true }) hostPersonIds?: string[];
  @Field() provinceCode: string;
  @Field() timeZone: string;
  @Field() startsAt: string;
  @Field() endsAt: string;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
}

@InputType({ description: 'Only the fields given change; timeZone, startsAt and endsAt travel together' })
export class UpdateEventInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => String, { nullable: true }) titleEn?: string;
  @Field(() => String, { nullable: true }) titleFr?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionFr?: string | null;
  @Field(() => EventKindEnum, { nullable: true }) kind?: EventKind;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => [ID], { nullable: true }) hostPersonIds?: string[];
  @Field(() => String, { nullable: true }) provinceCode?: string;
  @Field(() => String, { nullable: true }) timeZone?: string;
  @Field(() => String, { nullable: true }) startsAt?: string;
  @Field(() => String, { nullable: true }) endsAt?: string;
  @Field(() => String, { nullable: true }) place?: string | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Attendees who are not in the CRM' }) headCount?: number;
}

@InputType()
export class SetEventStatusInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => EventStatusEnum) status: EventStatus;
}

@InputType()
export class EventFilterInputType {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field(() => ID, { nullable: true, description: "A region's provinces" }) regionId?: string;
  @Field(() => ID, { nullable: true, description: 'Hosted by this organization' }) organizationId?: string;
  @Field(() => [EventStatusEnum], { nullable: true }) statuses?: EventStatus[];
  @Field(() => [EventKindEnum], { nullable: true }) kinds?: EventKind[];
  @Field({ nullable: true, description: 'ISO instant: events ending at or after it' }) from?: string;
  @Field({ nullable: true, description: 'ISO instant: events starting before it' }) to?: string;
  @Field({ nullable: true, description: 'Words of the title' }) search?: string;
  @Field({ nullable: true, description: 'Latest start first (default: earliest first)' }) newestFirst?: boolean;
}

@InputType({ description: 'Answers and attendance across the events the caller may read' })
export class RsvpListFilterInputType {
  @Field(() => ID, { nullable: true }) eventId?: string;
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => [String], { nullable: true, description: 'The events’ provinces' }) provinceCodes?: string[];
  @Field(() => [RsvpResponseEnum], { nullable: true }) responses?: RsvpResponse[];
  @Field({ nullable: true, description: 'Checked in (true) or not (false)' }) attended?: boolean;
}

@InputType()
export class InviteToEventInputType {
  @Field(() => ID) eventId: string;
  @Field(() => [ID]) personIds: string[];
}

@InputType()
export class RsvpInputType {
  @Field(() => ID) eventId: string;
  @Field(() => ID) personId: string;
  @Field(() => RsvpAnswerEnum) response: RsvpAnswer;
}

@InputType()
export class CheckInInputType {
  @Field(() => ID) eventId: string;
  @Field(() => ID) personId: string;
  @Field({ nullable: true, description: 'Default true; false un-ticks an arrival' }) attended?: boolean;
}

@InputType({ description: 'A new person in a few fields, in the event’s province, checked in at once' })
export class AddWalkInInputType {
  @Field(() => ID) eventId: string;
  @Field() firstName: string;
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) leaderCategory?: LeaderCategory | null;
  @Field({ nullable: true }) consentEmail?: boolean;
}
