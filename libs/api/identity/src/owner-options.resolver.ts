import { Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@crm/platform';
import { OwnerOptionObject } from './dtos/owner-option.object';
import { OwnerOptionsService } from './owner-options.service';

@Resolver(() => OwnerOptionObject)
export class OwnerOptionsResolver {
  constructor(private readonly owners: OwnerOptionsService) {}

  // Choosing an owner is part of editing people: whoever may update some person may
  // see whom they could hand one to (the service narrows it for coordinators).
  @Allow('update', 'Person')
  @Query(() => [OwnerOptionObject], { description: 'Accounts the caller may make owner of a person or organization' })
  async assignableOwners(@Ctx() ctx: RequestContext): Promise<OwnerOptionObject[]> {
    return (await this.owners.list(ctx)) as OwnerOptionObject[];
  }
}
