import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CreateStoryInput,
  Id,
  PageArgs,
  PublicStoriesArgs,
  RecordVersionInput,
  ReviewStoryInput,
  StoryCountsArgs,
  StoryFilter,
  UpdateStoryInput,
} from '@crm/contracts';
import type { Language } from '@crm/contracts';
import { LanguageEnum } from '@crm/identity';
import { Allow, AllowField, Ctx, parseInput, Public, type RequestContext } from '@crm/platform';
import { RecordVersionInputType, withoutNulls } from '@crm/records';
import { CreateStoryInputType, ReviewStoryInputType, StoryFilterInputType, UpdateStoryInputType } from './dtos/story.inputs';
import { PublicStoryObject, StoryConnection, StoryConsentChangeObject, StoryCountObject, StoryObject } from './dtos/story.object';
import { StoriesService } from './stories.service';
import type { StoryRow } from './story.row';

@Resolver(() => StoryObject)
export class StoriesResolver {
  constructor(private readonly service: StoriesService) {}

  @Allow('read', 'Story')
  @Query(() => StoryConnection, { description: 'Stories the caller may see, most recently changed first; withdrawn ones only for ADMIN' })
  async stories(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: StoryFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<StoryConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.service.list(ctx, parseInput(StoryFilter, withoutNulls(filter ?? {}), ['filter']), page.first, page.after);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('read', 'Story')
  @Query(() => StoryObject)
  story(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StoryObject> {
    return this.service.get(ctx, parseInput(Id, id, ['id']));
  }

  // Aggregates: FUNDER reads these and never a story.
  @Allow('read', 'Report')
  @Query(() => [StoryCountObject], { description: 'Stories in consent per kind and status (withdrawn and erased ones never count)' })
  storyCounts(@Ctx() _ctx: RequestContext, @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string): Promise<StoryCountObject[]> {
    const args = parseInput(StoryCountsArgs, withoutNulls({ campaignId }), []);
    return this.service.counts(args) as Promise<StoryCountObject[]>;
  }

  @Public('the public stories page: published stories in consent, their public fields only')
  @Query(() => [PublicStoryObject], { description: 'Published stories, newest first; anonymised ones carry nothing identifying' })
  publicStories(
    @Args('language', { type: () => LanguageEnum, nullable: true, description: 'Only stories told in this language' }) language: Language,
    @Args('first', { type: () => Int, nullable: true, description: 'Default 50, at most 100' }) first: number,
  ): Promise<PublicStoryObject[]> {
    return this.service.publicStories(parseInput(PublicStoriesArgs, withoutNulls({ language, first }), [])) as Promise<PublicStoryObject[]>;
  }

  @Allow('create', 'Story')
  @Mutation(() => StoryObject)
  createStory(@Ctx() ctx: RequestContext, @Args('input') input: CreateStoryInputType): Promise<StoryObject> {
    return this.service.create(ctx, parseInput(CreateStoryInput, withoutNulls(input)));
  }

  @Allow('update', 'Story')
  @Mutation(() => StoryObject, { description: 'A draft only; CONFLICT when `version` is not the current one' })
  updateStory(@Ctx() ctx: RequestContext, @Args('input') input: UpdateStoryInputType): Promise<StoryObject> {
    return this.service.update(ctx, parseInput(UpdateStoryInput, input));
  }

  @Allow('update', 'Story')
  @Mutation(() => StoryObject, { description: 'draft → approved → published, or back one step; anything else is BAD_USER_INPUT naming the allowed ones' })
  reviewStory(@Ctx() ctx: RequestContext, @Args('input') input: ReviewStoryInputType): Promise<StoryObject> {
    return this.service.review(ctx, parseInput(ReviewStoryInput, input));
  }

  @Allow('update', 'Story')
  @Mutation(() => StoryConsentChangeObject, { description: 'The storyteller withdrew consent: the story is gone everywhere at once (ADMIN keeps it, marked)' })
  withdrawStoryConsent(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<StoryConsentChangeObject> {
    return this.service.withdraw(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('archive', 'Story')
  @Mutation(() => StoryConsentChangeObject, { description: 'The storyteller asked for erasure: text and storyteller removed for good, a tombstone stays' })
  eraseStory(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<StoryConsentChangeObject> {
    return this.service.erase(ctx, parseInput(RecordVersionInput, input));
  }

  // What a story says and who told it: each answered only when the shared ability's field
  // rules allow this reader on this story (null otherwise; the resolver never decides).

  @AllowField('read', 'Story', 'title')
  @ResolveField(() => String, { nullable: true, description: 'Null once erased' })
  title(@Parent() story: StoryRow): string | null {
    return story.title;
  }

  @AllowField('read', 'Story', 'text')
  @ResolveField(() => String, { nullable: true, description: 'Null once erased' })
  text(@Parent() story: StoryRow): string | null {
    return story.text;
  }

  @AllowField('read', 'Story', 'storytellerName')
  @ResolveField(() => String, { nullable: true, description: 'Null when anonymous, or when the caller may not know who told it' })
  storytellerName(@Parent() story: StoryRow): string | null {
    return story.storytellerName;
  }

  @AllowField('read', 'Story', 'storytellerPersonId')
  @ResolveField(() => ID, { nullable: true, description: 'The storyteller in the CRM, under the same rule as their name' })
  storytellerPersonId(@Parent() story: StoryRow): string | null {
    return story.storytellerPersonId;
  }

  @AllowField('read', 'Story', 'consentNote')
  @ResolveField(() => String, { nullable: true })
  consentNote(@Parent() story: StoryRow): string | null {
    return story.consentNote;
  }
}
