import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { PersonDuplicatesInput, PersonFilter, RecordSort } from '@crm/contracts';
import { organizationScopeColumns } from '@crm/organizations';
import { poolQuery, SqlParams } from '@crm/platform';
import {
  encodeOrderedCursor,
  insertRecordRow,
  keysetPage,
  orderedCursor,
  textSearch,
  updateRecordRowVersioned,
  type ExportQuery,
  type LifecycleValues,
  type TextSearch,
  type TransferLang,
  type VersionedStore,
} from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import {
  affiliationsColumn,
  personColumns,
  personScopeColumns,
  personSortKey,
  personWritableColumns,
  type AffiliationRow,
  type PersonShape,
  wholePerson,
  personColumnsFor,
  type PersonRow,
  type PersonValues,
} from './person.row';

type RawPersonRow = Omit<PersonRow, 'affiliations'> & { affiliations: (Omit<AffiliationRow, 'organization'> & { organization: Record<string, unknown> })[] };

@Injectable()
export class PersonRepository implements VersionedStore<PersonRow, PersonValues> {
  constructor(private readonly dataSource: DataSource) {}

  /** One person if the ability may read them (scope in SQL): out of scope reads as missing. */
  async findVisible(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PersonRow | null> {
    if (lock) {
      // FOR UPDATE cannot go with the aggregate below: lock the row first, then read it.
      const lockParams = new SqlParams();
      await manager.query(
        `SELECT 1 FROM person p WHERE p.id = ${lockParams.add(id)} AND ${lockParams.scope(ability, 'read', 'Person', personScopeColumns)} FOR UPDATE`,
        lockParams.values,
      );
    }
    const params = new SqlParams();
    const personScope = params.scope(ability, 'read', 'Person', personScopeColumns);
    const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const rows: RawPersonRow[] = await manager.query(
      `SELECT ${personColumns}, ${affiliationsColumn(orgScope)} FROM person p WHERE p.id = ${params.add(id)} AND ${personScope}`,
      params.values,
    );
    return rows[0] ? toPersonRow(rows[0]) : null;
  }

  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<PersonRow | null> {
    return this.findVisible(ability, id, manager, true);
  }

  /** What access rules read of a person the ability may read (scope in SQL), or null. */
  async ruleFieldsOf(
    ability: AppAbility,
    id: string,
  ): Promise<{ id: string; provinceCode: string; ownerId: string | null; createdById: string | null } | null> {
    const params = new SqlParams();
    const rows = await this.dataSource.query(
      `SELECT p.id, p.province_code AS "provinceCode", p.owner_id AS "ownerId", p.created_by_id AS "createdById" FROM person p
        WHERE p.id = ${params.add(id)} AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  /** Names of the people among `ids` the ability may read (archived ones too), with their rule fields: the audit log's. */
  async auditNames(ability: AppAbility, ids: string[]) {
    const params = new SqlParams();
    const rows: { id: string; firstName: string; lastName: string; provinceCode: string; ownerId: string | null; createdById: string | null }[] =
      await this.dataSource.query(
        `SELECT p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.province_code AS "provinceCode", p.owner_id AS "ownerId",
                p.created_by_id AS "createdById"
           FROM person p
          WHERE p.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}`,
        params.values,
      );
    return rows.map(({ id, firstName, lastName, ...rule }) => ({ id, name: `${firstName} ${lastName}`.trim(), ruleFields: rule }));
  }

  /** The ids among `ids` the ability may read (archived ones too). */
  async visibleIds(ability: AppAbility, ids: string[]): Promise<Set<string>> {
    const params = new SqlParams();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM person p WHERE p.id = ANY(${params.add(ids)}::uuid[]) AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}`,
      params.values,
    );
    return new Set(rows.map((row) => row.id));
  }

