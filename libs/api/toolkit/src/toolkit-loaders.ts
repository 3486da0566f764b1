import { Injectable } from '@nestjs/common';
import { OrganizationsService } from '@crm/organizations';
import { DomainException, type RequestContext } from '@crm/platform';
import DataLoader from 'dataloader';
import { CatalogueService } from './catalogue.service';
import { ToolkitRequestsService } from './toolkit-requests.service';
import type { ToolkitItemRow, ToolkitRequestLineRow } from './toolkit.rows';

export type LineWithItem = ToolkitRequestLineRow & { item: ToolkitItemRow };
export type OrganizationRef = { id: string; nameEn: string; nameFr: string };

/** Per-request batching: a page of requests asking for their lines and items costs two statements. */
@Injectable()
export class ToolkitLoaders {
  private readonly perRequest = new WeakMap<RequestContext, DataLoader<string, LineWithItem[]>>();
  private readonly organizationsPerRequest = new WeakMap<RequestContext, DataLoader<string, OrganizationRef | null>>();

  constructor(
    private readonly requests: ToolkitRequestsService,
    private readonly catalogue: CatalogueService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** An organization's names as the caller may read them (through its own scope: null when out of it). */
  organizationOf(ctx: RequestContext): DataLoader<string, OrganizationRef | null> {
    let loader = this.organizationsPerRequest.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) =>
        Promise.all(
          ids.map(async (id) => {
            try {
              const { nameEn, nameFr } = await this.organizations.get(ctx, id);
              return { id, nameEn, nameFr };
            } catch (error) {
              if (error instanceof DomainException) return null;
              throw error;
            }
          }),
        ),
      );
      this.organizationsPerRequest.set(ctx, loader);
    }
    return loader;
  }

  linesOf(ctx: RequestContext): DataLoader<string, LineWithItem[]> {
    let loader = this.perRequest.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const lines = await this.requests.lines(ids);
        const items = new Map((await this.catalogue.byIds([...new Set(lines.map((line) => line.itemId))])).map((item) => [item.id, item]));
        return ids.map((id) => lines.filter((line) => line.requestId === id).map((line) => ({ ...line, item: items.get(line.itemId)! })));
      });
      this.perRequest.set(ctx, loader);
    }
    return loader;
  }
}
