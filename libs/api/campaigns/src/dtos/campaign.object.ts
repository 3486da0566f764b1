import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { campaignStatusValues, goalMetricValues, type CampaignStatus, type GoalMetric } from '@crm/contracts';

export const CampaignStatusEnum = Object.fromEntries(campaignStatusValues.map((v) => [v, v])) as { [K in CampaignStatus]: K };
registerEnumType(CampaignStatusEnum, { name: 'CampaignStatus' });

export const GoalMetricEnum = Object.fromEntries(goalMetricValues.map((v) => [v, v])) as { [K in GoalMetric]: K };
registerEnumType(GoalMetricEnum, { name: 'GoalMetric', description: 'What a campaign goal counts' });

@ObjectType('PolicyAsk', { description: 'A policy recommendation the campaign calls on the government to adopt' })
export class PolicyAskObject {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  position: number;

  @Field()
  titleEn: string;

  @Field()
  titleFr: string;
}

@ObjectType('CampaignGoal', { description: 'A target for one metric, national (no region) or for one region, with live progress in the viewer’s scope' })
export class CampaignGoalObject {
  @Field(() => ID)
  id: string;

  @Field(() => GoalMetricEnum)
  metric: GoalMetric;

  @Field(() => ID, { nullable: true })
  regionId: string | null;

  @Field(() => Int)
  target: number;

  @Field(() => Int, { nullable: true, description: 'Live count in the viewer’s scope; null when not counted yet or suppressed' })
  count: number | null;

  @Field({ description: 'True when a small regional count is withheld so no person can be singled out' })
  suppressed: boolean;
}

@ObjectType('Campaign')
export class CampaignObject {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  nameEn: string;

  @Field()
  nameFr: string;

  @Field(() => String, { nullable: true })
  descriptionEn: string | null;

  @Field(() => String, { nullable: true })
  descriptionFr: string | null;

  @Field(() => CampaignStatusEnum)
  status: CampaignStatus;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  startsOn: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  endsOn: string | null;

  @Field()
  isDefault: boolean;

  @Field(() => Int)
  version: number;

  @Field(() => [PolicyAskObject])
  policyAsks: PolicyAskObject[];
}
