import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { pledgeKindValues, pledgeStatusValues, type PledgeKind, type PledgeStatus } from '@crm/contracts';
import { PageInfoObject } from '@crm/platform';

export const PledgeKindEnum = Object.fromEntries(pledgeKindValues.map((v) => [v, v])) as { [K in PledgeKind]: K };
registerEnumType(PledgeKindEnum, { name: 'PledgeKind' });
export const PledgeStatusEnum = Object.fromEntries(pledgeStatusValues.map((v) => [v, v])) as { [K in PledgeStatus]: K };
registerEnumType(PledgeStatusEnum, { name: 'PledgeStatus', description: 'pledged → in_progress → fulfilled, or lapsed' });

@ObjectType('Pledge', { description: 'A person or organization commits to one of the campaign’s actions' })
export class PledgeObject {
  @Field(() => ID) id: string;
  @Field(() => ID) campaignId: string;
  @Field(() => ID, { nullable: true }) personId: string | null;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => String, { nullable: true, description: 'The person’s or organization’s name; null when the caller may not read them' }) pledgerName:
    string | null;
  @Field(() => PledgeKindEnum) kind: PledgeKind;
  @Field(() => ID, { nullable: true, description: 'The policy ask of a pledge to contact an MP' }) policyAskId: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) dueOn: string | null;
  @Field(() => String, { nullable: true, description: 'Text or a link that shows it was done' }) evidence: string | null;
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => ID, { nullable: true, description: 'The event where it was made' }) eventId: string | null;
  @Field(() => String, { nullable: true }) eventTitleEn: string | null;
  @Field(() => String, { nullable: true }) eventTitleFr: string | null;
  @Field(() => ID, { nullable: true, description: 'The outreach where it was made' }) outreachId: string | null;
  @Field(() => PledgeStatusEnum) status: PledgeStatus;
  @Field(() => String, { nullable: true, description: 'ISO date it was found overdue (set by the daily job)' }) overdueSince: string | null;
  @Field(() => Date, { nullable: true }) fulfilledAt: Date | null;
  @Field() provinceCode: string;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('PledgeHistoryEntry', { description: 'One step in a pledge’s life, as its pledger’s timeline records it' })
export class PledgeHistoryEntryObject {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field({ description: 'pledge.created, pledge.updated (with the changed fields), pledge.overdue' }) kind: string;
  @Field(() => ID, { nullable: true, description: 'Null when no user did it (the system marked it overdue)' }) actorId: string | null;
  @Field(() => String, { nullable: true, description: 'Null when the caller may not read that user’s name' }) actorName: string | null;
  @Field(() => [String], { description: 'The fields changed (names, never values)' }) fields: string[];
}

@ObjectType('PledgeConnection')
export class PledgeConnection {
  @Field(() => [PledgeObject]) nodes: PledgeObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { nullable: true, description: 'How many pledges match the filter in all (counted only when asked for)' }) totalCount?: number;
}
