import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { type CreateToolkitItemInput, type ToolkitItemFilter, type ToolkitMovementFilter, toolkitItemKindValues } from '@crm/contracts';
import { encodeCursor, readCursor, SqlParams } from '@crm/platform';
import type { ExportQuery, LifecycleValues, VersionedStore } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import { toolkitItemColumns, toolkitItemWritableColumns, type ToolkitItemRow, type ToolkitItemValues, type ToolkitMovementRow } from './toolkit.rows';

const movementColumns = `m.id::text AS id, m.item_id AS "itemId", m.kind, m.quantity, m.reason, m.request_id AS "requestId", m.actor_id AS "actorId", m.at`;

/** The ORDER BY of the catalogue (alias `i`): the list and its CSV export share it. */
export const toolkitItemListOrder = 'i.kind, lower(i.title_en), i.id';

/** The WHERE conditions (alias `i`) of the catalogue list: items have no scope (whoever may read the catalogue reads all of it). */
export function toolkitItemListWhere(params: SqlParams, filter: ToolkitItemFilter): string[] {
  const where = [filter.archived ? 'i.archived_at IS NOT NULL' : 'i.archived_at IS NULL'];
  if (filter.lowStock) where.push(`i.kind <> 'digital_file' AND i.on_hand <= i.low_stock_threshold`);
  if (filter.kinds?.length) where.push(`i.kind = ANY(${params.add(filter.kinds)}::text[])`);
  return where;
}

/** The ORDER BY of the movements (alias `m`): newest first. */
export const toolkitMovementListOrder = 'm.id DESC';

export function toolkitMovementListWhere(params: SqlParams, filter: ToolkitMovementFilter): string[] {
  const where: string[] = ['true'];
  if (filter.itemId) where.push(`m.item_id = ${params.add(filter.itemId)}`);
  if (filter.kinds?.length) where.push(`m.kind = ANY(${params.add(filter.kinds)}::text[])`);
  return where;
}

/** The catalogue as the CSV export gives it, with what each item has shipped and been downloaded. */
export function toolkitItemExportQuery(_ability: AppAbility, filter: ToolkitItemFilter): ExportQuery {
  const params = new SqlParams();
  const where = toolkitItemListWhere(params, filter);
  return {
    sql: `SELECT i.id, i.kind, i.language, i.title_en, i.title_fr, i.description_en, i.description_fr,
                 i.on_hand, i.low_stock_threshold, i.download_url, i.archived_at, i.created_at,
                 (SELECT COALESCE(-sum(m.quantity), 0)::int FROM toolkit_movement m WHERE m.item_id = i.id AND m.kind = 'shipped') AS shipped,
                 (SELECT count(*)::int FROM toolkit_request_item ri WHERE ri.item_id = i.id AND ri.downloaded_at IS NOT NULL) AS downloads
            FROM toolkit_item i WHERE ${where.join(' AND ')} ORDER BY ${toolkitItemListOrder}`,
    params: params.values,
  };
}

/** The stock movements as the CSV export gives them (newest first), each with its item's titles. */
export function toolkitMovementExportQuery(_ability: AppAbility, filter: ToolkitMovementFilter): ExportQuery {
  const params = new SqlParams();
  const where = toolkitMovementListWhere(params, filter);
  return {
    sql: `SELECT m.id::text AS id, m.at, m.item_id, i.title_en, i.title_fr, m.kind, m.quantity, m.reason, m.request_id
            FROM toolkit_movement m JOIN toolkit_item i ON i.id = m.item_id
           WHERE ${where.join(' AND ')} ORDER BY ${toolkitMovementListOrder}`,
    params: params.values,
  };
}

