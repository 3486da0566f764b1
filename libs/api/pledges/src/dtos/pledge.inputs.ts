import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { PledgeKind, PledgeStatus } from '@crm/contracts';
import { PledgeKindEnum, PledgeStatusEnum } from './pledge.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType({ description: 'Exactly one of personId and organizationId; campaignId defaults to the default campaign' })
export class CreatePledgeInputType {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => PledgeKindEnum) kind: PledgeKind;
  @Field(() => ID, { nullable: true }) policyAskId?: string | null;
  @Field(() => String, { nullable: true }) dueOn?: string | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => ID, { nullable: true }) eventId?: string | null;
  @Field(() => ID, { nullable: true }) outreachId?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdatePledgeInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => PledgeKindEnum, { nullable: true }) kind?: PledgeKind;
  @Field(() => ID, { nullable: true }) policyAskId?: string | null;
  @Field(() => String, { nullable: true }) dueOn?: string | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => ID, { nullable: true }) eventId?: string | null;
  @Field(() => ID, { nullable: true }) outreachId?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType()
export class SetPledgeStatusInputType {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field(() => PledgeStatusEnum) status: PledgeStatus;
  @Field(() => String, { nullable: true }) evidence?: string | null;
}

@InputType()
export class PledgeFilterInputType {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field(() => ID, { nullable: true, description: "A region's provinces" }) regionId?: string;
  @Field(() => ID, { nullable: true, description: 'Followed up by this user: its owner, or its creator when no owner is named' }) followedBy?: string;
  @Field(() => [PledgeStatusEnum], { nullable: true }) statuses?: PledgeStatus[];
  @Field(() => [PledgeKindEnum], { nullable: true }) kinds?: PledgeKind[];
  @Field(() => ID, { nullable: true }) personId?: string;
  @Field(() => ID, { nullable: true }) organizationId?: string;
  @Field(() => ID, { nullable: true }) eventId?: string;
  @Field({ nullable: true, description: 'Only those the daily job found overdue (true) or not (false)' }) overdue?: boolean;
}
