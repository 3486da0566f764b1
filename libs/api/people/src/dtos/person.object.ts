import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { engagementStageValues, leaderCategoryValues, type EngagementStage, type Language, type LeaderCategory } from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { OrganizationObject } from '@crm/organizations';
import { PageInfoObject } from '@crm/platform';

export const LeaderCategoryEnum = Object.fromEntries(leaderCategoryValues.map((v) => [v, v])) as { [K in LeaderCategory]: K };
registerEnumType(LeaderCategoryEnum, { name: 'LeaderCategory' });

export const EngagementStageEnum = Object.fromEntries(engagementStageValues.map((v) => [v, v])) as { [K in EngagementStage]: K };
registerEnumType(EngagementStageEnum, { name: 'EngagementStage', description: 'The ladder of engagement, in order' });

@ObjectType('Affiliation', { description: 'A person’s role at an organization' })
export class AffiliationObject {
  @Field(() => OrganizationObject) organization: OrganizationObject;
  @Field(() => String, { nullable: true }) title: string | null;
}

@ObjectType('Person', { description: 'A community leader or contact' })
export class PersonObject {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => LanguageEnum) preferredLanguage: Language;
  @Field(() => [String]) emails: string[];
  @Field(() => [String], { description: 'E.164, e.g. +16135550199' }) phones: string[];
  @Field(() => LeaderCategoryEnum, { nullable: true }) leaderCategory: LeaderCategory | null;
  @Field() provinceCode: string;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field(() => ID, { nullable: true }) ownerId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => EngagementStageEnum) engagementStage: EngagementStage;
  @Field(() => String, { nullable: true, description: 'Why the ladder of engagement put them there' }) engagementReason: string | null;
  @Field() consentEmail: boolean;
  @Field() consentPhone: boolean;
  @Field() doNotContact: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Sensitive: null unless the caller is ADMIN, STAFF or the owner' }) livedExperience: boolean | null;
  @Field(() => [String]) tags: string[];
  @Field(() => String, { nullable: true }) notes: string | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'Set when this record was merged into another' }) mergedIntoId: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  // Read with the person in the same statement, limited to organizations the caller may see.
  @Field(() => [AffiliationObject]) affiliations: AffiliationObject[];
}

@ObjectType('PersonConnection')
export class PersonConnection {
  @Field(() => [PersonObject]) nodes: PersonObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
  @Field(() => Int, { description: 'How many people match the filter in all (counted only when asked for)' }) totalCount?: number;
}

@ObjectType('DirectoryResult', { description: 'Search across organizations and people, best matches first' })
export class DirectoryResultObject {
  @Field(() => [OrganizationObject]) organizations: OrganizationObject[];
  @Field(() => [PersonObject]) people: PersonObject[];
}
