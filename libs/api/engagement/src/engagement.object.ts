import { Field, ID, ObjectType, InputType } from '@nestjs/graphql';
import type { EngagementStage } from '@crm/contracts';
import { EngagementStageEnum } from '@crm/people';

@ObjectType('LadderFactDetail', { description: 'A code that says more about the fact (channel, outcome, policy ask id…)' })
export class LadderFactDetailObject {
  @Field() key: string;
  @Field() value: string;
}

@ObjectType('EngagementOverride', { description: 'A stage set by hand by national staff' })
export class EngagementOverrideObject {
  @Field(() => EngagementStageEnum) stage: EngagementStage;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID, { nullable: true }) setById: string | null;
  @Field(() => String, { nullable: true }) setByName: string | null;
  @Field(() => Date, { nullable: true }) setAt: Date | null;
}

@ObjectType('Engagement', { description: 'Where the person stands on the ladder of engagement, and why' })
export class EngagementObject {
  @Field(() => EngagementStageEnum, { description: 'The stage shown: the override when there is one, else the derived stage' }) stage: EngagementStage;
  @Field(() => EngagementStageEnum, { description: 'What the records earn, whatever the override' }) derivedStage: EngagementStage;
  @Field(() => String, { nullable: true, description: 'The kind of fact that earned the derived stage (ladder-rules.ts)' }) factKind: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date of that fact' }) factOn: string | null;
  @Field(() => String, { nullable: true }) factRecordType: string | null;
  @Field(() => ID, { nullable: true }) factRecordId: string | null;
  @Field(() => [LadderFactDetailObject]) factDetail: LadderFactDetailObject[];
  @Field(() => EngagementOverrideObject, { nullable: true }) override: EngagementOverrideObject | null;
}

@InputType()
export class SetEngagementOverrideInputType {
  @Field(() => ID) personId: string;
  @Field(() => EngagementStageEnum, { nullable: true, description: 'null clears the override' }) stage: EngagementStage | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
