import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Id } from '@crm/contracts';
import { Allow, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { EventCalendarService } from './event-calendar.service';

@ObjectType('CalendarFeed', { description: 'A region’s events as an .ics feed a calendar app subscribes to' })
export class CalendarFeedObject {
  @Field(() => ID) id: string;
  @Field(() => ID) regionId: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When a calendar app last read it' }) lastUsedAt: Date | null;
}

@ObjectType('NewCalendarFeed')
export class NewCalendarFeedObject {
  @Field(() => CalendarFeedObject) feed: CalendarFeedObject;
  @Field({ description: 'The feed’s path on the API, with its secret token: shown once' }) path: string;
}

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly calendars: EventCalendarService) {}

  @Allow('read', 'Event')
  @Query(() => [CalendarFeedObject], { description: 'The caller’s calendar feeds, not revoked' })
  myCalendarFeeds(@Ctx() ctx: RequestContext): Promise<CalendarFeedObject[]> {
    return this.calendars.myFeeds(ctx);
  }

  @Allow('read', 'Event')
  @Mutation(() => NewCalendarFeedObject, { description: 'A secret-token feed of a region’s events, as the caller may read them' })
  async createCalendarFeed(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<NewCalendarFeedObject> {
    const { feed, token } = await this.calendars.createFeed(ctx, parseInput(Id, regionId, ['regionId']));
    return { feed, path: `/calendar/${token}.ics` };
  }

  @Allow('read', 'Event')
  @Mutation(() => Boolean, { description: 'Revokes one of the caller’s feeds: its URL answers nothing from now on' })
  revokeCalendarFeed(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.calendars.revokeFeed(ctx, parseInput(Id, id, ['id']));
  }
}
