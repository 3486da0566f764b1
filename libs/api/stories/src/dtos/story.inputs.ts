import { Field, ID, InputType, IntersectionType, PartialType } from '@nestjs/graphql';
import type { ConsentLevel, ConsentMethod, Language, StoryKind, StoryStatus } from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { RecordVersionInputType } from '@crm/records';
import { ConsentLevelEnum, ConsentMethodEnum, StoryKindEnum, StoryStatusEnum } from './story.object';

// GraphQL shapes only: validation is the shared zod schema, in the resolver.

@InputType({ description: 'ownerId (who gathered it) defaults to the caller' })
export class CreateStoryInputType {
  @Field(() => ID) campaignId: string;
  @Field(() => StoryKindEnum) kind: StoryKind;
  @Field(() => LanguageEnum) language: Language;
  @Field() title: string;
  @Field() text: string;
  @Field() provinceCode: string;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for a named public story' }) storytellerName?: string | null;
  @Field(() => ID, { nullable: true }) storytellerPersonId?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => ConsentLevelEnum) consentLevel: ConsentLevel;
  @Field({ description: 'YYYY-MM-DD' }) consentDate: string;
  @Field(() => ConsentMethodEnum) consentMethod: ConsentMethod;
  @Field(() => String, { nullable: true }) consentNote?: string | null;
}

@InputType({ description: 'A draft only; the fields given change, null clears an optional field' })
export class UpdateStoryInputType extends IntersectionType(RecordVersionInputType, PartialType(CreateStoryInputType)) {}

@InputType()
export class ReviewStoryInputType extends RecordVersionInputType {
  @Field(() => StoryStatusEnum) status: StoryStatus;
}

@InputType()
export class StoryFilterInputType {
  @Field(() => ID, { nullable: true }) campaignId?: string;
  @Field(() => [StoryStatusEnum], { nullable: true }) statuses?: StoryStatus[];
  @Field(() => [ConsentLevelEnum], { nullable: true }) consentLevels?: ConsentLevel[];
  @Field(() => [StoryKindEnum], { nullable: true }) kinds?: StoryKind[];
  @Field(() => [String], { nullable: true }) provinceCodes?: string[];
  @Field({ nullable: true, description: 'Withdrawn stories instead (ADMIN only reads any)' }) withdrawn?: boolean;
  @Field({ nullable: true, description: 'Words of the title or text' }) search?: string;
}
