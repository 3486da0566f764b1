import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CreatePledgeInput, Id, PageArgs, PledgeFilter, SetPledgeStatusInput, UpdatePledgeInput } from '@crm/contracts';
import { Allow, AllowField, Ctx, parseInput, selectedFields, type RequestContext } from '@crm/platform';
import { withoutNulls } from '@crm/records';
import { CreatePledgeInputType, PledgeFilterInputType, SetPledgeStatusInputType, UpdatePledgeInputType } from './dtos/pledge.inputs';
import { PledgeConnection, PledgeHistoryEntryObject, PledgeObject } from './dtos/pledge.object';
import type { PledgeRow } from './pledge.row';
import { PledgesService } from './pledges.service';

@Resolver(() => PledgeObject)
export class PledgesResolver {
  constructor(private readonly service: PledgesService) {}

  @Allow('read', 'Pledge')
  @Query(() => PledgeConnection, { description: 'Pledges the caller may see, newest first (keyset pages of 50 by default)' })
  async pledges(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: PledgeFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PledgeConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(PledgeFilter, withoutNulls(filter ?? {}), ['filter']);
    const [result, totalCount] = await Promise.all([
      this.service.list(ctx, parsed, page.first, page.after),
      selectedFields(info, [])?.has('totalCount') ? this.service.count(ctx, parsed) : undefined,
    ]);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage }, totalCount };
  }

  @Allow('read', 'Pledge')
  @Query(() => PledgeObject)
  pledge(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<PledgeObject> {
    return this.service.get(ctx, parseInput(Id, id, ['id']));
  }

  @Allow('create', 'Pledge')
  @Mutation(() => PledgeObject)
  createPledge(@Ctx() ctx: RequestContext, @Args('input') input: CreatePledgeInputType): Promise<PledgeObject> {
    return this.service.create(ctx, parseInput(CreatePledgeInput, withoutNulls(input)));
  }

  @Allow('update', 'Pledge')
  @Mutation(() => PledgeObject, { description: 'CONFLICT when `version` is not the current one' })
  updatePledge(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePledgeInputType): Promise<PledgeObject> {
    return this.service.update(ctx, parseInput(UpdatePledgeInput, input));
  }

  @Allow('update', 'Pledge')
  @Mutation(() => PledgeObject, { description: 'pledged → in_progress → fulfilled, or lapsed; any other move is BAD_USER_INPUT naming the allowed ones' })
  setPledgeStatus(@Ctx() ctx: RequestContext, @Args('input') input: SetPledgeStatusInputType): Promise<PledgeObject> {
    return this.service.setStatus(ctx, parseInput(SetPledgeStatusInput, withoutNulls(input)));
  }

  @AllowField('read', 'Pledge')
  @ResolveField(() => [PledgeHistoryEntryObject], { description: 'Its steps, oldest first (ask it of one pledge, not of a list)' })
  history(@Ctx() ctx: RequestContext, @Parent() pledge: PledgeRow): Promise<PledgeHistoryEntryObject[]> {
    return this.service.history(ctx, pledge);
  }
}
