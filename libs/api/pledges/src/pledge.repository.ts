import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { PledgeFilter, PledgeKind } from '@crm/contracts';
import type { LadderFact } from '@crm/engagement';
import { organizationScopeColumns } from '@crm/organizations';
import { personScopeColumns } from '@crm/people';
import { SqlParams } from '@crm/platform';
import { insertRecordRow, timeKeyOrder, timeKeysetList, updateRecordRowVersioned } from '@crm/records';
import type { ExportQuery, LifecycleValues, TimeKey, TransferLang, VersionedStore } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import { pledgeColumnOf, pledgeScopeColumns, pledgeWritableColumns, type PledgeRow, type PledgeValues } from './pledge.row';

// Event rule fields → columns of alias `ev` (the events module's names, restated for one join).
const eventScopeColumns = { provinceCode: 'ev.province_code', createdById: 'ev.created_by_id', ownerId: 'ev.owner_id', organizationId: 'ev.organization_id' };
// Outreach rule fields → columns of `outreach o JOIN person op` (outreach's names, restated for one lookup).
const outreachScopeColumns = {
  provinceCode: 'op.province_code',
  createdById: 'o.created_by_id',
  ownerId: 'o.follow_up_owner_id',
  organizationId: 'NULL::uuid',
};

/** The pledge's columns, with its pledger's and event's names as far as `ability` may read them. */
function pledgeSelect(params: SqlParams, ability: AppAbility): string {
  const personScope = params.scope(ability, 'read', 'Person', personScopeColumns);
  const organizationScope = params.scope(ability, 'read', 'Organization', { ...organizationScopeColumns });
  const eventScope = params.scope(ability, 'read', 'Event', eventScopeColumns);
  return [
    ...Object.entries(pledgeColumnOf).map(([field, column]) => `${column} AS "${field}"`),
    `COALESCE((SELECT trim(p.first_name || ' ' || p.last_name) FROM person p WHERE p.id = g.person_id AND ${personScope}),
              (SELECT o.name_en FROM organization o WHERE o.id = g.organization_id AND ${organizationScope})) AS "pledgerName"`,
    `(SELECT ev.title_en FROM event ev WHERE ev.id = g.event_id AND ${eventScope}) AS "eventTitleEn"`,
    `(SELECT coalesce(ev.title_fr, ev.title_en) FROM event ev WHERE ev.id = g.event_id AND ${eventScope}) AS "eventTitleFr"`,
  ].join(', ');
}

export interface PledgeHistoryRow {
  id: string;
  at: Date;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  summary: Record<string, unknown> | null;
}

