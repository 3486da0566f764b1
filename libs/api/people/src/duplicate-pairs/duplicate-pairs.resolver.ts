import { Args, Field, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Id, PageArgs } from '@crm/contracts';
import { Allow, Ctx, PageInfoObject, parseInput, type RequestContext } from '@crm/platform';
import type { DuplicateKind } from './duplicate-pairs.repository';
import { DuplicatePairsService } from './duplicate-pairs.service';

export enum DuplicateReasonEnum {
  EMAIL = 'EMAIL',
  NAME_CITY = 'NAME_CITY',
}
registerEnumType(DuplicateReasonEnum, {
  name: 'DuplicateReason',
  description: 'Why two records may be one: the same e-mail, or the same name in the same city',
});

@ObjectType('DuplicateSide', { description: 'One record of a possible duplicate pair' })
export class DuplicateSideObject {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) nameFr: string | null;
  @Field(() => String, { nullable: true, description: 'The (first) e-mail' }) email: string | null;
  @Field(() => String, { nullable: true }) city: string | null;
  @Field() provinceCode: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('DuplicatePair')
export class DuplicatePairObject {
  @Field(() => DuplicateReasonEnum) reason: DuplicateReasonEnum;
  @Field(() => DuplicateSideObject) first: DuplicateSideObject;
  @Field(() => DuplicateSideObject) second: DuplicateSideObject;
}

@ObjectType('DuplicatePairConnection')
export class DuplicatePairConnection {
  @Field(() => [DuplicatePairObject]) nodes: DuplicatePairObject[];
  @Field(() => PageInfoObject) pageInfo: PageInfoObject;
}

const pairArgs = (first: number | null | undefined, after: string | null | undefined) => parseInput(PageArgs, { first: first ?? undefined, after }, []);
const ids = (firstId: string, secondId: string): [string, string] => [parseInput(Id, firstId, ['firstId']), parseInput(Id, secondId, ['secondId'])];

/** The possible-duplicates queue (decision 027): national staff, who merge. */
@Resolver(() => DuplicatePairObject)
export class DuplicatePairsResolver {
  constructor(private readonly service: DuplicatePairsService) {}

  private page(ctx: RequestContext, kind: DuplicateKind, reason: DuplicateReasonEnum, first: number | null, after: string | null) {
    const page = pairArgs(first, after);
    return this.service.page(ctx, kind, reason, page.first, page.after) as Promise<DuplicatePairConnection>;
  }

  @Allow('merge', 'Person')
  @Query(() => DuplicatePairConnection, { description: 'Pairs of active people you may read who may be one person, not dismissed' })
  personDuplicatePairs(
    @Ctx() ctx: RequestContext,
    @Args('reason', { type: () => DuplicateReasonEnum }) reason: DuplicateReasonEnum,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DuplicatePairConnection> {
    return this.page(ctx, 'Person', reason, first, after);
  }

  @Allow('merge', 'Organization')
  @Query(() => DuplicatePairConnection, { description: 'Pairs of active organizations you may read who may be one, not dismissed' })
  organizationDuplicatePairs(
    @Ctx() ctx: RequestContext,
    @Args('reason', { type: () => DuplicateReasonEnum }) reason: DuplicateReasonEnum,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DuplicatePairConnection> {
    return this.page(ctx, 'Organization', reason, first, after);
  }

  @Allow('merge', 'Person')
  @Mutation(() => Boolean, { description: 'Two people are not the same: the pair leaves the queue for good (audited on both)' })
  dismissPersonDuplicate(
    @Ctx() ctx: RequestContext,
    @Args('firstId', { type: () => ID }) firstId: string,
    @Args('secondId', { type: () => ID }) secondId: string,
  ) {
    return this.service.dismiss(ctx, 'Person', ids(firstId, secondId));
  }

  @Allow('merge', 'Organization')
  @Mutation(() => Boolean, { description: 'Two organizations are not the same: the pair leaves the queue for good (audited on both)' })
  dismissOrganizationDuplicate(
    @Ctx() ctx: RequestContext,
    @Args('firstId', { type: () => ID }) firstId: string,
    @Args('secondId', { type: () => ID }) secondId: string,
  ) {
    return this.service.dismiss(ctx, 'Organization', ids(firstId, secondId));
  }
}
