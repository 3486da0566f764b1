import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  BulkToolkitRequestInput,
  CreateToolkitItemInput,
  CreateToolkitRequestInput,
  Id,
  MoveToolkitRequestInput,
  PageArgs,
  PublicToolkitRequestInput,
  RecordStockMovementInput,
  RecordVersionInput,
  ShipToolkitBatchInput,
  ToolkitItemFilter,
  ToolkitMovementFilter,
  toolkitSteps,
  ToolkitRequestFilter,
  UpdateToolkitItemInput,
} from '@crm/contracts';
import { z } from 'zod';
import { Allow, Ctx, parseInput, Public, type RequestContext } from '@crm/platform';
import { RecordVersionInputType, withoutNulls } from '@crm/records';
import {
  BulkToolkitRequestInputType,
  CreateToolkitItemInputType,
  CreateToolkitRequestInputType,
  MoveToolkitRequestInputType,
  PublicToolkitRequestInputType,
  RecordStockMovementInputType,
  ShipToolkitBatchInputType,
  ToolkitItemFilterInputType,
  ToolkitMovementFilterInputType,
  ToolkitRequestFilterInputType,
  UpdateToolkitItemInputType,
} from './dtos/toolkit.inputs';
import {
  PublicToolkitRequestReceiptObject,
  ToolkitBatchResultObject,
  ToolkitBulkTargetObject,
  ToolkitCatalogueEntryObject,
  ToolkitItemConnection,
  ToolkitItemObject,
  ToolkitMovementConnection,
  ToolkitOrganizationRefObject,
  ToolkitRequestConnection,
  ToolkitRequestLineObject,
  ToolkitRequestObject,
  ToolkitStatusCountObject,
} from './dtos/toolkit.objects';
import { CatalogueService } from './catalogue.service';
import { PublicRequestLimits } from './public-request-limits';
import { ToolkitLoaders } from './toolkit-loaders';
import { ToolkitRequestsService } from './toolkit-requests.service';
import type { ToolkitRequestRow } from './toolkit.rows';

const DownloadArgs = z.object({
  token: z
    .string()
    .min(10)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'invalid' }),
  itemId: Id,
});

const view = (row: ToolkitRequestRow): ToolkitRequestObject => ({ ...row, allowedSteps: [...toolkitSteps[row.status]] });

