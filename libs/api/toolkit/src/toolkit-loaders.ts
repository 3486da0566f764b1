import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';
import DataLoader from 'dataloader';
import { CatalogueService } from './catalogue.service';
import { ToolkitRequestsService } from './toolkit-requests.service';
import type { ToolkitItemRow, ToolkitRequestLineRow } from './toolkit.rows';

export type LineWithItem = ToolkitRequestLineRow & { item: ToolkitItemRow };

/** Per-request batching: a page of requests asking for their lines and items costs two statements. */
@Injectable()
export class ToolkitLoaders {
  private readonly perRequest = new WeakMap<RequestContext, DataLoader<string, LineWithItem[]>>();

  constructor(
    private readonly requests: ToolkitRequestsService,
    private readonly catalogue: CatalogueService,
  ) {}

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
