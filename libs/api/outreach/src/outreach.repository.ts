import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import type { EngagementStage, OutreachFilter } from '@crm/contracts';
import type { LadderFact } from '@crm/engagement';
import { personScopeColumns } from '@crm/people';
import { BadUserInputException, encodeCursor, readCursor, SqlParams } from '@crm/platform';
import type { LifecycleValues, VersionedStore } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import {
  outreachColumns,
  outreachFrom,
  outreachListColumns,
  outreachRowFrom,
  outreachScopeColumns,
  outreachWritableColumns,
  type OutreachListRow,
  type OutreachRow,
  type OutreachValues,
} from './outreach.row';

export interface NewOutreach {
  clientId: string | null;
  personId: string;
  campaignId: string;
  channel: string;
  occurredOn: string;
  outcome: string;
  notes: string | null;
  policyAskId: string | null;
  followUpOn: string | null;
  ownerId: string | null;
  createdById: string | null;
}

/** What logging a contact reads before its transaction, in one statement (decision 115). */
export interface LogContext {
  /** The outreach the client id made already (whoever may see it): a retry. */
  done: { id: string; personId: string } | null;
  /** The person, if the ability may read them. */
  person: { id: string; provinceCode: string; archived: boolean } | null;
  /** The campaign named, or the default one; null when it does not exist (or none is the default). */
  campaignId: string | null;
  /** Whether the policy ask named (if any) is one of that campaign's. */
  askKnown: boolean;
  /** The user's own time zone (read only when asked for). */
  timeZone: string | null;
}

/**
 * The ladder fact an outreach is (what `ladderFacts` reads of it: the kind by outcome, the
 * date, the channel, outcome and ask): the two must stay alike (decision 115).
 */
