import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';
import DataLoader from 'dataloader';
import { PeopleService, type PersonView } from './people.service';

/**
 * Per-request batching of nested fields: a page of organizations asking for
 * their people costs one statement, not one per organization. Loaders live as
 * long as the request's context (a WeakMap key), so nothing leaks between callers.
 */
@Injectable()
export class PeopleLoaders {
  private readonly perRequest = new WeakMap<RequestContext, Map<number, DataLoader<string, PersonView[]>>>();

  constructor(private readonly people: PeopleService) {}

  peopleOfOrganization(ctx: RequestContext, first: number): DataLoader<string, PersonView[]> {
    let loaders = this.perRequest.get(ctx);
    if (!loaders) {
      loaders = new Map();
      this.perRequest.set(ctx, loaders);
    }
    let loader = loaders.get(first);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const byOrganization = await this.people.byOrganizations(ctx, ids, first);
        return ids.map((id) => byOrganization.get(id) ?? []);
      });
      loaders.set(first, loader);
    }
    return loader;
  }
}
