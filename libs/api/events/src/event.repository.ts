import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { EventFilter } from '@crm/contracts';
import type { AuditSubjectName } from '@crm/identity';
import { organizationScopeColumns } from '@crm/organizations';
import { personScopeColumns } from '@crm/people';
import { likeEscape, SqlParams } from '@crm/platform';
import { insertRecordRow, timeKeyOrder, timeKeysetList, updateRecordRowVersioned } from '@crm/records';
import type { ExportQuery, LifecycleValues, TimeKey, TransferLang, VersionedStore } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import { eventColumns, eventScopeColumns, eventWritableColumns, type EventRow, type EventValues } from './event.row';

/** A person as an event shows them (host, guest): their name, read under the caller's Person scope. */
export interface EventPersonRow {
  id: string;
  firstName: string;
  lastName: string;
  provinceCode: string;
  engagementStage: string;
}

export const eventPersonColumns = `p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.province_code AS "provinceCode",
  p.engagement_stage AS "engagementStage"`;

@Injectable()
export class EventRepository implements VersionedStore<EventRow, EventValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** One event if the ability may `action` it (scope in SQL): out of scope reads as missing. */
  async findVisible(
    ability: AppAbility,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
    action: Action = 'read',
  ): Promise<EventRow | null> {
    const params = new SqlParams();
    const rows: EventRow[] = await manager.query(
      `SELECT ${eventColumns} FROM event e WHERE e.id = ${params.add(id)} AND ${params.scope(ability, action, 'Event', eventScopeColumns)}
       ${lock ? 'FOR UPDATE OF e' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<EventRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  async ruleFieldsOf(ability: AppAbility, id: string): Promise<object | null> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT e.id, e.province_code AS "provinceCode", e.owner_id AS "ownerId", e.created_by_id AS "createdById", e.organization_id AS "organizationId"
         FROM event e WHERE e.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Event', eventScopeColumns)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** The events among `ids` the ability may read, with their titles and rule fields (the audit log names them). */
  async auditNames(ability: AppAbility, ids: string[]): Promise<AuditSubjectName[]> {
    const params = new SqlParams();
    const rows: { id: string; titleEn: string; titleFr: string | null; ruleFields: object }[] = await this.dataSource.query(
      `SELECT e.id, e.title_en AS "titleEn", e.title_fr AS "titleFr",
              json_build_object('id', e.id, 'provinceCode', e.province_code, 'ownerId', e.owner_id, 'createdById', e.created_by_id,
                                'organizationId', e.organization_id) AS "ruleFields"
         FROM event e WHERE e.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Event', eventScopeColumns)}`,
      params.values,
    );
    return rows.map((row) => ({ id: row.id, name: row.titleEn, nameFr: row.titleFr, ruleFields: row.ruleFields }));
  }

  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT e.id FROM event e WHERE e.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Event', eventScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Goal progress (decision 080): the campaign's events held, within `provinceCodes` (null: everywhere). */
  async countHeld(manager: EntityManager, campaignId: string, provinceCodes: readonly string[] | null): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM event e
        WHERE e.campaign_id = $1 AND e.status = 'held' AND e.archived_at IS NULL AND ($2::text[] IS NULL OR e.province_code = ANY($2::text[]))`,
      [campaignId, provinceCodes],
    );
    return rows[0].n;
  }

  /**
   * Goal progress: attendance at the campaign's events that were not cancelled — the people
   * checked in, plus each event's head count of those not in the CRM.
   */
  async countAttendance(manager: EntityManager, campaignId: string, provinceCodes: readonly string[] | null): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT (coalesce(sum(e.head_count), 0)
               + (SELECT count(*) FROM event_rsvp r JOIN event x ON x.id = r.event_id
                   WHERE r.checked_in_at IS NOT NULL AND x.campaign_id = $1 AND x.status <> 'cancelled' AND x.archived_at IS NULL
                     AND ($2::text[] IS NULL OR x.province_code = ANY($2::text[]))))::int AS n
         FROM event e
        WHERE e.campaign_id = $1 AND e.status <> 'cancelled' AND e.archived_at IS NULL AND ($2::text[] IS NULL OR e.province_code = ANY($2::text[]))`,
      [campaignId, provinceCodes],
    );
    return rows[0].n;
  }

  /** How many events the list's filter matches (the list's own WHERE). */
  async count(ability: AppAbility, filter: EventFilter): Promise<number> {
    const params = new SqlParams();
    const where = eventListWhere(params, ability, 'read', filter);
    const rows: { count: number }[] = await this.dataSource.query(`SELECT count(*)::int AS count FROM event e WHERE ${where.join(' AND ')}`, params.values);
    return rows[0].count;
  }

  /** Events in start order (keyset on start, id), filtered in SQL by scope and the filter. */
  async list(ability: AppAbility, filter: EventFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = eventListWhere(params, ability, 'read', filter);
    return timeKeysetList<EventRow>(this.dataSource, {
      params,
      select: eventColumns,
      from: 'event e',
      where,
      key: filter.newestFirst ? eventListKeyNewestFirst : eventListKey,
      first,
      after,
    });
  }

  insert(manager: EntityManager, values: EventValues & { createdById: string | null }): Promise<string> {
    return insertRecordRow(manager, 'event', eventWritableColumns, values);
  }

  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: EventValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<EventRow | null> {
    return (await updateRecordRowVersioned(manager, 'event', eventWritableColumns, target, values, options))
      ? this.findVisible(ability, target.id, manager)
      : null;
  }

  async replaceHosts(manager: EntityManager, eventId: string, personIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM event_host WHERE event_id = $1 AND NOT (person_id = ANY($2::uuid[]))`, [eventId, personIds]);
    await manager.query(`INSERT INTO event_host (event_id, person_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [eventId, personIds]);
  }

  /** The active people among `ids` the ability may read. */
  async visiblePeople(manager: EntityManager, ability: AppAbility, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const params = new SqlParams();
    const rows: { id: string }[] = await manager.query(
      `SELECT p.id FROM person p WHERE p.id = ANY(${params.add(ids)}::uuid[]) AND p.archived_at IS NULL
          AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Hosts of many events in one statement, limited to the people the ability may read. */
  async hostsOf(ability: AppAbility, eventIds: readonly string[]): Promise<(EventPersonRow & { eventId: string })[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT h.event_id AS "eventId", ${eventPersonColumns}
         FROM event_host h JOIN person p ON p.id = h.person_id
        WHERE h.event_id = ANY(${params.add(eventIds)}::uuid[]) AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY f_search_norm(p.last_name), f_search_norm(p.first_name), p.id`,
      params.values,
    );
  }
}

