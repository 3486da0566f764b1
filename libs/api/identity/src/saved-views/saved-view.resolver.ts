import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Id, SavedViewList, SaveViewInput } from '@crm/contracts';
import { Allow, Ctx, parseInput, type RequestContext } from '@crm/platform';
import { SavedViewListEnum, SavedViewObject, SaveViewInputType } from './saved-view.object';
import { SavedViewService } from './saved-view.service';

const toObject = (row: unknown) => row as SavedViewObject;

@Resolver(() => SavedViewObject)
export class SavedViewResolver {
  constructor(private readonly views: SavedViewService) {}

  @Allow('read', 'SavedView')
  @Query(() => [SavedViewObject], { description: 'Saved views of a list the caller may use: their own, then those shared with their role' })
  async savedViews(@Ctx() ctx: RequestContext, @Args('list', { type: () => SavedViewListEnum }) list: SavedViewListEnum): Promise<SavedViewObject[]> {
    return (await this.views.list(ctx, parseInput(SavedViewList, list, ['list']))).map(toObject);
  }

  @Allow('create', 'SavedView')
  @Mutation(() => SavedViewObject, { description: 'Saves a new view, or (with id) changes one of the caller’s' })
  async saveView(@Ctx() ctx: RequestContext, @Args('input') input: SaveViewInputType): Promise<SavedViewObject> {
    return toObject(await this.views.save(ctx, parseInput(SaveViewInput, input, ['input'])));
  }

  @Allow('archive', 'SavedView')
  @Mutation(() => Boolean, { description: 'Deletes one of the caller’s views' })
  deleteSavedView(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.views.delete(ctx, parseInput(Id, id, ['id']));
  }
}