export function outreachLadderFact(row: Pick<OutreachRow, 'id' | 'personId' | 'occurredOn' | 'channel' | 'outcome' | 'policyAskId'>): LadderFact {
  const kind = row.outcome === 'committed' ? 'committed' : row.outcome === 'interested' ? 'interested' : 'contacted';
  return {
    personId: row.personId,
    kind,
    on: row.occurredOn,
    recordType: 'Outreach',
    recordId: row.id,
    detail: { channel: row.channel, outcome: row.outcome, ...(row.policyAskId ? { policyAskId: row.policyAskId } : {}) },
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const stages: EngagementStage[] = ['identified', 'contacted', 'engaged', 'committed', 'champion'];

/** The ORDER BY of outreach lists (alias `o`): the list and its CSV export share it. */
export const outreachListOrder = 'o.occurred_on DESC, o.id DESC';

/** The WHERE conditions (aliases `o`, `p`) of an outreach list for `action`: the list and its CSV export share them. */
export function outreachListWhere(
  params: SqlParams,
  ability: AppAbility,
  action: 'read' | 'export',
  actorId: string | null,
  filter: Partial<OutreachFilter>,
): string[] {
  const where = ['o.archived_at IS NULL', params.scope(ability, action, 'Outreach', outreachScopeColumns)];
  if (filter.mine) where.push(`(o.created_by_id = ${params.add(actorId)}::uuid OR o.follow_up_owner_id = ${params.add(actorId)}::uuid)`);
  if (filter.personId) where.push(`o.person_id = ${params.add(filter.personId)}::uuid`);
  if (filter.campaignId) where.push(`o.campaign_id = ${params.add(filter.campaignId)}::uuid`);
  if (filter.regionId) where.push(`p.province_code IN (SELECT province_code FROM region_province WHERE region_id = ${params.add(filter.regionId)}::uuid)`);
  if (filter.provinceCodes?.length) where.push(`p.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.channels?.length) where.push(`o.channel = ANY(${params.add(filter.channels)}::text[])`);
  if (filter.outcomes?.length) where.push(`o.outcome = ANY(${params.add(filter.outcomes)}::text[])`);
  if (filter.from) where.push(`o.occurred_on >= ${params.add(filter.from)}::date`);
  if (filter.to) where.push(`o.occurred_on <= ${params.add(filter.to)}::date`);
  if (filter.search) where.push(`p.search_text LIKE '%' || f_search_norm(${params.add(filter.search)}) || '%'`);
  return where;
}

@Injectable()
export class OutreachRepository implements VersionedStore<OutreachRow, OutreachValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** One outreach if the ability may read it (scope in SQL): out of scope reads as missing. */
  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<OutreachRow | null> {
    const params = new SqlParams();
    const rows: OutreachRow[] = await manager.query(
      `SELECT ${outreachColumns} FROM ${outreachRowFrom}
        WHERE o.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Outreach', outreachScopeColumns)}${lock ? ' FOR UPDATE OF o' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<OutreachRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  /** Outreach already recorded under these client ids (archived too: an import never records it again). */
  async byClientIds(manager: EntityManager, clientIds: string[]): Promise<{ id: string; version: number; clientId: string }[]> {
    if (clientIds.length === 0) return [];
    return manager.query(`SELECT id, version, client_id AS "clientId" FROM outreach WHERE client_id = ANY($1::uuid[]) ORDER BY id`, [clientIds]);
  }

  /** Inserts a chunk of an import; a client id already used is left out. Answers how many were inserted. */
  async insertMany(manager: EntityManager, rows: (NewOutreach & { id: string })[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO outreach (id, client_id, person_id, campaign_id, channel, occurred_on, outcome, notes, policy_ask_id,
                             follow_up_on, follow_up_owner_id, created_by_id)
       SELECT x.id, x.client_id, x.person_id, x.campaign_id, x.channel, x.occurred_on, x.outcome, x.notes, x.policy_ask_id,
              x.follow_up_on, x.follow_up_owner_id, x.created_by_id
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, client_id uuid, person_id uuid, campaign_id uuid, channel text, occurred_on date,
              outcome text, notes text, policy_ask_id uuid, follow_up_on date, follow_up_owner_id uuid, created_by_id uuid)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            client_id: row.clientId,
            person_id: row.personId,
            campaign_id: row.campaignId,
            channel: row.channel,
            occurred_on: row.occurredOn,
            outcome: row.outcome,
            notes: row.notes,
            policy_ask_id: row.policyAskId,
            follow_up_on: row.followUpOn,
            follow_up_owner_id: row.ownerId,
            created_by_id: row.createdById,
          })),
        ),
      ],
    );
    return inserted.length;
  }

  /** Inserts unless the client id was used already (a retry): then null. */
  async insert(manager: EntityManager, row: NewOutreach): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outreach (client_id, person_id, campaign_id, channel, occurred_on, outcome, notes, policy_ask_id,
                             follow_up_on, follow_up_owner_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [
        row.clientId,
        row.personId,
        row.campaignId,
        row.channel,
        row.occurredOn,
        row.outcome,
        row.notes,
        row.policyAskId,
        row.followUpOn,
        row.ownerId,
        row.createdById,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Everything logging a contact checks before writing, in one statement (decision 115):
   * the retry by client id, the person within the ability's scope, the campaign (the
   * default one unless named) and whether the ask is one of its own, and the user's
   * time zone. Each part reads as its own sub-select would; the service decides in
   * the order it always did (retry, person, campaign, ask).
   */
  async logContext(
    ability: AppAbility,
    input: { clientId: string | null; personId: string; campaignId: string | null; policyAskId: string | null; timeZoneOf: string | null },
  ): Promise<LogContext> {
    const params = new SqlParams();
    const rows: LogContext[] = await this.dataSource.query(
      `SELECT (SELECT json_build_object('id', o.id, 'personId', o.person_id) FROM outreach o WHERE o.client_id = ${params.add(input.clientId)}::uuid) AS done,
              (SELECT json_build_object('id', p.id, 'provinceCode', p.province_code, 'archived', p.archived_at IS NOT NULL) FROM person p
                WHERE p.id = ${params.add(input.personId)}::uuid AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}) AS person,
              c.id AS "campaignId",
              (c.id IS NOT NULL AND (${params.add(input.policyAskId)}::uuid IS NULL
                 OR EXISTS (SELECT 1 FROM policy_ask pa WHERE pa.id = ${params.add(input.policyAskId)}::uuid AND pa.campaign_id = c.id))) AS "askKnown",
              (SELECT u.time_zone FROM app_user u WHERE u.id = ${params.add(input.timeZoneOf)}::uuid) AS "timeZone"
         FROM (SELECT 1) one
         LEFT JOIN campaign c ON c.id = COALESCE(${params.add(input.campaignId)}::uuid, (SELECT d.id FROM campaign d WHERE d.is_default))`,
      params.values,
    );
    return rows[0];
  }

  /**
   * Inserts and answers the new row as `findVisible` reads it, in one statement; null when
   * the client id was used already (a retry). The caller checked the create rule, which
   * is within the read scope.
   */
  async insertReturning(manager: EntityManager, row: NewOutreach): Promise<OutreachRow | null> {
    const rows: OutreachRow[] = await manager.query(
      `WITH o AS (
         INSERT INTO outreach (client_id, person_id, campaign_id, channel, occurred_on, outcome, notes, policy_ask_id,
                               follow_up_on, follow_up_owner_id, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (client_id) DO NOTHING RETURNING *)
       SELECT ${outreachColumns}
         FROM o JOIN person p ON p.id = o.person_id LEFT JOIN app_user ow ON ow.id = o.follow_up_owner_id LEFT JOIN app_user cr ON cr.id = o.created_by_id`,
      [
        row.clientId,
        row.personId,
        row.campaignId,
        row.channel,
        row.occurredOn,
        row.outcome,
        row.notes,
        row.policyAskId,
        row.followUpOn,
        row.ownerId,
        row.createdById,
      ],
    );
    return rows[0] ?? null;
  }

  /** The outreach a client id made, whoever may see it (to tell a retry from a clash). */
  async byClientId(manager: EntityManager = this.dataSource.manager, clientId: string): Promise<{ id: string; personId: string } | null> {
    const rows = await manager.query(`SELECT id, person_id AS "personId" FROM outreach WHERE client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: OutreachValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<OutreachRow | null> {
    const params = new SqlParams();
    const fields = (Object.keys(values) as (keyof typeof outreachWritableColumns)[]).filter(
      (field) => field in outreachWritableColumns && (values as Record<string, unknown>)[field] !== undefined,
    );
    const assignments = fields.map((field) => `${outreachWritableColumns[field]} = ${params.add((values as Record<string, unknown>)[field])}`);
    if (options.bump) assignments.push('version = version + 1', 'updated_at = now()');
    if (assignments.length === 0) return this.findVisible(ability, target.id, manager);
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE outreach SET ${assignments.join(', ')} WHERE id = ${params.add(target.id)} AND version = ${params.add(target.version)}`,
      params.values,
    );
    return affected === 1 ? this.findVisible(ability, target.id, manager) : null;
  }

  /** Newest first (date, then id), keyset pages; every condition on an indexed column or the person's scope. */
  async list(ability: AppAbility, actorId: string | null, filter: OutreachFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = outreachListWhere(params, ability, 'read', actorId, filter);
    const cursor = readCursor(after, ['text', 'uuid'] as const);
    if (cursor) {
      if (!isoDate.test(cursor[0])) throw new BadUserInputException([{ path: ['after'], code: 'cursor' }]);
      where.push(`(o.occurred_on, o.id) < (${params.add(cursor[0])}::date, ${params.add(cursor[1])}::uuid)`);
    }
    const rows: OutreachListRow[] = await this.dataSource.query(
      `SELECT ${outreachListColumns} FROM ${outreachRowFrom} WHERE ${where.join(' AND ')} ORDER BY ${outreachListOrder} LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return { rows: page, hasNextPage: rows.length > first, endCursor: last ? encodeCursor([last.occurredOn, last.id]) : null };
  }

  /** Open follow-ups owned by `ownerId` due on or before `until`, oldest first (index outreach_follow_up_idx). */
  async openFollowUps(ability: AppAbility, ownerId: string, until: string, first: number): Promise<OutreachListRow[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT ${outreachListColumns} FROM ${outreachRowFrom}
        WHERE o.follow_up_owner_id = ${params.add(ownerId)}::uuid AND o.follow_up_on IS NOT NULL AND o.follow_up_done_at IS NULL AND o.archived_at IS NULL
          AND o.follow_up_on <= ${params.add(until)}::date AND ${params.scope(ability, 'read', 'Outreach', outreachScopeColumns)}
        ORDER BY o.follow_up_on, o.id LIMIT ${params.add(first)}`,
      params.values,
    );
  }

  /**
   * The ladder facts outreach reports: per person, the latest contact of each kind
   * (committed, interested, any other outcome: contacted), each as `outreachLadderFact` makes it.
   */
  async ladderFacts(manager: EntityManager, personIds: readonly string[]): Promise<LadderFact[]> {
    const rows: { personId: string; kind: LadderFact['kind']; on: string; id: string; channel: string; outcome: string; policyAskId: string | null }[] =
      await manager.query(
        `SELECT DISTINCT ON (x.person_id, x.kind) x.person_id AS "personId", x.kind, to_char(x.occurred_on, 'YYYY-MM-DD') AS on, x.id, x.channel, x.outcome,
                x.policy_ask_id AS "policyAskId"
           FROM (SELECT o.*, CASE o.outcome WHEN 'committed' THEN 'committed' WHEN 'interested' THEN 'interested' ELSE 'contacted' END AS kind
                   FROM outreach o WHERE o.person_id = ANY($1::uuid[]) AND o.archived_at IS NULL) x
          ORDER BY x.person_id, x.kind, x.occurred_on DESC, x.id DESC`,
        [personIds],
      );
    return rows.map((row) => ({
      personId: row.personId,
      kind: row.kind,
      on: row.on,
      recordType: 'Outreach',
      recordId: row.id,
      detail: { channel: row.channel, outcome: row.outcome, ...(row.policyAskId ? { policyAskId: row.policyAskId } : {}) },
    }));
  }

  /** Leaders reached in a campaign whose stage is at least `minStage`, within some provinces (null: all). */
  async countLeaders(manager: EntityManager, campaignId: string, provinceCodes: readonly string[] | null, minStage: EngagementStage): Promise<number> {
    const reached = stages.slice(stages.indexOf(minStage));
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM person p
        WHERE p.archived_at IS NULL AND p.engagement_stage = ANY($2::text[]) AND ($3::text[] IS NULL OR p.province_code = ANY($3::text[]))
          AND EXISTS (SELECT 1 FROM outreach o WHERE o.person_id = p.id AND o.campaign_id = $1 AND o.archived_at IS NULL)`,
      [campaignId, reached, provinceCodes],
    );
    return rows[0].n;
  }

  /** Merging people: the duplicate's outreach moves to the survivor; answers the people whose facts changed. */
  async moveToPerson(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    const [, moved]: [unknown[], number] = await manager.query(`UPDATE outreach SET person_id = $2 WHERE person_id = $1`, [fromId, toId]);
    return moved;
  }

  async ruleFieldsOf(ability: AppAbility, id: string): Promise<object | null> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT o.id, p.province_code AS "provinceCode", o.created_by_id AS "createdById", o.follow_up_owner_id AS "ownerId"
         FROM ${outreachFrom} WHERE o.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Outreach', outreachScopeColumns)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM ${outreachFrom} WHERE o.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Outreach', outreachScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }
}

/** A user's own time zone, if they set one (the office's applies otherwise). */
export async function timeZoneOf(manager: EntityManager, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const rows: { timeZone: string | null }[] = await manager.query(`SELECT time_zone AS "timeZone" FROM app_user WHERE id = $1`, [userId]);
  return rows[0]?.timeZone ?? null;
}
