import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  startsOn: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  endsOn: string | null;

  @Field()
  isDefault: boolean;

  @Field(() => [PolicyAskObject])
  policyAsks: PolicyAskObject[];
}
