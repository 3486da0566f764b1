import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import { publicConsentLevels, type Language, type StoryFilter } from '@crm/contracts';
import type { AuditSubjectName } from '@crm/identity';
import { likeEscape, SqlParams } from '@crm/platform';
import {
  encodeOrderedCursor,
  insertRecordRow,
  keysetPage,
  orderedCursor,
  updateRecordRowVersioned,
  type ExportQuery,
  type LifecycleValues,
  type VersionedStore,
} from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import { storyColumns, storyScopeColumns, storyWritableColumns, type StoryRow, type StoryValues } from './story.row';

/** What the public page shows of a story: chosen here, in SQL, never nulled afterwards. */
export interface PublicStoryRow {
  id: string;
  kind: string;
  language: Language;
  title: string;
  text: string;
  /** Only on named stories. */
  storytellerName: string | null;
  publishedAt: Date;
}

/** What reports count: stories in consent (never withdrawn or erased), by campaign and place. */
export interface StoryCountFilter {
  campaignId?: string;
  provinceCodes?: string[];
  statuses?: string[];
}

@Injectable()
export class StoryRepository implements VersionedStore<StoryRow, StoryValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** Goal progress (decision 080): the campaign's stories, less those withdrawn, within `provinceCodes`. */
  async countGathered(manager: EntityManager, campaignId: string, provinceCodes: readonly string[] | null): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM story s
        WHERE s.campaign_id = $1 AND s.archived_at IS NULL AND s.withdrawn_at IS NULL AND ($2::text[] IS NULL OR s.province_code = ANY($2::text[]))`,
      [campaignId, provinceCodes],
    );
    return rows[0].n;
  }

  /** One story if the ability may read it (scope and consent in SQL): otherwise it reads as missing. */
  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<StoryRow | null> {
    const params = new SqlParams();
    const scope = params.scope(ability, 'read', 'Story', storyScopeColumns);
    const rows: StoryRow[] = await manager.query(
      `SELECT ${storyColumns} FROM story s WHERE s.id = ${params.add(id)} AND ${scope}${lock ? ' FOR UPDATE' : ''}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<StoryRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  /** What access rules read of a story the ability may read, or null. */
  async ruleFieldsOf(ability: AppAbility, id: string): Promise<Record<string, unknown> | null> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT s.id, s.province_code AS "provinceCode", s.owner_id AS "ownerId", s.created_by_id AS "createdById",
              s.organization_id AS "organizationId", s.consent_level AS "consentLevel", (s.withdrawn_at IS NOT NULL) AS withdrawn
         FROM story s WHERE s.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Story', storyScopeColumns)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** The stories among `ids` the ability may read, with their titles and rule fields (the audit log names them). */
  async auditNames(ability: AppAbility, ids: string[]): Promise<AuditSubjectName[]> {
    const params = new SqlParams();
    const rows: { id: string; title: string | null; ruleFields: object }[] = await this.dataSource.query(
      `SELECT s.id, s.title,
              json_build_object('id', s.id, 'provinceCode', s.province_code, 'ownerId', s.owner_id, 'createdById', s.created_by_id,
                                'organizationId', s.organization_id, 'consentLevel', s.consent_level, 'withdrawn', s.withdrawn_at IS NOT NULL) AS "ruleFields"
         FROM story s WHERE s.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Story', storyScopeColumns)}`,
      params.values,
    );
    // A story without a title is named by its kind on the page; here it stays "a story".
    return rows.flatMap((row) => (row.title ? [{ id: row.id, name: row.title, ruleFields: row.ruleFields }] : []));
  }

  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT s.id FROM story s WHERE s.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Story', storyScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** A page of stories, most recently changed first (keyset on updated_at, id). */
  async list(ability: AppAbility, filter: StoryFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = storyListWhere(params, ability, 'read', filter);
    const cursor = orderedCursor(after, 'UPDATED', 2);
    if (cursor) where.push(`(s.updated_at, s.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`);
    const rows: (StoryRow & { sortUpdated: string })[] = await this.dataSource.query(
      `SELECT ${storyColumns}, s.updated_at::text AS "sortUpdated" FROM story s
        WHERE ${where.join(' AND ')}
        ORDER BY ${storyListOrder}
        LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    return keysetPage(rows, first, (last) => encodeOrderedCursor('UPDATED', [last.sortUpdated, last.id]), ['sortUpdated']);
  }

  insert(manager: EntityManager, values: StoryValues & { createdById: string | null }): Promise<string> {
    return insertRecordRow(manager, 'story', storyWritableColumns, values);
  }

  /** Writes `values` if the row is still at `version`; the story as `ability` reads it afterwards, or null. */
  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: StoryValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<StoryRow | null> {
    return (await this.write(manager, target, values, options)) ? this.findVisible(ability, target.id, manager) : null;
  }

  /**
   * Writes `values` if the row is still at `version` (a withdrawal or erasure, after which
   * the caller may no longer read the story); true when written.
   */
  write(manager: EntityManager, target: { id: string; version: number }, values: StoryValues & LifecycleValues, options = { bump: true }): Promise<boolean> {
    return updateRecordRowVersioned(manager, 'story', storyWritableColumns, target, values, options);
  }

  /**
   * The public page's stories: published, in consent, public by consent, newest first; only
   * the public fields, the storyteller's name on named stories alone. No scope: no reader.
   */
  async publicStories(language: Language | undefined, first: number): Promise<PublicStoryRow[]> {
    const params = new SqlParams();
    const where = [
      `s.status = 'published'`,
      's.withdrawn_at IS NULL',
      's.erased_at IS NULL',
      's.archived_at IS NULL',
      `s.consent_level = ANY(${params.add(publicConsentLevels)}::text[])`,
    ];
    if (language) where.push(`s.language = ${params.add(language)}`);
    return this.dataSource.query(
      `SELECT s.id, s.kind, s.language, s.title, s.text,
              CASE WHEN s.consent_level = 'named_public' THEN s.storyteller_name END AS "storytellerName",
              s.published_at AS "publishedAt"
         FROM story s
        WHERE ${where.join(' AND ')}
        ORDER BY s.published_at DESC, s.id DESC
        LIMIT ${params.add(first)}`,
      params.values,
    );
  }

  /**
   * Stories in consent for reports (withdrawn and erased ones never count), per kind and
   * status; `ability`, when given, narrows them to what its holder may read.
   */
  async counts(filter: StoryCountFilter, ability?: AppAbility): Promise<{ kind: string; status: string; count: number }[]> {
    const params = new SqlParams();
    const where = ['s.withdrawn_at IS NULL', 's.erased_at IS NULL', 's.archived_at IS NULL'];
    if (ability) where.push(params.scope(ability, 'read', 'Story', storyScopeColumns));
    if (filter.campaignId) where.push(`s.campaign_id = ${params.add(filter.campaignId)}`);
    if (filter.provinceCodes?.length) where.push(`s.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
    if (filter.statuses?.length) where.push(`s.status = ANY(${params.add(filter.statuses)}::text[])`);
    const rows: { kind: string; status: string; count: string }[] = await this.dataSource.query(
      `SELECT s.kind, s.status, count(*) AS count FROM story s WHERE ${where.join(' AND ')} GROUP BY s.kind, s.status ORDER BY s.kind, s.status`,
      params.values,
    );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}

/** The stories list as its CSV export reads it: the list's own WHERE (with the caller's `export` scope) and ORDER BY. */
export function storyExportQuery(ability: AppAbility, filter: StoryFilter): ExportQuery {
  const params = new SqlParams();
  const where = storyListWhere(params, ability, 'export', filter);
  return {
    sql: `SELECT s.id, s.title, s.kind, s.language, s.status, s.consent_level, to_char(s.consent_date, 'YYYY-MM-DD') AS consent_date, s.consent_method,
                 s.province_code, s.owner_id, s.created_by_id, s.organization_id, (s.withdrawn_at IS NOT NULL) AS withdrawn, s.storyteller_name,
                 s.text, s.published_at, s.withdrawn_at, s.created_at, s.updated_at
            FROM story s
           WHERE ${where.join(' AND ')}
           ORDER BY ${storyListOrder}`,
    params: params.values,
  };
}

/** The ORDER BY of a stories list (alias `s`): the list and its CSV export share it. */
export const storyListOrder = 's.updated_at DESC, s.id DESC';

/**
 * The WHERE conditions (alias `s`) of a stories list for `action`: the ability's scope
 * (which hides withdrawn stories from all but ADMIN), then the filter. The list and the
 * CSV export both use it.
 */
export function storyListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: StoryFilter): string[] {
  const where = [params.scope(ability, action, 'Story', storyScopeColumns)];
  where.push(filter.withdrawn ? 's.withdrawn_at IS NOT NULL' : 's.withdrawn_at IS NULL');
  where.push('s.archived_at IS NULL');
  if (filter.campaignId) where.push(`s.campaign_id = ${params.add(filter.campaignId)}`);
  if (filter.statuses?.length) where.push(`s.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.consentLevels?.length) where.push(`s.consent_level = ANY(${params.add(filter.consentLevels)}::text[])`);
  if (filter.kinds?.length) where.push(`s.kind = ANY(${params.add(filter.kinds)}::text[])`);
  if (filter.provinceCodes?.length) where.push(`s.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.search) {
    // Title and text only (never the storyteller, whom some readers may not know).
    const pattern = params.add(`%${likeEscape(filter.search)}%`);
    where.push(`(s.title ILIKE ${pattern} OR s.text ILIKE ${pattern})`);
  }
  return where;
}
