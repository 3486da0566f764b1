import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { PageArgs, TimelineArgs } from '@crm/contracts';
import { Authenticated, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { TimelineConnection, TimelineEntryObject, TimelineSubjectTypeEnum } from './dtos/timeline.objects';
import { TimelineService } from './timeline.service';

@Resolver(() => TimelineEntryObject)
export class TimelineResolver {
  constructor(private readonly service: TimelineService) {}

  // The subject type is an argument: the service checks `read` on it, then the record's scope.
  @Authenticated()
  @Query(() => TimelineConnection, { description: 'What happened to a person or an organization, newest first' })
  async timeline(
    @Ctx() ctx: RequestContext,
    @Args('subjectType', { type: () => TimelineSubjectTypeEnum }) subjectType: TimelineSubjectTypeEnum,
    @Args('subjectId', { type: () => ID }) subjectId: string,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<TimelineConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const args = parseInput(TimelineArgs, { subjectType, subjectId }, []);
    const result = await this.service.list(ctx, args, page.first, page.after);
    return { nodes: result.rows as TimelineEntryObject[], pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }
}
