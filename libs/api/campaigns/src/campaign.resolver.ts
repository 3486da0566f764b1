import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CreateCampaignInput, Id, UpdateCampaignInput } from '@crm/contracts';
import { Allow, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { CampaignService } from './campaign.service';
import { CampaignGoalObject, CampaignObject } from './dtos/campaign.object';
import { CreateCampaignInputType, UpdateCampaignInputType } from './dtos/campaign.inputs';

@Resolver(() => CampaignObject)
export class CampaignResolver {
  constructor(private readonly campaignService: CampaignService) {}

  @Allow('read', 'Campaign')
  @Query(() => CampaignObject, { description: 'The campaign staff work on unless they pick another' })
  defaultCampaign(): Promise<CampaignObject> {
    return this.campaignService.defaultCampaign();
  }

  @Allow('read', 'Campaign')
  @Query(() => [CampaignObject])
  campaigns(): Promise<CampaignObject[]> {
    return this.campaignService.list();
  }

  @Allow('read', 'Campaign')
  @Query(() => CampaignObject)
  campaign(@Args('id', { type: () => ID }) id: string): Promise<CampaignObject> {
    return this.campaignService.get(parseInput(Id, id, ['id']));
  }

  @Allow('read', 'Campaign')
  @ResolveField(() => [CampaignGoalObject], { description: 'Goals with live progress in the viewer’s scope' })
  goals(@Ctx() ctx: RequestContext, @Parent() campaign: CampaignObject): Promise<CampaignGoalObject[]> {
    return this.campaignService.goals(ctx, campaign);
  }

  @Allow('create', 'Campaign')
  @Mutation(() => CampaignObject)
  createCampaign(@Ctx() ctx: RequestContext, @Args('input') input: CreateCampaignInputType): Promise<CampaignObject> {
    return this.campaignService.create(ctx, parseInput(CreateCampaignInput, withoutNulls(input)));
  }

  @Allow('update', 'Campaign')
  @Mutation(() => CampaignObject, { description: 'CONFLICT when `version` is not the current one' })
  updateCampaign(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCampaignInputType): Promise<CampaignObject> {
    return this.campaignService.update(ctx, parseInput(UpdateCampaignInput, input));
  }
}

// A create input's nulls mean "not given" (defaults apply).
function withoutNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
