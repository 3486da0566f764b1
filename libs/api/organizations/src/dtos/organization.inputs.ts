import { Field, ID, InputType, IntersectionType, PartialType } from '@nestjs/graphql';
import type { Membership, OrganizationKind, RecordSort } from '@crm/contracts';
import { RecordSortEnum, RecordVersionInputType } from '@crm/records';
import { MembershipEnum, OrganizationKindEnum } from './organization.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType()
export class CreateOrganizationInputType {
  @Field() nameEn: string;
  @Field(() => String, { nullable: true }) nameFr?: string | null;
  @Field(() => OrganizationKindEnum) kind: OrganizationKind;
  @Field(() => MembershipEnum, { nullable: true }) membership?: Membership;
  @Field(() => String, { nullable: true }) membershipSince?: string | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[];
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
}

@InputType({ description: 'A new organization as typed so far: which may already be there (same e-mail; close name in the same city)' })
export class OrganizationDuplicatesInputType {
  @Field() nameEn: string;
  @Field(() => String, { nullable: true }) nameFr?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) provinceCode?: string;
  @Field(() => String, { nullable: true }) city?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateOrganizationInputType extends IntersectionType(RecordVersionInputType, PartialType(CreateOrganizationInputType)) {}

@InputType()
export class OrganizationFilterInputType {
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field(() => ID, { nullable: true, description: "A region's provinces" }) regionId?: string;
  @Field(() => [OrganizationKindEnum], { nullable: true }) kinds?: OrganizationKind[];
  @Field(() => [MembershipEnum], { nullable: true }) memberships?: Membership[];
  @Field(() => [String], { nullable: true, description: 'All of these tags' }) tags?: string[];
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field({ nullable: true, description: 'ISO date-time, inclusive' }) updatedSince?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these organizations (at most 50)' }) ids?: string[];
  @Field({ nullable: true, description: 'Archived records instead of active ones (default false)' }) archived?: boolean;
  @Field({ nullable: true, description: 'Name, tolerant of typos, accents and case' }) search?: string;
  @Field(() => RecordSortEnum, { nullable: true, description: 'The order of the list (default NAME)' }) sort?: RecordSort;
}
