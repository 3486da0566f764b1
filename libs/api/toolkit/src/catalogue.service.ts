import { Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  CreateToolkitItemInput,
  RecordStockMovementInput,
  RecordVersionInput,
  ToolkitItemFilter,
  ToolkitMovementFilter,
  UpdateToolkitItemInput,
} from '@crm/contracts';
import { AuditSubjects } from '@crm/identity';
import { AuditService, BadUserInputException, DomainException, ErrorCode, NotFoundException, type RequestContext } from '@crm/platform';
import { RecordWriter } from '@crm/records';
import type { EntityManager } from 'typeorm';
import { CatalogueRepository } from './catalogue.repository';
import { toolkitItemKind } from './toolkit.kinds';
import { isStocked, toolkitItemWritableColumns, type ToolkitItemRow, type ToolkitItemValues } from './toolkit.rows';

/** Not enough of one item: CONFLICT naming it by its title in the caller's language (the staff app shows `problem.toolkitStock`). */
export function notEnoughStock(item: ToolkitItemRow, onHand: number, path: (string | number)[], language: 'en' | 'fr' = 'en'): DomainException {
  const title = language === 'fr' ? item.titleFr : item.titleEn;
  return new DomainException(ErrorCode.Conflict, `Not enough "${title}" in stock (${onHand} on hand); nothing was changed.`, [
    { path, code: 'toolkitStock', params: { item: title, itemId: item.id, onHand }, message: `Not enough ${title} in stock (${onHand} on hand).` },
  ]);
}

/** The catalogue and its stock. Every stock change is a movement row, written with the stock in one statement pair. */
@Injectable()
export class CatalogueService implements OnModuleInit {
  constructor(
    private readonly items: CatalogueRepository,
    private readonly writer: RecordWriter,
    private readonly audit: AuditService,
    private readonly auditSubjects: AuditSubjects,
  ) {}

  onModuleInit(): void {
    // The catalogue has no regions: whoever may read items reads every item's title.
    this.auditSubjects.register('ToolkitItem', async (ability, ids) =>
      ability.can('read', 'ToolkitItem')
        ? (await this.items.byIds(ids)).map((item) => ({ id: item.id, name: item.titleEn, nameFr: item.titleFr, ruleFields: { id: item.id } }))
        : [],
    );
  }

  list(filter: ToolkitItemFilter, first: number, after: string | null | undefined) {
    return this.items.list(filter, first, after);
  }

  async get(id: string): Promise<ToolkitItemRow> {
    const item = await this.items.find(id);
    if (!item) throw new NotFoundException('ToolkitItem');
    return item;
  }

  byIds(ids: readonly string[], manager?: EntityManager): Promise<ToolkitItemRow[]> {
    return this.items.byIds(ids, manager);
  }

  movements(filter: ToolkitMovementFilter, first: number, after: string | null | undefined) {
    return this.items.movements(filter, first, after);
  }

  sumOfMovements(itemId: string): Promise<number> {
    return this.items.sumOfMovements(itemId);
  }

  /** A new material; its initial stock, when given, is its first `received` movement (stock is only ever the sum of movements). */
  async create(ctx: RequestContext, input: CreateToolkitItemInput): Promise<ToolkitItemRow> {
    return this.writer.transaction(async (manager) => {
      const { initialStock, ...values } = input;
      const item = await this.items.insert(manager, values, ctx.actor?.id ?? null);
      await this.writer.created(manager, ctx, toolkitItemKind, item);
      if (!initialStock) return item;
      await this.moveStock(manager, ctx, item, { itemId: item.id, kind: 'received', quantity: initialStock, reason: null });
      return (await this.items.find(item.id, manager))!;
    });
  }

  update(ctx: RequestContext, input: UpdateToolkitItemInput): Promise<ToolkitItemRow> {
    const fields = Object.keys(toolkitItemWritableColumns) as (keyof ToolkitItemValues)[];
    return this.writer.update(ctx, toolkitItemKind, this.items, input, {
      given: fields.filter((field) => input[field] !== undefined),
      plan: async (before) => {
        const values: ToolkitItemValues = {};
        for (const field of fields) {
          if (input[field] !== undefined && input[field] !== before[field]) (values as Record<string, unknown>)[field] = input[field];
        }
        const digital = before.kind === 'digital_file';
        if (values.downloadUrl !== undefined && !digital) throw new BadUserInputException([{ path: ['input', 'downloadUrl'], code: 'toolkitNotDigital' }]);
        if (digital && values.downloadUrl === null) throw new BadUserInputException([{ path: ['input', 'downloadUrl'], code: 'required' }]);
        return { values };
      },
    });
  }

  archive(ctx: RequestContext, input: RecordVersionInput): Promise<ToolkitItemRow> {
    return this.writer.archive(ctx, toolkitItemKind, this.items, input);
  }

  restore(ctx: RequestContext, input: RecordVersionInput): Promise<ToolkitItemRow> {
    return this.writer.restore(ctx, toolkitItemKind, this.items, input);
  }

  /** Stock received or adjusted (with its reason): one movement, the stock, the audit entry, in one transaction. */
  async recordMovement(ctx: RequestContext, input: RecordStockMovementInput): Promise<ToolkitItemRow> {
    return this.writer.transaction(async (manager) => {
      const item = await this.items.find(input.itemId, manager);
      if (!item) throw new NotFoundException('ToolkitItem');
      if (!isStocked(item)) throw new BadUserInputException([{ path: ['input', 'itemId'], code: 'toolkitNotDigital' }], 'A digital file has no stock');
      await this.moveStock(manager, ctx, item, input);
      return (await this.items.find(item.id, manager))!;
    });
  }

  private async moveStock(manager: EntityManager, ctx: RequestContext, item: ToolkitItemRow, input: RecordStockMovementInput): Promise<void> {
    const moved = await this.items.move(manager, { ...input, actorId: ctx.actor?.id ?? null });
    if (!moved) throw notEnoughStock(item, item.onHand, ['input', 'quantity'], ctx.language);
    await this.audit.record(manager, ctx, {
      action: `toolkitItem.${input.kind}`,
      subjectType: 'ToolkitItem',
      subjectId: item.id,
      before: { onHand: moved.before },
      after: { onHand: moved.after, ...(input.reason ? { reason: input.reason } : {}) },
    });
  }

  /**
   * Takes the stock of a shipment, in the shipment's transaction: items in id order
   * (two shipments of the same items cannot deadlock), one movement each. The first
   * item short throws CONFLICT naming it, and the caller's transaction rolls back.
   */
  async ship(
    manager: EntityManager,
    ctx: RequestContext | null,
    requestId: string,
    lines: { itemId: string; quantity: number; index: number }[],
  ): Promise<{ itemId: string; before: number; after: number }[]> {
    const items = new Map(
      (
        await this.items.byIds(
          lines.map((line) => line.itemId),
          manager,
        )
      ).map((item) => [item.id, item]),
    );
    const taken: { itemId: string; before: number; after: number }[] = [];
    for (const line of [...lines].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
      const item = items.get(line.itemId);
      if (!item || !isStocked(item)) continue;
      const moved = await this.items.move(manager, {
        itemId: line.itemId,
        kind: 'shipped',
        quantity: -line.quantity,
        requestId,
        actorId: ctx?.actor?.id ?? null,
      });
      if (!moved) {
        const current = await this.items.find(line.itemId, manager);
        throw notEnoughStock(item, current?.onHand ?? 0, ['input', 'items', line.index, 'quantity'], ctx?.language);
      }
      taken.push({ itemId: line.itemId, ...moved });
    }
    return taken;
  }
}
