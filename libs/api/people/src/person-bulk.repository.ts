import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { SqlParams } from '@crm/platform';
import { insertMany, updateManyVersioned, type BulkTable } from '@crm/records';
import type { EntityManager } from 'typeorm';
import { personScopeColumns, personWritableColumns, type PersonRow } from './person.row';

/** Everything a bulk write (a CSV import) may set on a person, plus what scope checks read. */
export type PersonState = Pick<
  PersonRow,
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'preferredLanguage'
  | 'emails'
  | 'phones'
  | 'leaderCategory'
  | 'provinceCode'
  | 'city'
  | 'ownerId'
  | 'createdById'
  | 'consentEmail'
  | 'consentPhone'
  | 'doNotContact'
  | 'livedExperience'
  | 'tags'
  | 'notes'
  | 'version'
>;

const stateColumns = `p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.preferred_language AS "preferredLanguage",
  p.emails, p.phones, p.leader_category AS "leaderCategory", p.province_code AS "provinceCode", p.city, p.owner_id AS "ownerId",
  p.created_by_id AS "createdById", p.consent_email AS "consentEmail", p.consent_phone AS "consentPhone",
  p.do_not_contact AS "doNotContact", p.lived_experience AS "livedExperience", p.tags, p.notes, p.version`;

// The writable columns (person.row.ts) a bulk write sets, as jsonb_to_recordset reads them.
const columnTypes = {
  firstName: 'text',
  lastName: 'text',
  preferredLanguage: 'text',
  emails: 'text[]',
  phones: 'text[]',
  leaderCategory: 'text',
  provinceCode: 'text',
  city: 'text',
  ownerId: 'uuid',
  consentEmail: 'boolean',
  consentPhone: 'boolean',
  doNotContact: 'boolean',
  livedExperience: 'boolean',
  tags: 'text[]',
  notes: 'text',
} as const satisfies Partial<Record<keyof typeof personWritableColumns & keyof PersonState, string>>;
const table: BulkTable<PersonState> = {
  table: 'person',
  writable: (Object.keys(columnTypes) as (keyof typeof columnTypes)[]).map((field) => [field, personWritableColumns[field], columnTypes[field]] as const),
};

/**
 * Set-based reads and writes of people: a statement per chunk of records rather
 * than per record (a CSV import of thousands). Scope rules as PersonRepository:
 * the caller's ability, in SQL.
 */
@Injectable()
export class PersonBulkRepository {
  /** Active people the ability may read who have any of `emails`; locked for update when applying. */
  async byEmails(manager: EntityManager, ability: AppAbility, emails: string[], lock: boolean): Promise<PersonState[]> {
    if (emails.length === 0) return [];
    const params = new SqlParams();
    const list = params.add(emails);
    // The e-mail match first, on its own (GIN), then the other conditions on those few rows:
    // otherwise the planner may walk an archived_at index and test every person's e-mails.
    return manager.query(
      `WITH matched AS MATERIALIZED (SELECT p.id FROM person p WHERE p.emails && ${list}::text[])
       SELECT ${stateColumns} FROM person p
        WHERE p.id IN (SELECT id FROM matched) AND p.archived_at IS NULL AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY p.id ${lock ? 'FOR UPDATE' : ''}`,
      params.values,
    );
  }

  /**
   * For each (first name, last name, city), the active people the ability may read
   * with that name in that city (compared as search compares: no case, no accents).
   */
  async byNameAndCity(
    manager: EntityManager,
    ability: AppAbility,
    candidates: { firstName: string; lastName: string; city: string }[],
  ): Promise<{ id: string; provinceCode: string }[][]> {
    if (candidates.length === 0) return [];
    const params = new SqlParams();
    const list = params.add(JSON.stringify(candidates.map((c, i) => ({ i, f: c.firstName, l: c.lastName, c: c.city }))));
    const rows: { i: number; id: string; provinceCode: string }[] = await manager.query(
      `SELECT x.i, p.id, p.province_code AS "provinceCode"
         FROM jsonb_to_recordset(${list}::jsonb) AS x(i integer, f text, l text, c text)
         JOIN person p ON f_search_norm(p.first_name) = f_search_norm(x.f) AND f_search_norm(p.last_name) = f_search_norm(x.l)
          AND f_search_norm(coalesce(p.city, '')) = f_search_norm(x.c)
        WHERE p.archived_at IS NULL AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY x.i, p.id`,
      params.values,
    );
    const found: { id: string; provinceCode: string }[][] = candidates.map(() => []);
    for (const row of rows) found[row.i].push({ id: row.id, provinceCode: row.provinceCode });
    return found;
  }

  /** Each person's organizations (whose timelines tell of what the person does). */
  async organizationIdsOf(manager: EntityManager, personIds: string[]): Promise<Map<string, string[]>> {
    const byPerson = new Map<string, string[]>(personIds.map((id) => [id, []]));
    for (const key of await this.existingAffiliations(manager, personIds)) {
      const [personId, organizationId] = key.split('|');
      byPerson.get(personId)?.push(organizationId);
    }
    return byPerson;
  }

  insertMany(manager: EntityManager, people: PersonState[]): Promise<void> {
    return insertMany(manager, table, people);
  }

  /** Writes the whole state of each person still at its version; returns how many were written. */
  updateManyVersioned(manager: EntityManager, people: PersonState[]): Promise<number> {
    return updateManyVersioned(manager, table, people);
  }

  /** Affiliations to add (or retitle when a title is given). */
  async upsertAffiliations(manager: EntityManager, affiliations: { personId: string; organizationId: string; title: string | null }[]): Promise<void> {
    if (affiliations.length === 0) return;
    await manager.query(
      `INSERT INTO affiliation (person_id, organization_id, title)
       SELECT x.person_id, x.organization_id, x.title FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, organization_id uuid, title text)
       ON CONFLICT (person_id, organization_id) DO UPDATE SET title = COALESCE(EXCLUDED.title, affiliation.title)`,
      [JSON.stringify(affiliations.map((a) => ({ person_id: a.personId, organization_id: a.organizationId, title: a.title })))],
    );
  }

  /** "personId|organizationId" of the affiliations these people have. */
  async existingAffiliations(manager: EntityManager, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: { key: string }[] = await manager.query(
      `SELECT person_id || '|' || organization_id AS key FROM affiliation WHERE person_id = ANY($1::uuid[])`,
      [personIds],
    );
    return new Set(rows.map((row) => row.key));
  }
}