/** The catalogue and its stock: items, and the movement rows whose sum is each item's stock. */
@Injectable()
export class CatalogueRepository implements VersionedStore<ToolkitItemRow, ToolkitItemValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** Items have no scope: whoever may read the catalogue reads all of it. */
  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ToolkitItemRow | null> {
    const rows: ToolkitItemRow[] = await manager.query(`SELECT ${toolkitItemColumns} FROM toolkit_item i WHERE i.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, _ability: AppAbility, id: string): Promise<ToolkitItemRow | null> {
    return this.find(id, manager, true);
  }

  async byIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ToolkitItemRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${toolkitItemColumns} FROM toolkit_item i WHERE i.id = ANY($1::uuid[])`, [ids]);
  }

  /** By kind, then English title (keyset on both and the id); archived items only when asked. */
  async list(filter: ToolkitItemFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = toolkitItemListWhere(params, filter);
    // A cursor this list never made (its first part is not a kind) is refused like any malformed one.
    const cursor = readCursor(after, [['enum', toolkitItemKindValues], 'text', 'uuid'] as const);
    if (cursor) where.push(`(i.kind, lower(i.title_en), i.id) > (${params.add(cursor[0])}, ${params.add(cursor[1])}, ${params.add(cursor[2])}::uuid)`);
    const rows: (ToolkitItemRow & { sortTitle: string })[] = await this.dataSource.query(
      `SELECT ${toolkitItemColumns}, lower(i.title_en) AS "sortTitle" FROM toolkit_item i
        WHERE ${where.join(' AND ')}
        ORDER BY ${toolkitItemListOrder} LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page.map(({ sortTitle: _s, ...row }) => row),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.kind, last.sortTitle, last.id]) : null,
    };
  }

  async insert(manager: EntityManager, input: Omit<CreateToolkitItemInput, 'initialStock'>, createdById: string | null): Promise<ToolkitItemRow> {
    const rows: ToolkitItemRow[] = await manager.query(
      `INSERT INTO toolkit_item AS i (kind, language, title_en, title_fr, description_en, description_fr, low_stock_threshold, download_url, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${toolkitItemColumns}`,
      [
        input.kind,
        input.language,
        input.titleEn,
        input.titleFr,
        input.descriptionEn ?? null,
        input.descriptionFr ?? null,
        input.lowStockThreshold,
        input.downloadUrl ?? null,
        createdById,
      ],
    );
    return rows[0];
  }

  async updateVersioned(
    manager: EntityManager,
    _ability: AppAbility,
    target: { id: string; version: number },
    values: ToolkitItemValues & LifecycleValues,
    options: { bump: boolean },
  ): Promise<ToolkitItemRow | null> {
    const params = new SqlParams();
    const assignments = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        const column = field === 'archivedAt' ? 'archived_at' : toolkitItemWritableColumns[field as keyof typeof toolkitItemWritableColumns];
        return `${column} = ${params.add(value)}`;
      });
    if (options.bump) assignments.push('version = i.version + 1', 'updated_at = now()');
    const [rows]: [ToolkitItemRow[], number] = await manager.query(
      `UPDATE toolkit_item AS i SET ${assignments.join(', ')}
        WHERE i.id = ${params.add(target.id)} AND i.version = ${params.add(target.version)}
        RETURNING ${toolkitItemColumns}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /**
   * Moves stock by `delta` and records the movement, in the caller's transaction.
   * The UPDATE is conditional (`on_hand + delta >= 0`): under concurrent shipments
   * each waits for the row lock and re-reads the stock the previous one left, so
   * exactly what is on hand ships. Null when there is not enough (nothing written).
   */
  async move(
    manager: EntityManager,
    movement: { itemId: string; kind: ToolkitMovementRow['kind']; quantity: number; reason?: string | null; requestId?: string | null; actorId: string | null },
  ): Promise<{ before: number; after: number } | null> {
    const [rows]: [{ onHand: number }[], number] = await manager.query(
      `UPDATE toolkit_item SET on_hand = on_hand + $2 WHERE id = $1 AND on_hand + $2 >= 0 RETURNING on_hand AS "onHand"`,
      [movement.itemId, movement.quantity],
    );
    if (!rows[0]) return null;
    await manager.query(`INSERT INTO toolkit_movement (item_id, kind, quantity, reason, request_id, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      movement.itemId,
      movement.kind,
      movement.quantity,
      movement.reason ?? null,
      movement.requestId ?? null,
      movement.actorId,
    ]);
    return { before: rows[0].onHand - movement.quantity, after: rows[0].onHand };
  }

  /** An item's movements, newest first (keyset on the id). */
  async movements(filter: ToolkitMovementFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = toolkitMovementListWhere(params, filter);
    const cursor = readCursor(after, ['bigint'] as const);
    if (cursor) where.push(`m.id < ${params.add(cursor[0])}::bigint`);
    const rows: ToolkitMovementRow[] = await this.dataSource.query(
      `SELECT ${movementColumns} FROM toolkit_movement m WHERE ${where.join(' AND ')}
        ORDER BY ${toolkitMovementListOrder} LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return { rows: page, hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.id]) : null };
  }

  /** Stock by the movements alone (what `on_hand` must always equal). */
  async sumOfMovements(itemId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows: { total: number }[] = await manager.query(`SELECT COALESCE(sum(quantity), 0)::int AS total FROM toolkit_movement WHERE item_id = $1`, [itemId]);
    return rows[0].total;
  }
}
