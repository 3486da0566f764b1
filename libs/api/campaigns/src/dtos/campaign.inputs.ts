import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CampaignStatus, GoalMetric } from '@crm/contracts';
import { CampaignStatusEnum, GoalMetricEnum } from './campaign.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType()
export class PolicyAskInputType {
  @Field(() => ID, { nullable: true, description: 'An existing ask keeps its id; none adds one' }) id?: string;
  @Field() titleEn: string;
  @Field() titleFr: string;
}

@InputType()
export class CampaignGoalInputType {
  @Field(() => GoalMetricEnum) metric: GoalMetric;
  @Field(() => ID, { nullable: true, description: 'None: the national goal' }) regionId?: string | null;
  @Field(() => Int) target: number;
}

@InputType()
export class CreateCampaignInputType {
  @Field() nameEn: string;
  @Field() nameFr: string;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionFr?: string | null;
  @Field(() => String, { nullable: true }) startsOn?: string | null;
  @Field(() => String, { nullable: true }) endsOn?: string | null;
  @Field(() => CampaignStatusEnum, { nullable: true }) status?: CampaignStatus;
  @Field(() => [PolicyAskInputType], { nullable: true }) policyAsks?: PolicyAskInputType[];
  @Field(() => [CampaignGoalInputType], { nullable: true }) goals?: CampaignGoalInputType[];
}

@InputType({ description: 'Only the fields given change; policyAsks and goals, when given, replace the lists' })
export class UpdateCampaignInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) nameEn?: string;
  @Field(() => String, { nullable: true }) nameFr?: string;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionFr?: string | null;
  @Field(() => String, { nullable: true }) startsOn?: string | null;
  @Field(() => String, { nullable: true }) endsOn?: string | null;
  @Field(() => CampaignStatusEnum, { nullable: true }) status?: CampaignStatus;
  @Field(() => [PolicyAskInputType], { nullable: true }) policyAsks?: PolicyAskInputType[];
  @Field(() => [CampaignGoalInputType], { nullable: true }) goals?: CampaignGoalInputType[];
}