  /** How many people the list of `filter` holds in all (every page). */
  async count(ability: AppAbility, filter: PersonFilter): Promise<number> {
    const params = new SqlParams();
    const { where, with: hits } = personListWhere(params, ability, 'read', filter);
    const rows: { count: number }[] = await this.dataSource.query(
      `${hits}SELECT count(*)::int AS count FROM person p WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return rows[0].count;
  }

  /** One statement per page: the people, in name order, each with their visible affiliations. */
  async list(ability: AppAbility, filter: PersonFilter, first: number, after: string | null | undefined, shape: PersonShape = wholePerson) {
    const params = new SqlParams();
    // No affiliations asked for, no organization scope (an unused parameter has no type).
    const affiliations =
      shape.affiliations === 'none'
        ? affiliationsColumn('', 'none')
        : affiliationsColumn(params.scope(ability, 'read', 'Organization', organizationScopeColumns), shape.affiliations);
    const columns = personColumnsFor(shape.fields);
    const { where, with: hits, search } = personListWhere(params, ability, 'read', filter);
    const byUpdated = filter.sort === 'UPDATED';
    const cursor = orderedCursor(after, filter.sort, byUpdated ? 2 : 3);
    if (cursor && byUpdated) where.push(`(p.updated_at, p.id) < (${params.add(cursor[0])}::timestamptz, ${params.add(cursor[1])}::uuid)`);
    else if (cursor) {
      where.push(`(${personSortKey}) > (${params.add(cursor[0])}::text, ${params.add(cursor[1])}::text, ${params.add(cursor[2])}::uuid)`);
    }
    // Read word by word (name order only), the search condition is the streams' (see byWord): not a filter of every row.
    const byWords = search?.words && !byUpdated ? search : null;
    const others = byWords ? where.filter((condition) => condition !== byWords.condition) : where;
    const limit = params.add(first + 1);
    const sortColumns = byUpdated
      ? `p.updated_at::text AS "sortUpdated"`
      : `f_search_norm(p.last_name) AS "sortLast", f_search_norm(p.first_name) AS "sortFirst"`;
    const rows = await poolQuery<RawPersonRow & { sortLast?: string; sortFirst?: string; sortUpdated?: string }>(
      this.dataSource,
      byWords
        ? `SELECT ${columns}, ${affiliations}, h.k1 AS "sortLast", h.k2 AS "sortFirst"
             FROM (SELECT id, k1, k2 FROM (${byWord(byWords, others.join(' AND '), limit)}) u
                    GROUP BY id, k1, k2 ORDER BY k1, k2, id LIMIT ${limit}) h
             JOIN person p ON p.id = h.id
            ORDER BY h.k1, h.k2, h.id`
        : `${hits}SELECT ${columns}, ${affiliations}, ${sortColumns}
             FROM person p
            WHERE ${where.join(' AND ')}
            ORDER BY ${personListOrder(filter.sort)}
            LIMIT ${limit}`,
      params.values,
    );
    // The sort keys stay on the rows (GraphQL reads only the fields it declares): deleting
    // them from each of 50 rows cost more than the rest of the page's mapping (decision 114).
    const page = keysetPage(rows, first, (last) =>
      encodeOrderedCursor(filter.sort, byUpdated ? [last.sortUpdated!, last.id] : [last.sortLast!, last.sortFirst!, last.id]),
    );
    // Dates only where the shape asks for them: a page of names has none to convert.
    const asked = shape.affiliations;
    const dates =
      asked === 'all' ? organizationDateFields : asked === 'none' ? [] : organizationDateFields.filter((field) => asked.organizationFields.has(field));
    return { ...page, rows: dates.length === 0 ? (page.rows as unknown as PersonRow[]) : page.rows.map((row) => toPersonRow(row, dates)) };
  }

  /**
   * Best matches first (exact words, then words containing the text, then close
   * spellings), then name order; typo, accent and case tolerant; an exact e-mail matches too.
   */
  async search(ability: AppAbility, text: string, first: number): Promise<PersonRow[]> {
    const params = new SqlParams();
    const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const where = ['p.archived_at IS NULL', params.scope(ability, 'read', 'Person', personScopeColumns)];
    const search = personSearch(params, text);
    const limit = params.add(first);
    let sql: string;
    if (search.words) {
      // One term: its words' people, read by name index a page per word.
      sql = `SELECT ${personColumns}, ${affiliationsColumn(orgScope)}
               FROM (SELECT id, k1, k2, max(score) AS score FROM (${byWord(search, where.join(' AND '), limit)}) u
                      GROUP BY id, k1, k2 ORDER BY score DESC, k1, k2, id LIMIT ${limit}) h
               JOIN person p ON p.id = h.id
              ORDER BY h.score DESC, h.k1, h.k2, h.id`;
    } else if (search.ranked) {
      // Several terms (the word index intersects them) or an e-mail: few matches, ranked.
      sql = `WITH hits AS MATERIALIZED (SELECT p.id FROM person p WHERE ${search.condition})
             SELECT ${personColumns}, ${affiliationsColumn(orgScope)} FROM person p
              WHERE p.id IN (SELECT id FROM hits) AND ${where.join(' AND ')}
              ORDER BY ${search.score} DESC, ${search.wholeWords ? `${search.wholeWords()} DESC, ` : ''}${personSortKey}
              LIMIT ${limit}`;
    } else {
      // Short fragments only ("Wu", "Li"): those with it as a whole word (word index), then
      // those whose name contains it (common: found walking the list in name order).
      const whole = search.wholeWords
        ? `(SELECT p.id, 0 AS rank FROM person p WHERE ${where.join(' AND ')} AND ${search.condition} AND ${search.wholeWords()}
             ORDER BY ${personSortKey} LIMIT ${limit}) UNION ALL `
        : '';
      sql = `SELECT ${personColumns}, ${affiliationsColumn(orgScope)}
               FROM (SELECT id, min(rank) AS rank FROM (${whole}(SELECT p.id, 1 AS rank FROM person p
                      WHERE ${where.join(' AND ')} AND ${search.condition} ORDER BY ${personSortKey} LIMIT ${limit})) u GROUP BY id) h
               JOIN person p ON p.id = h.id
              ORDER BY h.rank, ${personSortKey}
              LIMIT ${limit}`;
    }
    const rows: RawPersonRow[] = await this.dataSource.query(sql, params.values);
    return rows.map((row) => toPersonRow(row));
  }

  /**
   * Active people the ability may read who may be the person being entered
   * (decision 032): one of the same e-mails, or a close name (every word of it, typo
   * tolerant, as the search reads it) in the same city — in the same province when
   * no city is given. Same e-mail first, then the closest names.
   */
  async duplicatesOf(ability: AppAbility, input: PersonDuplicatesInput, first: number): Promise<PersonRow[]> {
    const params = new SqlParams();
    const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const scope = params.scope(ability, 'read', 'Person', personScopeColumns);
    const search = personSearch(params, `${input.firstName} ${input.lastName}`);
    const place = input.city
      ? `f_search_norm(coalesce(p.city, '')) = f_search_norm(${params.add(input.city)})`
      : input.provinceCode
        ? `p.province_code = ${params.add(input.provinceCode)}`
        : 'FALSE';
    const sameEmail = input.emails.length ? `p.emails && ${params.add(input.emails)}::text[]` : 'FALSE';
    const rows: RawPersonRow[] = await this.dataSource.query(
      `WITH named AS MATERIALIZED (SELECT p.id FROM person p WHERE ${search.condition}),
            emailed AS MATERIALIZED (SELECT p.id FROM person p WHERE ${sameEmail})
       SELECT ${personColumns}, ${affiliationsColumn(orgScope)} FROM person p
        WHERE p.archived_at IS NULL AND ${scope}
          AND (p.id IN (SELECT id FROM emailed) OR (p.id IN (SELECT id FROM named) AND ${place}))
        ORDER BY p.id IN (SELECT id FROM emailed) DESC, ${search.score} DESC, ${personSortKey}
        LIMIT ${params.add(first)}`,
      params.values,
    );
    return rows.map((row) => toPersonRow(row));
  }

  /**
   * The first `first` active people of each organization the caller may see, in
   * name order, with their affiliations: one statement for a whole page of
   * organizations (the DataLoader batches the ids).
   */
  async byOrganizations(ability: AppAbility, organizationIds: readonly string[], first: number): Promise<(PersonRow & { forOrganizationId: string })[]> {
    const params = new SqlParams();
    const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
    const scope = params.scope(ability, 'read', 'Person', personScopeColumns);
    const rows: (RawPersonRow & { forOrganizationId: string })[] = await this.dataSource.query(
      `WITH ranked AS (
         SELECT a0.organization_id, p.id AS person_id,
                row_number() OVER (PARTITION BY a0.organization_id ORDER BY ${personSortKey}) AS rank
           FROM affiliation a0 JOIN person p ON p.id = a0.person_id
          WHERE a0.organization_id = ANY(${params.add(organizationIds)}::uuid[]) AND p.archived_at IS NULL AND ${scope})
       SELECT ${personColumns}, ${affiliationsColumn(orgScope)}, r.organization_id AS "forOrganizationId"
         FROM ranked r JOIN person p ON p.id = r.person_id
        WHERE r.rank <= ${params.add(first)}
        ORDER BY r.organization_id, r.rank`,
      params.values,
    );
    return rows.map((row) => ({ ...toPersonRow(row), forOrganizationId: row.forOrganizationId }));
  }

  insert(manager: EntityManager, values: PersonValues & { createdById: string | null }): Promise<string> {
    return insertRecordRow(manager, 'person', personWritableColumns, values);
  }

  /**
   * Writes `values` if the row is still at `version` (with `bump`: next version, "now");
   * the person as `ability` reads them after the write, or null when they changed meanwhile.
   */
  async updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: PersonValues & LifecycleValues,
    options: { bump: boolean } = { bump: true },
  ): Promise<PersonRow | null> {
    return (await updateRecordRowVersioned(manager, 'person', personWritableColumns, target, values, options))
      ? this.findVisible(ability, target.id, manager)
      : null;
  }

  /**
   * The ladder's stages and reasons of many people in one statement, where they differ
   * (not a change of the people's own fields: no new version). Answers the people
   * changed with their stage before (`was`: the same table joined again reads the row
   * as the statement found it).
   */
  async setEngagementStages(
    manager: EntityManager,
    entries: readonly { personId: string; stage: string; reason: string }[],
  ): Promise<{ personId: string; before: string; stage: string }[]> {
    if (!entries.length) return [];
    const [rows]: [{ personId: string; before: string; stage: string }[], number] = await manager.query(
      `UPDATE person p SET engagement_stage = x.stage, engagement_reason = x.reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(id, stage, reason), person was
        WHERE p.id = x.id AND was.id = x.id
          AND (p.engagement_stage, coalesce(p.engagement_reason, '')) IS DISTINCT FROM (x.stage, x.reason)
        RETURNING p.id AS "personId", was.engagement_stage AS before, p.engagement_stage AS stage`,
      [entries.map((entry) => entry.personId), entries.map((entry) => entry.stage), entries.map((entry) => entry.reason)],
    );
    return rows;
  }

  /**
   * Replaces a person's affiliations among the organizations the caller may see;
   * ones with organizations out of the caller's sight stay as they are.
   */
  async replaceVisibleAffiliations(
    manager: EntityManager,
    ability: AppAbility,
    personId: string,
    affiliations: { organizationId: string; title: string | null }[],
  ): Promise<void> {
    const params = new SqlParams();
    const person = params.add(personId);
    const keep = params.add(affiliations.map((a) => a.organizationId));
    await manager.query(
      `DELETE FROM affiliation a USING organization o
        WHERE a.person_id = ${person} AND o.id = a.organization_id AND NOT (a.organization_id = ANY(${keep}::uuid[]))
          AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}`,
      params.values,
    );
    if (affiliations.length) {
      await manager.query(
        `INSERT INTO affiliation (person_id, organization_id, title)
         SELECT $1, x.organization_id, x.title FROM jsonb_to_recordset($2::jsonb) AS x(organization_id uuid, title text)
         ON CONFLICT (person_id, organization_id) DO UPDATE SET title = EXCLUDED.title`,
        [personId, JSON.stringify(affiliations.map((a) => ({ organization_id: a.organizationId, title: a.title })))],
      );
    }
  }

  /** Merging people: the duplicate's affiliations become the survivor's (the survivor's title wins). */
  async moveAffiliationsOfPerson(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `INSERT INTO affiliation (person_id, organization_id, title, created_at)
       SELECT $2, organization_id, title, created_at FROM affiliation WHERE person_id = $1
       ON CONFLICT (person_id, organization_id) DO UPDATE SET title = COALESCE(affiliation.title, EXCLUDED.title)`,
      [fromId, toId],
    );
    const [, moved]: [unknown[], number] = await manager.query(`DELETE FROM affiliation WHERE person_id = $1`, [fromId]);
    return moved;
  }

  /** Merging organizations: the duplicate's people become the survivor's (the survivor's title wins). */
  async moveAffiliationsOfOrganization(manager: EntityManager, fromId: string, toId: string): Promise<number> {
    await manager.query(
      `INSERT INTO affiliation (person_id, organization_id, title, created_at)
       SELECT person_id, $2, title, created_at FROM affiliation WHERE organization_id = $1
       ON CONFLICT (person_id, organization_id) DO UPDATE SET title = COALESCE(affiliation.title, EXCLUDED.title)`,
      [fromId, toId],
    );
    const [, moved]: [unknown[], number] = await manager.query(`DELETE FROM affiliation WHERE organization_id = $1`, [fromId]);
    return moved;
  }
}

/** People by name (`p.search_text`, first then last name) or exact e-mail: see `textSearch`. */
function personSearch(params: SqlParams, text: string): TextSearch {
  return textSearch(params, text, { kind: 'person', alias: 'p', emails: 'p.emails' });
}

/**
 * Rows `(id, k1, k2, score)` of the people meeting `where` (alias `p`, without the
 * search condition) who match `search` (one term: `search.words`), in list order, at
 * most `limit` per word and name index: people of one-word first and last names by
 * the first- or last-name index (list order: a page of index per word, however common
 * the name), people with compound names by the partial index of their words (few). A
 * person may come more than once.
 */
function byWord(search: TextSearch, where: string, limit: string): string {
  const words = search.words!;
  const byName = (column: 'first_name' | 'last_name') =>
    `(SELECT p.id, f_search_norm(p.last_name) AS k1, f_search_norm(p.first_name) AS k2, w.score FROM person p
       WHERE f_search_norm(p.${column}) = w.word AND ${words.others} AND ${where}
       ORDER BY ${personSortKey} LIMIT ${limit})`;
  return `SELECT s.id, s.k1, s.k2, s.score FROM (${words.lookup}) w CROSS JOIN LATERAL (${byName('last_name')} UNION ALL ${byName('first_name')}) s
          UNION ALL
          (WITH compound AS MATERIALIZED (SELECT p.id FROM person p WHERE NOT f_search_simple_name(p.first_name, p.last_name) AND ${search.condition})
           SELECT p.id, f_search_norm(p.last_name), f_search_norm(p.first_name), ${search.score} FROM person p
            WHERE p.id IN (SELECT id FROM compound) AND ${where}
            ORDER BY ${personSortKey} LIMIT ${limit})`;
}

const organizationDateFields = ['createdAt', 'updatedAt', 'archivedAt'] as const;

// JSON brings dates back as text; the API's rows carry Dates. A shaped read
// (AffiliationShape) may leave organization fields out: they stay out.
// The row is the statement's own (nobody else holds it): made a PersonRow in place.
function toPersonRow(row: RawPersonRow, dateFields: readonly (typeof organizationDateFields)[number][] = organizationDateFields): PersonRow {
  for (const affiliation of row.affiliations) {
    const organization = affiliation.organization;
    for (const field of dateFields) {
      if (typeof organization[field] === 'string') organization[field] = new Date(organization[field] as string);
    }
  }
  return row as unknown as PersonRow;
}

/**
 * The people list as its CSV export reads it: the list's own WHERE (`personListWhere`,
 * with the caller's `export` scope) and ORDER BY; affiliations to organizations the caller may read.
 */
export function personExportQuery(ability: AppAbility, filter: PersonFilter, lang: TransferLang): ExportQuery {
  const params = new SqlParams();
  const orgScope = params.scope(ability, 'read', 'Organization', organizationScopeColumns);
  const { where, with: cte } = personListWhere(params, ability, 'export', filter);
  const name = lang === 'fr' ? 'o.name_fr' : 'o.name_en';
  return {
    sql: `${cte}SELECT p.id, p.first_name, p.last_name, p.preferred_language, p.emails, p.phones, p.leader_category, p.province_code, p.city,
                 p.owner_id, p.created_by_id, ow.email AS owner_email, p.engagement_stage, p.consent_email, p.consent_phone,
                 p.do_not_contact, p.lived_experience, p.tags, p.notes, p.created_at, p.updated_at,
                 (SELECT string_agg(${name} || coalesce(' (' || a.title || ')', ''), '; ' ORDER BY f_search_norm(${name}), o.id)
                    FROM affiliation a JOIN organization o ON o.id = a.organization_id
                   WHERE a.person_id = p.id AND ${orgScope}) AS organizations
            FROM person p LEFT JOIN app_user ow ON ow.id = p.owner_id
           WHERE ${where.join(' AND ')}
           ORDER BY ${personListOrder(filter.sort)}`,
    params: params.values,
  };
}

/** The ORDER BY of a people list (alias `p`): the list and its CSV export share it. */
export function personListOrder(sort: RecordSort | undefined): string {
  return sort === 'UPDATED' ? 'p.updated_at DESC, p.id DESC' : personSortKey;
}

/**
 * The WHERE conditions (alias `p`) of a people list for `action`: the ability's
 * scope, then the filter. The list and the CSV export both use it, so an export
 * holds exactly the rows of the list the user filtered. `with` is a CTE to put
 * before the SELECT: a search of several terms (or an e-mail) collects its few
 * matches first. `search` is the search, for a list that reads one term's matches
 * word by word (`search.words`): its condition is in `where` either way.
 */
export function personListWhere(
  params: SqlParams,
  ability: AppAbility,
  action: Action,
  filter: PersonFilter,
): { where: string[]; with: string; search: TextSearch | null } {
  const where = [params.scope(ability, action, 'Person', personScopeColumns)];
  where.push(filter.archived ? 'p.archived_at IS NOT NULL' : 'p.archived_at IS NULL');
  if (filter.provinceCodes?.length) where.push(`p.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.regionId) where.push(`p.province_code IN (SELECT rp.province_code FROM region_province rp WHERE rp.region_id = ${params.add(filter.regionId)})`);
  if (filter.organizationId) {
    // Only through an organization the caller may see, as the affiliations they are shown.
    where.push(
      `EXISTS (SELECT 1 FROM affiliation af JOIN organization o ON o.id = af.organization_id
                WHERE af.person_id = p.id AND af.organization_id = ${params.add(filter.organizationId)}
                   AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)})`,
    );
  }
  if (filter.tags?.length) where.push(`p.tags @> ${params.add(filter.tags)}::text[]`);
  if (filter.ownerId) where.push(`p.owner_id = ${params.add(filter.ownerId)}`);
  if (filter.engagementStages?.length) where.push(`p.engagement_stage = ANY(${params.add(filter.engagementStages)}::text[])`);
  if (filter.leaderCategories?.length) where.push(`p.leader_category = ANY(${params.add(filter.leaderCategories)}::text[])`);
  if (filter.updatedSince) where.push(`p.updated_at >= ${params.add(filter.updatedSince)}`);
  if (filter.ids) where.push(`p.id = ANY(${params.add(filter.ids)}::uuid[])`);
  let cte = '';
  let search: TextSearch | null = null;
  if (filter.search) {
    search = personSearch(params, filter.search);
    if (!search.words && search.ranked) {
      // Several terms: the word index intersects them into few matches, collected
      // first (walking the list in order would test most of the table).
      cte = `WITH hits AS MATERIALIZED (SELECT p.id FROM person p WHERE ${search.condition}) `;
      where.push('p.id IN (SELECT id FROM hits)');
    } else where.push(search.condition);
  }
  return { where, with: cte, search };
}
