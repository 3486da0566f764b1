import { Args, Field, ID, Mutation, ObjectType, Parent, Query, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AnswerToken,
  eventMailKindValues,
  eventMailOutcomeValues,
  eventMailReasonValues,
  PublicRsvpInput,
  type EventMailKind,
  type EventMailOutcome,
  type EventMailReason,
  type RsvpAnswer,
  type RsvpResponse,
} from '@crm/contracts';
import { AllowField, Ctx, NotFoundException, parseInput, Public, type RequestContext } from '@crm/platform';
import { EventObject, RsvpAnswerEnum, RsvpResponseEnum } from '../dtos/event.object';
import type { EventView } from '../events.service';
import { localOf } from '../event-time';
import { RsvpService } from '../rsvp.service';
import { EventMailRepository } from './event-mail.repository';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const EventMailKindEnum = enumOf(eventMailKindValues);
registerEnumType(EventMailKindEnum, { name: 'EventMailKind' });
export const EventMailOutcomeEnum = enumOf(eventMailOutcomeValues);
registerEnumType(EventMailOutcomeEnum, { name: 'EventMailOutcome', description: 'withheld: not sent, for the reason given' });
export const EventMailReasonEnum = enumOf(eventMailReasonValues);
registerEnumType(EventMailReasonEnum, { name: 'EventMailReason' });

@ObjectType('EventMailNotice', { description: 'The latest message of one kind to one guest: sent, or withheld and why' })
export class EventMailNoticeObject {
  @Field(() => ID) personId: string;
  @Field(() => EventMailKindEnum) kind: EventMailKind;
  @Field(() => EventMailOutcomeEnum) outcome: EventMailOutcome;
  @Field(() => EventMailReasonEnum, { nullable: true }) reason: EventMailReason | null;
  @Field() at: Date;
}

@ObjectType('PublicInvitation', { description: 'What an invitation’s public answer page shows: the event, and the answer so far' })
export class PublicInvitationObject {
  @Field() titleEn: string;
  @Field(() => String, { nullable: true }) titleFr: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() timeZone: string;
  @Field() startsAtLocal: string;
  @Field() endsAtLocal: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field({ description: 'False once the event is held or cancelled' }) open: boolean;
  @Field(() => RsvpResponseEnum) response: RsvpResponse;
  @Field({ description: 'The guest’s language: the page opens in it' }) language: string;
}

@Resolver(() => EventObject)
export class EventMailResolver {
  constructor(
    private readonly log: EventMailRepository,
    private readonly rsvps: RsvpService,
  ) {}

  @AllowField('read', 'Person')
  @ResolveField(() => [EventMailNoticeObject], { nullable: true, description: 'Mail to the guests the caller may see; null for a role that reads no people' })
  mailNotices(@Ctx() ctx: RequestContext, @Parent() event: EventView): Promise<EventMailNoticeObject[]> {
    return this.log.notices(ctx.ability, event.id);
  }

  @Public('an invitation’s answer page: the secret token sent to the guest is the access')
  @Query(() => PublicInvitationObject)
  async publicInvitation(@Args('token') token: string): Promise<PublicInvitationObject> {
    const found = await this.rsvps.invitationByToken(parseInput(AnswerToken, token, ['token']));
    if (!found) throw new NotFoundException('Invitation');
    const { event } = found;
    return {
      titleEn: event.titleEn,
      titleFr: event.titleFr,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      startsAtLocal: localOf(event.startsAt, event.timeZone),
      endsAtLocal: localOf(event.endsAt, event.timeZone),
      place: event.place,
      onlineUrl: event.onlineUrl,
      open: event.status === 'planned' || event.status === 'confirmed',
      response: found.response,
      language: found.language,
    };
  }

  @Public('an invitation’s answer page: the secret token sent to the guest is the access')
  @Mutation(() => RsvpResponseEnum, { description: 'Answers an invitation by its token; a "yes" past capacity is waitlisted' })
  async answerInvitation(
    @Ctx() ctx: RequestContext,
    @Args('token') token: string,
    @Args('response', { type: () => RsvpAnswerEnum }) response: RsvpAnswer,
  ): Promise<RsvpResponse> {
    const input = parseInput(PublicRsvpInput, { token, response }, []);
    return (await this.rsvps.answerByToken(ctx, input.token, input.response)).response;
  }
}
