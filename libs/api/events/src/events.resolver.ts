import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AddWalkInInput,
  CheckInInput,
  CreateEventInput,
  EventFilter,
  Id,
  InviteToEventInput,
  PageArgs,
  RsvpInput,
  RsvpListFilter,
  SetEventStatusInput,
  UpdateEventInput,
} from '@crm/contracts';
import { Allow, AllowField, Ctx, parseInput, selectedFields, type RequestContext } from '@crm/platform';
import { withoutNulls } from '@crm/records';
import {
  AddWalkInInputType,
  CheckInInputType,
  CreateEventInputType,
  EventFilterInputType,
  InviteToEventInputType,
  RsvpInputType,
  RsvpListFilterInputType,
  SetEventStatusInputType,
  UpdateEventInputType,
} from './dtos/event.inputs';
import {
  EventConnection,
  EventObject,
  EventOrganizationObject,
  EventPersonObject,
  RsvpCountsObject,
  RsvpListConnection,
  RsvpObject,
  RsvpOutcomeObject,
} from './dtos/event.object';
import { EventLoaders } from './event-loaders';
import type { EventView } from './events.service';
import { EventsService } from './events.service';
import { RsvpService } from './rsvp.service';

@Resolver(() => EventObject)
export class EventsResolver {
  constructor(
    private readonly service: EventsService,
    private readonly lists: RsvpService,
    private readonly loaders: EventLoaders,
  ) {}

  @Allow('read', 'Event')
  @Query(() => EventConnection, { description: 'Events the caller may see, by start time (keyset pages of 50 by default)' })
  async events(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: EventFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EventConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(EventFilter, withoutNulls(filter ?? {}), ['filter']);
    const [result, totalCount] = await Promise.all([
      this.service.list(ctx, parsed, page.first, page.after),
      selectedFields(info, [])?.has('totalCount') ? this.service.count(ctx, parsed) : undefined,
    ]);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage }, totalCount };
  }

  @Allow('read', 'Event')
  @Query(() => EventObject)
  event(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<EventObject> {
    return this.service.get(ctx, parseInput(Id, id, ['id']));
  }

  @Allow('create', 'Event')
  @Mutation(() => EventObject)
  createEvent(@Ctx() ctx: RequestContext, @Args('input') input: CreateEventInputType): Promise<EventObject> {
    return this.service.create(ctx, parseInput(CreateEventInput, withoutNulls(input)));
  }

  @Allow('update', 'Event')
  @Mutation(() => EventObject, { description: 'CONFLICT when `version` is not the current one' })
  updateEvent(@Ctx() ctx: RequestContext, @Args('input') input: UpdateEventInputType): Promise<EventObject> {
    return this.service.update(ctx, parseInput(UpdateEventInput, input));
  }

  @Allow('update', 'Event')
  @Mutation(() => EventObject, { description: 'planned → confirmed → held, or cancelled; any other move is BAD_USER_INPUT naming the allowed ones' })
  setEventStatus(@Ctx() ctx: RequestContext, @Args('input') input: SetEventStatusInputType): Promise<EventObject> {
    return this.service.setStatus(ctx, parseInput(SetEventStatusInput, input));
  }

  // Answers name people: those who work with people (read Person) read them, of the events they may read.
  @Allow('read', 'Person')
  @Query(() => RsvpListConnection, { description: 'Answers and attendance across events, by the events’ start then by name (keyset pages of 50)' })
  async eventRsvps(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: RsvpListFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RsvpListConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(RsvpListFilter, withoutNulls(filter ?? {}), ['filter']);
    const [result, totalCount] = await Promise.all([
      this.lists.list(ctx, parsed, page.first, page.after),
      selectedFields(info, [])?.has('totalCount') ? this.lists.count(ctx, parsed) : undefined,
    ]);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage }, totalCount };
  }

  // The list of an event is about people: those who work with people (read Person) keep it.
  @Allow('read', 'Person')
  @Mutation(() => [ID], { description: 'Puts people on the list as invited; answers those newly invited' })
  inviteToEvent(@Ctx() ctx: RequestContext, @Args('input') input: InviteToEventInputType): Promise<string[]> {
    return this.lists.invite(ctx, parseInput(InviteToEventInput, input));
  }

  @Allow('read', 'Person')
  @Mutation(() => RsvpOutcomeObject, { description: 'A "yes" past capacity is waitlisted; a place freed goes to the longest waiting' })
  rsvpToEvent(@Ctx() ctx: RequestContext, @Args('input') input: RsvpInputType): Promise<RsvpOutcomeObject> {
    return this.lists.respond(ctx, parseInput(RsvpInput, input));
  }

  @Allow('read', 'Person')
  @Mutation(() => RsvpOutcomeObject, { description: 'Ticks (or un-ticks) an arrival; someone not on the list comes in as a walk-in' })
  checkInToEvent(@Ctx() ctx: RequestContext, @Args('input') input: CheckInInputType): Promise<RsvpOutcomeObject> {
    return this.lists.checkIn(ctx, parseInput(CheckInInput, withoutNulls(input)));
  }

  @Allow('create', 'Person')
  @Mutation(() => RsvpOutcomeObject, { description: 'A walk-in: a new person in the event’s province, checked in' })
  addWalkIn(@Ctx() ctx: RequestContext, @Args('input') input: AddWalkInInputType): Promise<RsvpOutcomeObject> {
    return this.lists.addWalkIn(ctx, parseInput(AddWalkInInput, withoutNulls(input)));
  }

  @AllowField('read', 'Event')
  @ResolveField(() => EventOrganizationObject, { nullable: true, description: 'The host organization, if the caller may read it' })
  hostOrganization(@Ctx() ctx: RequestContext, @Parent() event: EventView) {
    return event.organizationId ? this.loaders.for(ctx).organization.load(event.organizationId) : null;
  }

  @AllowField('read', 'Person')
  @ResolveField(() => [EventPersonObject], { nullable: true, description: 'Host leaders the caller may see; null for a role that reads no people' })
  hostLeaders(@Ctx() ctx: RequestContext, @Parent() event: EventView) {
    return this.loaders.for(ctx).hosts.load(event.id);
  }

  @AllowField('read', 'Person')
  @ResolveField(() => [RsvpObject], { nullable: true, description: 'The list, by name (people the caller may see); null for a role that reads no people' })
  rsvps(@Ctx() ctx: RequestContext, @Parent() event: EventView) {
    return this.loaders.for(ctx).rsvps.load(event.id);
  }

  @AllowField('read', 'Event')
  @ResolveField(() => RsvpCountsObject, { description: 'How many stand where on the list (no names)' })
  rsvpCounts(@Ctx() ctx: RequestContext, @Parent() event: EventView) {
    return this.loaders.for(ctx).counts.load(event.id);
  }
}
