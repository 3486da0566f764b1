import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { OutreachChannel, OutreachOutcome } from '@crm/contracts';
import { OutreachChannelEnum, OutreachOutcomeEnum } from './outreach.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType({ description: 'Person, channel and outcome are required; the date defaults to today, the campaign to the default one' })
export class LogOutreachInputType {
  @Field(() => ID, { nullable: true, description: 'Made by the client once per entry: a retry with the same id answers the same outreach' })
  clientId?: string;
  @Field(() => ID) personId: string;
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => OutreachChannelEnum) channel: OutreachChannel;
  @Field(() => OutreachOutcomeEnum) outcome: OutreachOutcome;
  @Field(() => String, { nullable: true }) occurredOn?: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true }) policyAskId?: string | null;
  @Field(() => String, { nullable: true }) followUpOn?: string | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the caller when a follow-up date is given' }) followUpOwnerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The open follow-up this contact closes' }) closesFollowUpId?: string;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateOutreachInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => OutreachChannelEnum, { nullable: true }) channel?: OutreachChannel;
  @Field(() => OutreachOutcomeEnum, { nullable: true }) outcome?: OutreachOutcome;
  @Field(() => String, { nullable: true }) occurredOn?: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true }) policyAskId?: string | null;
  @Field(() => String, { nullable: true }) followUpOn?: string | null;
  @Field(() => ID, { nullable: true }) followUpOwnerId?: string | null;
}

@InputType()
export class SnoozeFollowUpInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ description: 'ISO date the follow-up is due again' }) until: string;
}

@InputType()
export class OutreachFilterInputType {
  @Field({ nullable: true, description: 'Only what I recorded or own the follow-up of' }) mine?: boolean;
  @Field(() => ID, { nullable: true }) personId?: string;
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => ID, { nullable: true }) regionId?: string;
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field(() => [OutreachChannelEnum], { nullable: true }) channels?: OutreachChannel[];
  @Field(() => [OutreachOutcomeEnum], { nullable: true }) outcomes?: OutreachOutcome[];
  @Field(() => String, { nullable: true }) from?: string;
  @Field(() => String, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true, description: 'Words of the person’s name' }) search?: string;
}
