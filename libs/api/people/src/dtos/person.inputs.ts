import { Field, ID, InputType, IntersectionType, PartialType } from '@nestjs/graphql';
import type { EngagementStage, Language, LeaderCategory, RecordSort } from '@crm/contracts';
import { RecordSortEnum, RecordVersionInputType } from '@crm/records';
import { LanguageEnum } from '@crm/identity';
import { EngagementStageEnum, LeaderCategoryEnum } from './person.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType()
export class AffiliationInputType {
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType({ description: 'ownerId defaults to the coordinator who adds the person' })
export class CreatePersonInputType {
  @Field() firstName: string;
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => LanguageEnum, { nullable: true }) preferredLanguage?: Language;
  @Field(() => [String], { nullable: true }) emails?: string[];
  @Field(() => [String], { nullable: true }) phones?: string[];
  @Field(() => LeaderCategoryEnum, { nullable: true }) leaderCategory?: LeaderCategory | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field({ nullable: true }) consentEmail?: boolean;
  @Field({ nullable: true }) consentPhone?: boolean;
  @Field({ nullable: true }) doNotContact?: boolean;
  @Field({ nullable: true, description: 'Only ADMIN, STAFF or the owner may set it' }) livedExperience?: boolean;
  @Field(() => [String], { nullable: true }) tags?: string[];
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [AffiliationInputType], { nullable: true }) affiliations?: AffiliationInputType[];
}

@InputType({ description: 'A new person as typed so far: who may already be there (same e-mail; close name in the same city)' })
export class PersonDuplicatesInputType {
  @Field() firstName: string;
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => [String], { nullable: true }) emails?: string[];
  @Field(() => String, { nullable: true }) provinceCode?: string;
  @Field(() => String, { nullable: true }) city?: string | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field; affiliations, when given, replace those you can see' })
export class UpdatePersonInputType extends IntersectionType(RecordVersionInputType, PartialType(CreatePersonInputType)) {}

@InputType()
export class PersonFilterInputType {
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field(() => ID, { nullable: true, description: "A region's provinces" }) regionId?: string;
  @Field(() => ID, { nullable: true, description: 'People affiliated with this organization' }) organizationId?: string;
  @Field(() => [String], { nullable: true, description: 'All of these tags' }) tags?: string[];
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field(() => [EngagementStageEnum], { nullable: true }) engagementStages?: EngagementStage[];
  @Field(() => [LeaderCategoryEnum], { nullable: true }) leaderCategories?: LeaderCategory[];
  @Field({ nullable: true, description: 'ISO date-time, inclusive' }) updatedSince?: string;
  @Field(() => [ID], { nullable: true, description: 'Only these people (at most 50)' }) ids?: string[];
  @Field({ nullable: true, description: 'Archived records instead of active ones (default false)' }) archived?: boolean;
  @Field({ nullable: true, description: 'Name or e-mail, tolerant of typos, accents and case' }) search?: string;
  @Field(() => RecordSortEnum, { nullable: true, description: 'The order of the list (default NAME)' }) sort?: RecordSort;
}