@Resolver(() => ToolkitItemObject)
export class ToolkitCatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Allow('read', 'ToolkitItem')
  @Query(() => ToolkitItemConnection, { description: 'The catalogue by kind then title, with stock on hand' })
  async toolkitItems(
    @Ctx() _ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: ToolkitItemFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<ToolkitItemConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const parsed = parseInput(ToolkitItemFilter, withoutNulls(filter ?? {}), ['filter']);
    const result = await this.catalogue.list(parsed, page.first, page.after);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('read', 'ToolkitItem')
  @Query(() => ToolkitItemObject)
  toolkitItem(@Args('id', { type: () => ID }) id: string): Promise<ToolkitItemObject> {
    return this.catalogue.get(parseInput(Id, id, ['id']));
  }

  @Public('The public toolkit form lists what may be asked for (titles only, no stock)')
  @Query(() => [ToolkitCatalogueEntryObject])
  async toolkitCatalogue(): Promise<ToolkitCatalogueEntryObject[]> {
    return (await this.catalogue.list({}, 200, null)).rows;
  }

  @Allow('update', 'ToolkitItem')
  @Query(() => ToolkitMovementConnection, { description: 'Stock movements, newest first (of one item when given)' })
  async toolkitMovements(
    @Args('filter', { nullable: true }) filter: ToolkitMovementFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<ToolkitMovementConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.catalogue.movements(parseInput(ToolkitMovementFilter, withoutNulls(filter ?? {}), ['filter']), page.first, page.after);
    return { nodes: result.rows, pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('create', 'ToolkitItem')
  @Mutation(() => ToolkitItemObject)
  createToolkitItem(@Ctx() ctx: RequestContext, @Args('input') input: CreateToolkitItemInputType): Promise<ToolkitItemObject> {
    return this.catalogue.create(ctx, parseInput(CreateToolkitItemInput, withoutNulls(input)));
  }

  @Allow('update', 'ToolkitItem')
  @Mutation(() => ToolkitItemObject, { description: 'CONFLICT when `version` is not the current one' })
  updateToolkitItem(@Ctx() ctx: RequestContext, @Args('input') input: UpdateToolkitItemInputType): Promise<ToolkitItemObject> {
    return this.catalogue.update(ctx, parseInput(UpdateToolkitItemInput, input));
  }

  @Allow('archive', 'ToolkitItem')
  @Mutation(() => ToolkitItemObject)
  archiveToolkitItem(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<ToolkitItemObject> {
    return this.catalogue.archive(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('archive', 'ToolkitItem')
  @Mutation(() => ToolkitItemObject)
  restoreToolkitItem(@Ctx() ctx: RequestContext, @Args('input') input: RecordVersionInputType): Promise<ToolkitItemObject> {
    return this.catalogue.restore(ctx, parseInput(RecordVersionInput, input));
  }

  @Allow('update', 'ToolkitItem')
  @Mutation(() => ToolkitItemObject, { description: 'Stock received or adjusted; CONFLICT naming the item when it would go below zero' })
  recordStockMovement(@Ctx() ctx: RequestContext, @Args('input') input: RecordStockMovementInputType): Promise<ToolkitItemObject> {
    return this.catalogue.recordMovement(ctx, parseInput(RecordStockMovementInput, withoutNulls(input)));
  }
}

@Resolver(() => ToolkitRequestObject)
export class ToolkitRequestsResolver {
  constructor(
    private readonly requests: ToolkitRequestsService,
    private readonly limits: PublicRequestLimits,
    private readonly toolkitLoaders: ToolkitLoaders,
  ) {}

  @Allow('read', 'ToolkitRequest')
  @Query(() => ToolkitRequestConnection, { description: 'Requests the caller may see, oldest status change first' })
  async toolkitRequests(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter: ToolkitRequestFilterInputType,
    @Args('first', { type: () => Int, nullable: true }) first: number,
    @Args('after', { nullable: true }) after: string,
  ): Promise<ToolkitRequestConnection> {
    const page = parseInput(PageArgs, { first: first ?? undefined, after }, []);
    const result = await this.requests.list(ctx, parseInput(ToolkitRequestFilter, withoutNulls(filter ?? {}), ['filter']), page.first, page.after);
    return { nodes: result.rows.map(view), pageInfo: { endCursor: result.endCursor, hasNextPage: result.hasNextPage } };
  }

  @Allow('read', 'ToolkitRequest')
  @Query(() => [ToolkitStatusCountObject], { description: 'How many requests the caller may see, per status' })
  toolkitRequestCounts(@Ctx() ctx: RequestContext): Promise<ToolkitStatusCountObject[]> {
    return this.requests.countsByStatus(ctx) as Promise<ToolkitStatusCountObject[]>;
  }

  @Allow('read', 'ToolkitRequest')
  @Query(() => ToolkitRequestObject)
  async toolkitRequest(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ToolkitRequestObject> {
    return view(await this.requests.get(ctx, parseInput(Id, id, ['id'])));
  }

  @Allow('manage', 'ToolkitRequest')
  @Query(() => [ToolkitBulkTargetObject], { description: 'The member organizations of a region a bulk request would reach (preview)' })
  async toolkitBulkTargets(@Ctx() ctx: RequestContext, @Args('regionId', { type: () => ID }) regionId: string): Promise<ToolkitBulkTargetObject[]> {
    const targets = await this.requests.bulkTargets(ctx, parseInput(Id, regionId, ['regionId']));
    return targets.map((o) => ({ organizationId: o.id, nameEn: o.nameEn, nameFr: o.nameFr, provinceCode: o.provinceCode, city: o.city }));
  }

  @Allow('create', 'ToolkitRequest')
  @Mutation(() => ToolkitRequestObject)
  async createToolkitRequest(@Ctx() ctx: RequestContext, @Args('input') input: CreateToolkitRequestInputType): Promise<ToolkitRequestObject> {
    return view(await this.requests.create(ctx, parseInput(CreateToolkitRequestInput, withoutNulls(input))));
  }

  @Allow('manage', 'ToolkitRequest')
  @Mutation(() => [ToolkitRequestObject], { description: 'One approved request per member organization of the region, in one transaction' })
  async createBulkToolkitRequests(@Ctx() ctx: RequestContext, @Args('input') input: BulkToolkitRequestInputType): Promise<ToolkitRequestObject[]> {
    return (await this.requests.createBulk(ctx, parseInput(BulkToolkitRequestInput, withoutNulls(input)))).map(view);
  }

  @Allow('update', 'ToolkitRequest')
  @Mutation(() => ToolkitRequestObject, {
    description: 'One lifecycle step; BAD_USER_INPUT naming the allowed steps when its status does not allow it; CONFLICT on a stale version or short stock',
  })
  async moveToolkitRequest(@Ctx() ctx: RequestContext, @Args('input') input: MoveToolkitRequestInputType): Promise<ToolkitRequestObject> {
    return view(await this.requests.move(ctx, parseInput(MoveToolkitRequestInput, withoutNulls(input))));
  }

  @Allow('update', 'ToolkitRequest')
  @Mutation(() => ToolkitBatchResultObject, {
    description: 'Ships a packing batch, each request in its own transaction: what stock allows ships, the rest wait with their reason',
  })
  async shipToolkitBatch(@Ctx() ctx: RequestContext, @Args('input') input: ShipToolkitBatchInputType): Promise<ToolkitBatchResultObject> {
    const result = await this.requests.shipBatch(ctx, parseInput(ShipToolkitBatchInput, input));
    return { shipped: result.shipped.map(view), waited: result.waited };
  }

  @Public('The public toolkit request form (no sign-in): counted per address, validated, a repeat collapses into the first')
  @Mutation(() => PublicToolkitRequestReceiptObject)
  async submitPublicToolkitRequest(
    @Ctx() ctx: RequestContext,
    @Args('input') input: PublicToolkitRequestInputType,
  ): Promise<PublicToolkitRequestReceiptObject> {
    // Counted first: a flood of invalid submissions is refused like a flood of valid ones.
    await this.limits.count(ctx.ip);
    const { reference } = await this.requests.createPublic(ctx, parseInput(PublicToolkitRequestInput, withoutNulls(input)));
    return { reference };
  }

  @Public('Tracked download links in toolkit e-mails: the token is the credential')
  @Mutation(() => String, { description: 'Counts the first download of a digital item of a request and answers the file’s address' })
  recordToolkitDownload(@Args('token') token: string, @Args('itemId', { type: () => ID }) itemId: string): Promise<string> {
    const args = parseInput(DownloadArgs, { token, itemId }, []);
    return this.requests.download(args.token, args.itemId);
  }

  @Allow('read', 'ToolkitRequest')
  @ResolveField(() => ToolkitOrganizationRefObject, { nullable: true, description: 'The organization that asked (null when the caller may not read it)' })
  organization(@Ctx() ctx: RequestContext, @Parent() request: ToolkitRequestRow) {
    return request.organizationId ? this.toolkitLoaders.organizationOf(ctx).load(request.organizationId) : null;
  }

  @Allow('read', 'ToolkitRequest')
  @ResolveField(() => ToolkitOrganizationRefObject, {
    nullable: true,
    description: 'The member organization that delivers it (null when the caller may not read it)',
  })
  assigneeOrganization(@Ctx() ctx: RequestContext, @Parent() request: ToolkitRequestRow) {
    return request.assigneeOrganizationId ? this.toolkitLoaders.organizationOf(ctx).load(request.assigneeOrganizationId) : null;
  }

  @Allow('read', 'ToolkitRequest')
  @ResolveField(() => [ToolkitRequestLineObject])
  lines(@Ctx() ctx: RequestContext, @Parent() request: ToolkitRequestRow) {
    return this.toolkitLoaders.linesOf(ctx).load(request.id);
  }
}