@Injectable()
export class PledgeRepository implements VersionedStore<PledgeRow, PledgeValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** Goal progress (decision 080): the campaign's pledges (only the fulfilled ones: `fulfilled`), within `provinceCodes`. */
  async countForCampaign(manager: EntityManager, campaignId: string, provinceCodes: readonly string[] | null, fulfilled: boolean): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM pledge g
        WHERE g.campaign_id = $1 AND g.archived_at IS NULL AND ($2::text[] IS NULL OR g.province_code = ANY($2::text[]))
          AND (NOT $3 OR g.status = 'fulfilled')`,
      [campaignId, provinceCodes, fulfilled],
    );
    return rows[0].n;
  }

  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PledgeRow | null> {
    const params = new SqlParams();
    const columns = pledgeSelect(params, ability);
    const rows: PledgeRow[] = await manager.query(
      `SELECT ${columns} FROM pledge g WHERE g.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Pledge', pledgeScopeColumns)}
       ${lock ? 'FOR UPDATE OF g' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<PledgeRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  async ruleFieldsOf(ability: AppAbility, id: string): Promise<object | null> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT g.id, g.province_code AS "provinceCode", g.owner_id AS "ownerId", g.created_by_id AS "createdById", g.organization_id AS "organizationId"
         FROM pledge g WHERE g.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Pledge', pledgeScopeColumns)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT g.id FROM pledge g WHERE g.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Pledge', pledgeScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** How many pledges the list's filter matches (the list's own WHERE). */
  async count(ability: AppAbility, filter: PledgeFilter): Promise<number> {
    const params = new SqlParams();
    const where = pledgeListWhere(params, ability, 'read', filter);
    const rows: { count: number }[] = await this.dataSource.query(`SELECT count(*)::int AS count FROM pledge g WHERE ${where.join(' AND ')}`, params.values);
    return rows[0].count;
  }

  /** Newest first (keyset on created_at, id), filtered in SQL by scope and the filter. */
  async list(ability: AppAbility, filter: PledgeFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const select = pledgeSelect(params, ability);
    const where = pledgeListWhere(params, ability, 'read', filter);
    return timeKeysetList<PledgeRow>(this.dataSource, { params, select, from: 'pledge g', where, key: pledgeListKey, first, after });
  }

  insert(manager: EntityManager, values: PledgeValues & { createdById: string | null }): Promise<string> {
    return insertRecordRow(manager, 'pledge', pledgeWritableColumns, values);
  }

  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: PledgeValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<PledgeRow | null> {
    return (await updateRecordRowVersioned(manager, 'pledge', pledgeWritableColumns, target, values, options))
      ? this.findVisible(ability, target.id, manager)
      : null;
  }

  /** The pledger's province if the ability may read them (active), else null. */
  async personProvince(manager: EntityManager, ability: AppAbility, id: string): Promise<string | null> {
    const params = new SqlParams();
    const rows: { province_code: string }[] = await manager.query(
      `SELECT p.province_code FROM person p
        WHERE p.id = ${params.add(id)} AND p.archived_at IS NULL AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}`,
      params.values,
    );
    return rows[0]?.province_code ?? null;
  }

  async organizationProvince(manager: EntityManager, ability: AppAbility, id: string): Promise<string | null> {
    const params = new SqlParams();
    const rows: { province_code: string }[] = await manager.query(
      `SELECT o.province_code FROM organization o WHERE o.id = ${params.add(id)} AND o.archived_at IS NULL
          AND ${params.scope(ability, 'read', 'Organization', { ...organizationScopeColumns })}`,
      params.values,
    );
    return rows[0]?.province_code ?? null;
  }

  async eventVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<boolean> {
    const params = new SqlParams();
    const rows = await manager.query(
      `SELECT 1 FROM event ev WHERE ev.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Event', eventScopeColumns)}`,
      params.values,
    );
    return rows.length > 0;
  }

  /** A pledge's entries on its pledger's timeline (one copy each), oldest first. */
  async history(pledge: Pick<PledgeRow, 'id' | 'personId' | 'organizationId'>): Promise<PledgeHistoryRow[]> {
    const [subjectType, subjectId] = pledge.personId ? ['Person', pledge.personId] : ['Organization', pledge.organizationId];
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.kind, a.actor_id AS "actorId", u.name AS "actorName", a.summary
         FROM activity a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.record_type = 'Pledge' AND a.record_id = $1 AND a.subject_type = $2 AND a.subject_id = $3
        ORDER BY a.at, a.id LIMIT 200`,
      [pledge.id, subjectType, subjectId],
    );
  }

  /** The person of an active outreach the ability may read, or null (missing, archived or out of scope). */
  async outreachPerson(manager: EntityManager, ability: AppAbility, id: string): Promise<string | null> {
    const params = new SqlParams();
    const rows: { person_id: string }[] = await manager.query(
      `SELECT o.person_id FROM outreach o JOIN person op ON op.id = o.person_id
        WHERE o.id = ${params.add(id)} AND o.archived_at IS NULL AND ${params.scope(ability, 'read', 'Outreach', outreachScopeColumns)}`,
      params.values,
    );
    return rows[0]?.person_id ?? null;
  }

  /**
   * Marks open pledges due before `today` as overdue since `today`; answers those
   * marked. A row another worker marked meanwhile no longer matches once its lock
   * is released (PostgreSQL re-checks the condition), so two runs never mark twice.
   */
  async markOverdue(manager: EntityManager, today: string): Promise<{ id: string; personId: string | null; organizationId: string | null }[]> {
    const [rows]: [{ id: string; personId: string | null; organizationId: string | null }[], number] = await manager.query(
      `UPDATE pledge SET overdue_since = $1::date, updated_at = now()
        WHERE status IN ('pledged', 'in_progress') AND overdue_since IS NULL AND due_on < $1::date AND archived_at IS NULL
        RETURNING id, person_id AS "personId", organization_id AS "organizationId"`,
      [today],
    );
    return rows;
  }

  /**
   * Open pledges marked overdue that each user follows up (owner, else creator), oldest due
   * first, at most 100 each: one statement for a batch of users (the daily digest's).
   */
  async overdueFor(
    manager: EntityManager,
    userIds: readonly string[],
  ): Promise<Map<string, { id: string; kind: PledgeKind; dueOn: string; pledgerName: string }[]>> {
    const byUser = new Map<string, { id: string; kind: PledgeKind; dueOn: string; pledgerName: string }[]>();
    if (userIds.length === 0) return byUser;
    const rows: { userId: string; id: string; kind: PledgeKind; dueOn: string; pledgerName: string }[] = await manager.query(
      // One pass over the overdue pledges (few: no per-user index), numbered per user.
      `SELECT x."userId", x.id, x.kind, x."dueOn", x."pledgerName"
         FROM (SELECT coalesce(g.owner_id, g.created_by_id) AS "userId", g.id, g.kind, to_char(g.due_on, 'YYYY-MM-DD') AS "dueOn",
                      coalesce((SELECT trim(p.first_name || ' ' || p.last_name) FROM person p WHERE p.id = g.person_id),
                               (SELECT o.name_en FROM organization o WHERE o.id = g.organization_id)) AS "pledgerName",
                      row_number() OVER (PARTITION BY coalesce(g.owner_id, g.created_by_id) ORDER BY g.due_on, g.id) AS n
                 FROM pledge g
                WHERE coalesce(g.owner_id, g.created_by_id) = ANY($1::uuid[]) AND g.overdue_since IS NOT NULL
                  AND g.status IN ('pledged', 'in_progress') AND g.archived_at IS NULL) x
        WHERE x.n <= 100
        ORDER BY x."userId", x."dueOn", x.id`,
      [userIds],
    );
    for (const { userId, ...row } of rows) {
      const list = byUser.get(userId);
      if (list) list.push(row);
      else byUser.set(userId, [row]);
    }
    return byUser;
  }

  /** The ladder's pledge facts of some people: the latest pledge made (not lapsed) and the latest fulfilled. */
  async ladderFacts(manager: EntityManager, personIds: readonly string[]): Promise<LadderFact[]> {
    const rows: { personId: string; kind: 'pledged' | 'pledgeFulfilled'; on: string; id: string; action: string }[] = await manager.query(
      `SELECT DISTINCT ON (x.person_id, x.fact) x.person_id AS "personId", x.fact AS kind, to_char(x.on, 'YYYY-MM-DD') AS on, x.id, x.kind AS action
         FROM (SELECT g.person_id, g.id, g.kind, 'pledged' AS fact, (g.created_at AT TIME ZONE 'America/Toronto')::date AS on
                 FROM pledge g WHERE g.person_id = ANY($1::uuid[]) AND g.status <> 'lapsed' AND g.archived_at IS NULL
               UNION ALL
               SELECT g.person_id, g.id, g.kind, 'pledgeFulfilled', (g.fulfilled_at AT TIME ZONE 'America/Toronto')::date
                 FROM pledge g WHERE g.person_id = ANY($1::uuid[]) AND g.status = 'fulfilled' AND g.archived_at IS NULL) x
        ORDER BY x.person_id, x.fact, x.on DESC, x.id DESC`,
      [personIds],
    );
    return rows.map((row) => ({ personId: row.personId, kind: row.kind, on: row.on, recordType: 'Pledge', recordId: row.id, detail: { action: row.action } }));
  }
}

/** The order of a pledges list (alias `g`), newest first: the list and its CSV export share it. */
const pledgeListKey: TimeKey = { column: 'g.created_at', id: 'g.id', descending: true };
export const pledgeListOrder = timeKeyOrder(pledgeListKey);

/** The WHERE conditions (alias `g`) of a pledges list for `action`: the ability's scope, then the filter. */
export function pledgeListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: PledgeFilter): string[] {
  const where = [params.scope(ability, action, 'Pledge', pledgeScopeColumns), 'g.archived_at IS NULL'];
  if (filter.campaignId) where.push(`g.campaign_id = ${params.add(filter.campaignId)}`);
  if (filter.provinceCodes?.length) where.push(`g.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`g.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.statuses?.length) where.push(`g.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.kinds?.length) where.push(`g.kind = ANY(${params.add(filter.kinds)}::text[])`);
  if (filter.personId) where.push(`g.person_id = ${params.add(filter.personId)}`);
  if (filter.organizationId) where.push(`g.organization_id = ${params.add(filter.organizationId)}`);
  if (filter.eventId) where.push(`g.event_id = ${params.add(filter.eventId)}`);
  // Mine: pledges I own, or created with no owner named (the digest's rule for whom an overdue pledge reminds).
  if (filter.followedBy) where.push(`coalesce(g.owner_id, g.created_by_id) = ${params.add(filter.followedBy)}`);
  if (filter.overdue !== undefined) where.push(filter.overdue ? 'g.overdue_since IS NOT NULL' : 'g.overdue_since IS NULL');
  return where;
}

