import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Id, LogOutreachInput, OutreachFilter, PageArgs, RecordVersionInput, SnoozeFollowUpInput, UpdateOutreachInput } from '@crm/contracts';
import { Allow, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { RecordVersionInputType, withoutNulls } from '@crm/records';
import { DataSource } from 'typeorm';
import { FollowUpsObject, OutreachConnection, OutreachObject } from './dtos/outreach.object';
import { LogOutreachInputType, OutreachFilterInputType, SnoozeFollowUpInputType, UpdateOutreachInputType } from './dtos/outreach.inputs';
import { timeZoneOf } from './outreach.repository';
import type { OutreachListRow } from './outreach.row';
import { OutreachService } from './outreach.service';

// Field by field, not `{ ...rest }`: a rest copy of each of 200 rows cost more than the rest of "my follow-ups" in Node (decision 092).
export function toOutreachObject(row: OutreachListRow): OutreachObject {
  return {
    id: row.id,
    version: row.version,
    clientId: row.clientId,
    personId: row.personId,
    personName: row.personName,
    provinceCode: row.provinceCode,
    campaignId: row.campaignId,
    channel: row.channel,
    occurredOn: row.occurredOn,
    outcome: row.outcome,
    notes: row.notes,
    policyAskId: row.policyAskId,
    followUpOn: row.followUpOn,
    followUpOwnerId: row.ownerId,
    followUpOwnerName: row.ownerName,
    followUpDoneAt: row.followUpDoneAt,
    createdById: row.createdById,
    createdByName: row.createdByName,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

@Resolver(() => OutreachObject)
export class OutreachResolver {
  constructor(
    private readonly service: OutreachService,
    private readonly dataSource: DataSource,
  ) {}

  @Allow('read', 'Outreach')
  @Query(() => OutreachConnection, { description: 'Outreach the caller may see, newest first (keyset pages of 50 by default)' })
  async outreachList(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: OutreachFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<OutreachConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.service.list(ctx, parseInput(OutreachFilter, withoutNulls(filter), ['filter']), page.first, page.after);
    return { nodes: result.rows.map(toOutreachObject), pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('read', 'Outreach')
  @Query(() => OutreachObject)
  async outreach(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OutreachObject> {
    return toOutreachObject(await this.service.get(ctx, parseInput(Id, id, ['id'])));
  }

  @Allow('read', 'Outreach')
  @Query(() => FollowUpsObject, { description: 'My open follow-ups: overdue, due today and this week' })
  async myFollowUps(@Ctx() ctx: RequestContext): Promise<FollowUpsObject> {
    const { today, rows } = await this.service.myFollowUps(ctx, await timeZoneOf(this.dataSource.manager, ctx.actor?.id));
    return { today, nodes: rows.map(toOutreachObject) };
  }

  @Allow('create', 'Outreach')
  @Mutation(() => OutreachObject, { description: 'Records a contact; the same clientId again answers the same outreach' })
  async logOutreach(@Ctx() ctx: RequestContext, @Args('input') input: LogOutreachInputType): Promise<OutreachObject> {
    const parsed = parseInput(LogOutreachInput, withoutNulls(input));
    // The user's time zone (today's date when none is sent) is read with the checks, in one statement (decision 115).
    return toOutreachObject(await this.service.log(ctx, parsed));
  }

  @Allow('update', 'Outreach')
  @Mutation(() => OutreachObject, { description: 'CONFLICT when `version` is not the current one' })
  async updateOutreach(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOutreachInputType): Promise<OutreachObject> {
    return toOutreachObject(await this.service.update(ctx, parseInput(UpdateOutreachInput, input)));
  }

  @Allow('archive', 'Outreach')
  @Mutation(() => OutreachObject, { description: 'Deletes (archives) an outreach: it leaves lists and the ladder' })
  async archiveOutreach(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<OutreachObject> {
    return toOutreachObject(await this.service.archive(ctx, parseInput(RecordVersionInput, input)));
  }

  @Allow('update', 'Outreach')
  @Mutation(() => OutreachObject, { description: 'Marks a follow-up done' })
  async completeFollowUp(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<OutreachObject> {
    return toOutreachObject(await this.service.completeFollowUp(ctx, parseInput(RecordVersionInput, input)));
  }

  @Allow('update', 'Outreach')
  @Mutation(() => OutreachObject, { description: 'Moves a follow-up to a later date' })
  async snoozeFollowUp(@Ctx() ctx: RequestContext, @Args('input') input: SnoozeFollowUpInputType): Promise<OutreachObject> {
    return toOutreachObject(await this.service.snoozeFollowUp(ctx, parseInput(SnoozeFollowUpInput, input)));
  }
}
