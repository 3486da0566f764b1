import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { outreachChannelValues, outreachOutcomeValues, type OutreachChannel, type OutreachOutcome } from '@crm/contracts';
import { PageInfoObject } from '@crm/platform';

export const OutreachChannelEnum = Object.fromEntries(outreachChannelValues.map((v) => [v, v])) as { [K in OutreachChannel]: K };
registerEnumType(OutreachChannelEnum, { name: 'OutreachChannel' });

export const OutreachOutcomeEnum = Object.fromEntries(outreachOutcomeValues.map((v) => [v, v])) as { [K in OutreachOutcome]: K };
registerEnumType(OutreachOutcomeEnum, { name: 'OutreachOutcome' });

@ObjectType('Outreach', { description: 'One contact with a person for a campaign' })
export class OutreachObject {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => ID, { nullable: true, description: 'The id the client made for this entry (retries send it again)' }) clientId: string | null;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field() provinceCode: string;
  @Field(() => ID) campaignId: string;
  @Field(() => OutreachChannelEnum) channel: OutreachChannel;
  @Field({ description: 'ISO date (YYYY-MM-DD)' }) occurredOn: string;
  @Field(() => OutreachOutcomeEnum) outcome: OutreachOutcome;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => ID, { nullable: true }) policyAskId: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date of the next follow-up' }) followUpOn: string | null;
  @Field(() => ID, { nullable: true, description: 'Who owns the follow-up' }) followUpOwnerId: string | null;
  @Field(() => String, { nullable: true }) followUpOwnerName: string | null;
  @Field(() => Date, { nullable: true }) followUpDoneAt: Date | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => String, { nullable: true }) createdByName: string | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
}

@ObjectType('OutreachConnection')
export class OutreachConnection {
  @Field(() => [OutreachObject]) nodes: OutreachObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('FollowUps', { description: 'The caller’s open follow-ups due within the week, overdue first' })
export class FollowUpsObject {
  @Field({ description: 'Today in the caller’s time zone (ISO date): earlier is overdue' }) today: string;
  @Field(() => [OutreachObject]) nodes: OutreachObject[];
}