/**
 * The pledges list's rows as a CSV export: the same WHERE and ORDER BY as `pledges`, with the
 * caller's export scope; the pledger's and the event's names only as far as the caller may read them.
 */
export function pledgeExportQuery(ability: AppAbility, filter: PledgeFilter, lang: TransferLang): ExportQuery {
  const params = new SqlParams();
  const personScope = params.scope(ability, 'read', 'Person', personScopeColumns);
  const organizationScope = params.scope(ability, 'read', 'Organization', { ...organizationScopeColumns });
  const eventScope = params.scope(ability, 'read', 'Event', eventScopeColumns);
  const where = pledgeListWhere(params, ability, 'export', filter);
  const suffix = lang === 'fr' ? 'fr' : 'en';
  return {
    sql: `SELECT g.id, g.kind, g.status, g.person_id, g.organization_id,
                 COALESCE((SELECT trim(p.first_name || ' ' || p.last_name) FROM person p WHERE p.id = g.person_id AND ${personScope}),
                          (SELECT o.name_${suffix} FROM organization o WHERE o.id = g.organization_id AND ${organizationScope})) AS pledger,
                 g.province_code, c.name_${suffix} AS campaign, pa.title_${suffix} AS policy_ask, to_char(g.due_on, 'YYYY-MM-DD') AS due_on,
                 to_char(g.overdue_since, 'YYYY-MM-DD') AS overdue_since, g.evidence, g.event_id,
                 (SELECT coalesce(ev.title_${suffix}, ev.title_en) FROM event ev WHERE ev.id = g.event_id AND ${eventScope}) AS event_title,
                 g.outreach_id, g.owner_id, ow.email AS owner_email, g.fulfilled_at, g.created_at, g.updated_at
            FROM pledge g JOIN campaign c ON c.id = g.campaign_id
            LEFT JOIN policy_ask pa ON pa.id = g.policy_ask_id
            LEFT JOIN app_user ow ON ow.id = g.owner_id
           WHERE ${where.join(' AND ')}
           ORDER BY ${pledgeListOrder}`,
    params: params.values,
  };
}
