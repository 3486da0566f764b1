import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateTagInput } from '@crm/contracts';
import { Allow, Authenticated, parseInput } from '@crm/platform';
import { RecordRules } from '../rules/record-rules';
import { CreateTagInputType, TagObject } from './tag.object';

@Resolver(() => TagObject)
export class TagResolver {
  constructor(private readonly rules: RecordRules) {}

  // The vocabulary is no one's personal data; every signed-in screen may offer it.
  @Authenticated()
  @Query(() => [TagObject], { description: 'The tags records may carry' })
  tags(): Promise<TagObject[]> {
    return this.rules.listTags();
  }

  // Whoever manages the coalition's records (ADMIN, STAFF) manages their vocabulary.
  @Allow('manage', 'Organization')
  @Mutation(() => TagObject)
  createTag(@Args('input') input: CreateTagInputType): Promise<TagObject> {
    return this.rules.createTag(parseInput(CreateTagInput, input));
  }
}
