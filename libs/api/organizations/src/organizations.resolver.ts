import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { canReadField } from '@crm/authz';
import {
  CreateOrganizationInput,
  Id,
  MergeRecordsInput,
  OrganizationDuplicatesInput,
  OrganizationFilter,
  PageArgs,
  RecordVersionInput,
  UpdateOrganizationInput,
} from '@crm/contracts';
import { Allow, Ctx, asksFor, parseInput, type RequestContext } from '@crm/platform';
import { MergeRecordsInputType, RecordVersionInputType, withoutNulls } from '@crm/records';
import {
  CreateOrganizationInputType,
  OrganizationDuplicatesInputType,
  OrganizationFilterInputType,
  UpdateOrganizationInputType,
} from './dtos/organization.inputs';
import { OrganizationConnection, OrganizationObject } from './dtos/organization.object';
import { OrganizationsService } from './organizations.service';
import type { OrganizationRow } from './organization.row';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  constructor(private readonly service: OrganizationsService) {}

  @Allow('read', 'Organization')
  @Query(() => OrganizationConnection, { description: 'Organizations the caller may see, by English name (keyset pages)' })
  async organizations(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: OrganizationFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<OrganizationConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(OrganizationFilter, withoutNulls(filter), ['filter']);
    const [result, totalCount] = await Promise.all([
      this.service.list(ctx, parsed, page.first, page.after),
      asksFor(info, 'totalCount') ? this.service.count(ctx, parsed) : undefined,
    ]);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage }, totalCount };
  }

  @Allow('read', 'Organization')
  @Query(() => OrganizationObject)
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OrganizationObject> {
    return this.service.get(ctx, parseInput(Id, id, ['id']));
  }

  @Allow('create', 'Organization')
  @Query(() => [OrganizationObject], {
    description: 'Before adding an organization: those you may see that may be it (same e-mail; close name in the same city), at most 5',
  })
  organizationDuplicates(@Ctx() ctx: RequestContext, @Args('input') input: OrganizationDuplicatesInputType): Promise<OrganizationObject[]> {
    return this.service.duplicatesOf(ctx, parseInput(OrganizationDuplicatesInput, withoutNulls(input)));
  }

  @Allow('create', 'Organization')
  @Mutation(() => OrganizationObject)
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInputType): Promise<OrganizationObject> {
    return this.service.create(ctx, parseInput(CreateOrganizationInput, withoutNulls(input)));
  }

  @Allow('update', 'Organization')
  @Mutation(() => OrganizationObject, { description: 'CONFLICT when `version` is not the current one' })
  updateOrganization(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOrganizationInputType): Promise<OrganizationObject> {
    return this.service.update(ctx, parseInput(UpdateOrganizationInput, input));
  }

  @Allow('archive', 'Organization')
  @Mutation(() => OrganizationObject)
  archiveOrganization(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<OrganizationObject> {
    return this.service.archive(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('archive', 'Organization')
  @Mutation(() => OrganizationObject)
  restoreOrganization(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<OrganizationObject> {
    return this.service.restore(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('merge', 'Organization')
  @Mutation(() => OrganizationObject, { description: 'Folds the duplicate into the survivor and archives it; returns the survivor' })
  mergeOrganizations(@Ctx() ctx: RequestContext, @Args('input') input: MergeRecordsInputType): Promise<OrganizationObject> {
    return this.service.merge(ctx, parseInput(MergeRecordsInput, input));
  }

  // The coalition's internal notes: null for a member contact reading their own organization
  // (a field rule), on every path that answers an organization (lists, lookups, affiliations).
  @Allow('read', 'Organization')
  @ResolveField(() => String, { nullable: true, description: "Internal notes (not shown to the organization's member contacts)" })
  notes(@Ctx() ctx: RequestContext, @Parent() organization: OrganizationRow): string | null {
    return canReadField(ctx.ability, 'read', 'Organization', 'notes', organization) ? (organization.notes ?? null) : null;
  }
}