/** The host organizations of some events, as far as the ability may read them. */
export async function hostOrganizations(
  dataSource: DataSource,
  ability: AppAbility,
  ids: readonly string[],
): Promise<{ id: string; nameEn: string; nameFr: string }[]> {
  const params = new SqlParams();
  return dataSource.query(
    `SELECT o.id, o.name_en AS "nameEn", o.name_fr AS "nameFr" FROM organization o
      WHERE o.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
    params.values,
  );
}

/** The order of an events list (alias `e`): the list and its CSV export share it. */
const eventListKey: TimeKey = { column: 'e.starts_at', id: 'e.id' };
export const eventListOrder = timeKeyOrder(eventListKey);
/** The same key, latest start first (a host's most recent past events). */
const eventListKeyNewestFirst: TimeKey = { ...eventListKey, descending: true };

/** The WHERE conditions (alias `e`) of an events list for `action`: the ability's scope, then the filter. */
export function eventListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: EventFilter): string[] {
  const where = [params.scope(ability, action, 'Event', eventScopeColumns), 'e.archived_at IS NULL'];
  if (filter.campaignId) where.push(`e.campaign_id = ${params.add(filter.campaignId)}`);
  if (filter.provinceCodes?.length) where.push(`e.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`e.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.organizationId) where.push(`e.organization_id = ${params.add(filter.organizationId)}`);
  if (filter.statuses?.length) where.push(`e.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.kinds?.length) where.push(`e.kind = ANY(${params.add(filter.kinds)}::text[])`);
  if (filter.from) where.push(`e.ends_at >= ${params.add(filter.from)}::timestamptz`);
  if (filter.to) where.push(`e.starts_at < ${params.add(filter.to)}::timestamptz`);
  if (filter.search) where.push(`e.search_text LIKE '%' || f_search_norm(${params.add(likeEscape(filter.search))}) || '%'`);
  return where;
}

/**
 * The events list's rows as a CSV export: the same WHERE and ORDER BY as `events`, with the
 * caller's export scope; times as wall-clock text in each event's own zone (decision 110),
 * the host organization's name as far as the caller may read it, and the list's counts (no names).
 */
export function eventExportQuery(ability: AppAbility, filter: EventFilter, lang: TransferLang): ExportQuery {
  const params = new SqlParams();
  const organizationScope = params.scope(ability, 'read', 'Organization', { ...organizationScopeColumns });
  const where = eventListWhere(params, ability, 'export', filter);
  const suffix = lang === 'fr' ? 'fr' : 'en';
  return {
    sql: `SELECT e.id, ${lang === 'fr' ? 'coalesce(e.title_fr, e.title_en)' : 'e.title_en'} AS title, e.kind, e.status, c.name_${suffix} AS campaign,
                 e.province_code, e.time_zone, to_char(e.starts_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD HH24:MI') AS starts_local,
                 to_char(e.ends_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD HH24:MI') AS ends_local, e.place, e.online_url, e.capacity,
                 (SELECT o.name_${suffix} FROM organization o WHERE o.id = e.organization_id AND ${organizationScope}) AS host_organization,
                 (SELECT count(*)::int FROM event_rsvp r WHERE r.event_id = e.id AND r.response = 'yes') AS coming,
                 (SELECT count(*)::int FROM event_rsvp r WHERE r.event_id = e.id AND r.checked_in_at IS NOT NULL) AS attended,
                 e.head_count, e.starts_at, e.created_at, e.updated_at
            FROM event e JOIN campaign c ON c.id = e.campaign_id
           WHERE ${where.join(' AND ')}
           ORDER BY ${eventListOrder}`,
    params: params.values,
  };
}
