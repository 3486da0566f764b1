import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  consentLevelValues,
  consentMethodValues,
  storyKindValues,
  storyStatusValues,
  type ConsentLevel,
  type ConsentMethod,
  type Language,
  type StoryKind,
  type StoryStatus,
} from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { PageInfoObject } from '@crm/platform';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const StoryKindEnum = enumOf(storyKindValues);
registerEnumType(StoryKindEnum, { name: 'StoryKind', description: 'The contribution a story shows' });
export const ConsentLevelEnum = enumOf(consentLevelValues);
registerEnumType(ConsentLevelEnum, { name: 'ConsentLevel', description: 'What the storyteller agreed to: internal only, anonymised public, named public' });
export const ConsentMethodEnum = enumOf(consentMethodValues);
registerEnumType(ConsentMethodEnum, { name: 'ConsentMethod', description: 'How consent was given' });
export const StoryStatusEnum = enumOf(storyStatusValues);
registerEnumType(StoryStatusEnum, { name: 'StoryStatus', description: 'The review: draft → approved → published (and back one step)' });

/**
 * A story as staff see it. Title, text, storyteller and consent note are resolved
 * fields each checked against the shared ability's field rules on this story
 * (`@AllowField(…, field)`): a reader the rules do not allow gets null.
 */
@ObjectType('Story', { description: "A former refugee's contribution, with the storyteller's consent" })
export class StoryObject {
  @Field(() => ID) id: string;
  @Field(() => ID) campaignId: string;
  @Field(() => StoryKindEnum) kind: StoryKind;
  @Field(() => LanguageEnum, { description: 'The language the story is told in' }) language: Language;
  @Field() provinceCode: string;
  @Field(() => ID, { nullable: true }) organizationId: string | null;
  @Field(() => ID, { nullable: true, description: 'Who gathered the story and looks after its consent' }) ownerId: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => ConsentLevelEnum) consentLevel: ConsentLevel;
  @Field({ description: 'YYYY-MM-DD' }) consentDate: string;
  @Field(() => ConsentMethodEnum) consentMethod: ConsentMethod;
  @Field(() => StoryStatusEnum) status: StoryStatus;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field({ description: 'Consent withdrawn: only ADMIN still reads the story' }) withdrawn: boolean;
  @Field(() => Date, { nullable: true }) withdrawnAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'Erased at the storyteller’s request: title, text and storyteller are gone' })
  erasedAt: Date | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('StoryConnection')
export class StoryConnection {
  @Field(() => [StoryObject]) nodes: StoryObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

@ObjectType('StoryConsentChange', { description: 'A withdrawal or an erasure: the story may no longer be readable by its author' })
export class StoryConsentChangeObject {
  @Field(() => ID) id: string;
  @Field() withdrawnAt: Date;
  @Field(() => Date, { nullable: true }) erasedAt: Date | null;
}

@ObjectType('StoryCount', { description: 'Stories in consent (never withdrawn or erased ones), per kind and status' })
export class StoryCountObject {
  @Field(() => StoryKindEnum) kind: StoryKind;
  @Field(() => StoryStatusEnum) status: StoryStatus;
  @Field(() => Int) count: number;
}

/** What anyone may read of a published story: these fields and nothing else exist on the type. */
@ObjectType('PublicStory', { description: 'A published story as the public page shows it: nothing identifying unless told by name' })
export class PublicStoryObject {
  @Field(() => ID) id: string;
  @Field(() => StoryKindEnum) kind: StoryKind;
  @Field(() => LanguageEnum) language: Language;
  @Field() title: string;
  @Field() text: string;
  @Field(() => String, { nullable: true, description: 'Only on stories told by name' }) storytellerName: string | null;
  @Field() publishedAt: Date;
}
