import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { membershipValues, organizationKindValues, type Membership, type OrganizationKind } from '@crm/contracts';
import { PageInfoObject } from '@crm/platform';

// GraphQL enums from the contracts' value lists: one source for both.
export const OrganizationKindEnum = Object.fromEntries(organizationKindValues.map((v) => [v, v])) as { [K in OrganizationKind]: K };
registerEnumType(OrganizationKindEnum, { name: 'OrganizationKind' });

export const MembershipEnum = Object.fromEntries(membershipValues.map((v) => [v, v])) as { [K in Membership]: K };
registerEnumType(MembershipEnum, { name: 'Membership' });

@ObjectType('Organization', { description: 'A member organization, ally or partner of the coalition' })
export class OrganizationObject {
  @Field(() => ID) id: string;
  @Field() nameEn: string;
  @Field() nameFr: string;
  @Field(() => OrganizationKindEnum) kind: OrganizationKind;
  @Field(() => MembershipEnum) membership: Membership;
  @Field(() => String, { nullable: true, description: 'ISO date' }) membershipSince: string | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +16135550199' }) phone: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => [String]) tags: string[];
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'Set when this record was merged into another' }) mergedIntoId: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('OrganizationConnection')
export class OrganizationConnection {
  @Field(() => [OrganizationObject]) nodes: OrganizationObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { description: 'How many organizations match the filter in all (counted only when asked for)' }) totalCount?: number;
}
