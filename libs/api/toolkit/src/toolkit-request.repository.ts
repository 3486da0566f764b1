import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { ToolkitRequestFilter } from '@crm/contracts';
import { SqlParams } from '@crm/platform';
import { timeKeyOrder, timeKeysetList, type ExportQuery, type LifecycleValues, type TimeKey, type VersionedStore } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import {
  toolkitRequestColumns,
  toolkitRequestScopeColumns,
  toolkitRequestWritableColumns,
  type NewToolkitRequest,
  type ToolkitRequestLineRow,
  type ToolkitRequestRow,
  type ToolkitRequestValues,
} from './toolkit.rows';

/** The ORDER BY of a requests list (alias `r`): the board and the CSV export share it. */
const toolkitRequestListKey: TimeKey = { column: 'r.status_changed_at', id: 'r.id' };
export const toolkitRequestListOrder = timeKeyOrder(toolkitRequestListKey);

/** The WHERE conditions (alias `r`) of a requests list for `action`: the ability's scope, then the filter (the board and the export). */
export function toolkitRequestListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: ToolkitRequestFilter): string[] {
  const where = ['r.archived_at IS NULL', params.scope(ability, action, 'ToolkitRequest', toolkitRequestScopeColumns)];
  if (filter.status) where.push(`r.status = ${params.add(filter.status)}`);
  if (filter.organizationId) where.push(`(r.organization_id = ${params.add(filter.organizationId)} OR r.assignee_organization_id = $${params.values.length})`);
  if (filter.provinceCodes?.length) where.push(`r.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  return where;
}

/** The requests as the CSV export gives them (same WHERE and ORDER BY as the board), each with its items in one cell. */
export function toolkitRequestExportQuery(ability: AppAbility, filter: ToolkitRequestFilter): ExportQuery {
  const params = new SqlParams();
  const where = toolkitRequestListWhere(params, ability, 'export', filter);
  return {
    sql: `SELECT r.id, upper(left(r.id::text, 8)) AS reference, r.status, r.source, r.language, r.organization_id, r.requester_name, r.requester_email,
                 r.requester_organization, r.address_line, r.city, r.province_code, r.postal_code, r.note, r.assignee_id, r.assignee_organization_id,
                 r.decline_reason, r.created_by_id, r.owner_id, r.created_at, r.status_changed_at, r.closed_at, r.erased_at,
                 (SELECT string_agg(ri.quantity || ' × ' || i.title_en, '; ' ORDER BY i.title_en) FROM toolkit_request_item ri
                    JOIN toolkit_item i ON i.id = ri.item_id WHERE ri.request_id = r.id) AS items_en,
                 (SELECT string_agg(ri.quantity || ' × ' || i.title_fr, '; ' ORDER BY i.title_en) FROM toolkit_request_item ri
                    JOIN toolkit_item i ON i.id = ri.item_id WHERE ri.request_id = r.id) AS items_fr
            FROM toolkit_request r
           WHERE ${where.join(' AND ')}
           ORDER BY ${toolkitRequestListOrder}`,
    params: params.values,
  };
}

@Injectable()
export class ToolkitRequestRepository implements VersionedStore<ToolkitRequestRow, ToolkitRequestValues> {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Goal progress (decision 080): toolkit requests shipped or delivered within `provinceCodes`.
   * Requests belong to no campaign: those sent between `from` and `to` (days, inclusive; null: open) count.
   */
  async countDistributed(manager: EntityManager, provinceCodes: readonly string[] | null, from: string | null, to: string | null): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM toolkit_request r
        WHERE r.status IN ('shipped', 'delivered') AND r.archived_at IS NULL AND ($1::text[] IS NULL OR r.province_code = ANY($1::text[]))
          AND ($2::date IS NULL OR r.status_changed_at >= $2::date) AND ($3::date IS NULL OR r.status_changed_at < $3::date + 1)`,
      [provinceCodes, from, to],
    );
    return rows[0].n;
  }

  /** One request if the ability may read it (scope in SQL): out of scope reads as missing. */
  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ToolkitRequestRow | null> {
    const params = new SqlParams();
    const rows: ToolkitRequestRow[] = await manager.query(
      `SELECT ${toolkitRequestColumns} FROM toolkit_request r
        WHERE r.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'ToolkitRequest', toolkitRequestScopeColumns)}
        ${lock ? 'FOR UPDATE' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<ToolkitRequestRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  /** The requests among `ids` the ability may read: their reference and rule fields (the audit log names them). */
  async auditReferences(ability: AppAbility, ids: string[]): Promise<{ id: string; reference: string; ruleFields: object }[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT r.id, upper(left(r.id::text, 8)) AS reference,
              json_build_object('id', r.id, 'provinceCode', r.province_code, 'ownerId', r.owner_id, 'createdById', r.created_by_id,
                                'organizationId', r.organization_id, 'assigneeId', r.assignee_id,
                                'assigneeOrganizationId', r.assignee_organization_id) AS "ruleFields"
         FROM toolkit_request r
        WHERE r.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'ToolkitRequest', toolkitRequestScopeColumns)}`,
      params.values,
    );
  }

  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM toolkit_request r
        WHERE r.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'ToolkitRequest', toolkitRequestScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The board's columns: by status, oldest change first (keyset on when the status changed, then the id). */
  async list(ability: AppAbility, filter: ToolkitRequestFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = toolkitRequestListWhere(params, ability, 'read', filter);
    return timeKeysetList<ToolkitRequestRow>(this.dataSource, {
      params,
      select: toolkitRequestColumns,
      from: 'toolkit_request r',
      where,
      key: filter.newestFirst ? { ...toolkitRequestListKey, descending: true } : toolkitRequestListKey,
      first,
      after,
    });
  }

  /** How many requests each status holds, as the caller may see them (the board's headings). */
  async countsByStatus(ability: AppAbility): Promise<{ status: string; count: number }[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT r.status, count(*)::int AS count FROM toolkit_request r
        WHERE r.archived_at IS NULL AND ${params.scope(ability, 'read', 'ToolkitRequest', toolkitRequestScopeColumns)}
        GROUP BY r.status`,
      params.values,
    );
  }

  async insert(manager: EntityManager, request: NewToolkitRequest): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO toolkit_request (source, status, language, organization_id, requester_name, requester_email, requester_organization,
                                    address_line, city, province_code, postal_code, note, created_by_id, dedupe_key, download_token)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        request.source,
        request.status,
        request.language,
        request.organizationId,
        request.requesterName,
        request.requesterEmail,
        request.requesterOrganization,
        request.addressLine,
        request.city,
        request.provinceCode,
        request.postalCode,
        request.note,
        request.createdById,
        request.dedupeKey,
        request.downloadToken,
      ],
    );
    return rows[0].id;
  }

  async insertLines(manager: EntityManager, requestId: string, lines: { itemId: string; quantity: number }[]): Promise<void> {
    await manager.query(
      `INSERT INTO toolkit_request_item (request_id, item_id, quantity)
       SELECT $1, x.item_id, x.quantity FROM jsonb_to_recordset($2::jsonb) AS x(item_id uuid, quantity integer)`,
      [requestId, JSON.stringify(lines.map((line) => ({ item_id: line.itemId, quantity: line.quantity })))],
    );
  }

  /** The lines of some requests (one query for a whole page: DataLoader). */
  async lines(requestIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ToolkitRequestLineRow[]> {
    if (requestIds.length === 0) return [];
    return manager.query(
      `SELECT ri.request_id AS "requestId", ri.item_id AS "itemId", ri.quantity, ri.downloaded_at AS "downloadedAt"
         FROM toolkit_request_item ri WHERE ri.request_id = ANY($1::uuid[]) ORDER BY ri.request_id, ri.item_id`,
      [requestIds],
    );
  }

  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: ToolkitRequestValues & LifecycleValues,
    options: { bump: boolean },
  ): Promise<ToolkitRequestRow | null> {
    const params = new SqlParams();
    const assignments = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => {
        const column = field === 'archivedAt' ? 'archived_at' : toolkitRequestWritableColumns[field as keyof typeof toolkitRequestWritableColumns];
        return `${column} = ${params.add(value)}`;
      });
    if (options.bump) assignments.push('version = r.version + 1', 'updated_at = now()');
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE toolkit_request AS r SET ${assignments.join(', ')}
        WHERE r.id = ${params.add(target.id)} AND r.version = ${params.add(target.version)} RETURNING r.id`,
      params.values,
    );
    if (!rows[0]) return null;
    // As the caller may read it after the write (a request handed to someone else may leave their view).
    return (await this.findVisible(ability, rows[0].id, manager)) ?? (await this.findById(manager, rows[0].id));
  }

  /** Whoever asks: for the service's own reads of what it just wrote (scope was checked before). */
  async findById(manager: EntityManager, id: string): Promise<ToolkitRequestRow | null> {
    const rows: ToolkitRequestRow[] = await manager.query(`SELECT ${toolkitRequestColumns} FROM toolkit_request r WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A public request with the same fingerprint made since `since` (the repeat collapses into it). */
  async recentByDedupeKey(manager: EntityManager, key: string, since: Date): Promise<ToolkitRequestRow | null> {
    const rows: ToolkitRequestRow[] = await manager.query(
      `SELECT ${toolkitRequestColumns} FROM toolkit_request r WHERE r.dedupe_key = $1 AND r.created_at >= $2 ORDER BY r.created_at LIMIT 1`,
      [key, since],
    );
    return rows[0] ?? null;
  }

  /** Serializes public submissions with one fingerprint (two identical clicks at once make one request). */
  async lockDedupeKey(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 13))`, [key]);
  }

  /** A digital line reached through its request's tracked link; counts once (the first download). */
  async recordDownload(token: string, itemId: string): Promise<{ requestId: string; downloadUrl: string; first: boolean } | null> {
    const rows: { requestId: string; downloadUrl: string; first: boolean }[] = await this.dataSource.query(
      `WITH line AS (
         SELECT ri.request_id, ri.item_id, ri.downloaded_at, i.download_url
           FROM toolkit_request r
           JOIN toolkit_request_item ri ON ri.request_id = r.id
           JOIN toolkit_item i ON i.id = ri.item_id
          WHERE r.download_token = $1 AND ri.item_id = $2 AND i.download_url IS NOT NULL
            AND r.status IN ('approved', 'assigned', 'shipped', 'delivered')
       ), marked AS (
         UPDATE toolkit_request_item ri SET downloaded_at = now() FROM line
          WHERE ri.request_id = line.request_id AND ri.item_id = line.item_id AND ri.downloaded_at IS NULL
          RETURNING ri.request_id
       )
       SELECT line.request_id AS "requestId", line.download_url AS "downloadUrl", EXISTS (SELECT FROM marked) AS first FROM line`,
      [token, itemId],
    );
    return rows[0] ?? null;
  }

  /** The download token of a request (for links in its e-mails). */
  async downloadToken(manager: EntityManager, id: string): Promise<string> {
    const rows: { token: string }[] = await manager.query(`SELECT download_token AS token FROM toolkit_request WHERE id = $1`, [id]);
    return rows[0].token;
  }

  /** Public requests closed before `before` whose requester is still on file (oldest first, a batch). */
  async erasable(before: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM toolkit_request WHERE source = 'public' AND erased_at IS NULL AND closed_at < $1 ORDER BY closed_at LIMIT $2`,
      [before, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Forgets who asked and where it went: name, e-mail, organization, street, city,
   * postal code, note and fingerprint. Status, province, items and counts stay.
   */
  async erase(manager: EntityManager, ids: string[]): Promise<{ id: string; email: string | null }[]> {
    // The e-mail as it was (RETURNING reads the old row through the join): the caller erases the messages sent to it.
    const [rows]: [{ id: string; email: string | null }[], number] = await manager.query(
      `UPDATE toolkit_request r SET requester_name = NULL, requester_email = NULL, requester_organization = NULL, address_line = NULL,
              city = NULL, postal_code = NULL, note = NULL, dedupe_key = NULL, erased_at = now()
         FROM (SELECT id, requester_email FROM toolkit_request WHERE id = ANY($1::uuid[]) AND erased_at IS NULL FOR UPDATE) old
        WHERE r.id = old.id RETURNING r.id, old.requester_email AS email`,
      [ids],
    );
    return rows;
  }

  /** Stock counts per item, for reports and the inventory: shipped and downloaded (one per request). */
  async distributed(itemIds: readonly string[]): Promise<{ itemId: string; requests: number; downloads: number }[]> {
    if (itemIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT ri.item_id AS "itemId", count(*) FILTER (WHERE r.status IN ('shipped', 'delivered'))::int AS requests,
              count(ri.downloaded_at)::int AS downloads
         FROM toolkit_request_item ri JOIN toolkit_request r ON r.id = ri.request_id
        WHERE ri.item_id = ANY($1::uuid[]) GROUP BY ri.item_id`,
      [itemIds],
    );
  }
}
