import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { organizationScopeColumns, SqlParams } from '@crm/organizations';
import type { EntityManager } from 'typeorm';
import { personScopeColumns } from '../export/list-filter.adapter';

// ADAPTER — set-based reads and writes on the people and organizations tables
// (libs/api/people, libs/api/organizations own them). Their services write one
// record per transaction with several statements each; an import of 100,000
// rows needs a statement per chunk of 1,000. Columns and rules mirror
// PersonRepository / OrganizationRepository; to be replaced by bulk methods in
// those libraries (asked for in the hand-over).

/** Everything an import may set on a person, plus what scope checks read. */
export interface PersonState {
  id: string;
  firstName: string;
  lastName: string;
  preferredLanguage: 'en' | 'fr';
  emails: string[];
  phones: string[];
  leaderCategory: string | null;
  provinceCode: string;
  city: string | null;
  ownerId: string | null;
  createdById: string | null;
  consentEmail: boolean;
  consentPhone: boolean;
  doNotContact: boolean;
  livedExperience: boolean;
  tags: string[];
  notes: string | null;
  version: number;
}

export interface OrganizationState {
  id: string;
  nameEn: string;
  nameFr: string;
  kind: string;
  membership: string;
  membershipSince: string | null;
  provinceCode: string;
  city: string | null;
  postalCode: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  ownerId: string | null;
  createdById: string | null;
  version: number;
}

const personStateColumns = `p.id, p.first_name AS "firstName", p.last_name AS "lastName", p.preferred_language AS "preferredLanguage",
  p.emails, p.phones, p.leader_category AS "leaderCategory", p.province_code AS "provinceCode", p.city, p.owner_id AS "ownerId",
  p.created_by_id AS "createdById", p.consent_email AS "consentEmail", p.consent_phone AS "consentPhone",
  p.do_not_contact AS "doNotContact", p.lived_experience AS "livedExperience", p.tags, p.notes, p.version`;

const organizationStateColumns = `o.id, o.name_en AS "nameEn", o.name_fr AS "nameFr", o.kind, o.membership,
  to_char(o.membership_since, 'YYYY-MM-DD') AS "membershipSince", o.province_code AS "provinceCode", o.city,
  o.postal_code AS "postalCode", o.email, o.phone, o.website, o.tags, o.notes, o.owner_id AS "ownerId",
  o.created_by_id AS "createdById", o.version`;

// Record fields → columns, and the SQL type jsonb_to_recordset reads each as.
const personWrite: [keyof PersonState, string, string][] = [
  ['id', 'id', 'uuid'],
  ['firstName', 'first_name', 'text'],
  ['lastName', 'last_name', 'text'],
  ['preferredLanguage', 'preferred_language', 'text'],
  ['emails', 'emails', 'text[]'],
  ['phones', 'phones', 'text[]'],
  ['leaderCategory', 'leader_category', 'text'],
  ['provinceCode', 'province_code', 'text'],
  ['city', 'city', 'text'],
  ['ownerId', 'owner_id', 'uuid'],
  ['consentEmail', 'consent_email', 'boolean'],
  ['consentPhone', 'consent_phone', 'boolean'],
  ['doNotContact', 'do_not_contact', 'boolean'],
  ['livedExperience', 'lived_experience', 'boolean'],
  ['tags', 'tags', 'text[]'],
  ['notes', 'notes', 'text'],
];

const organizationWrite: [keyof OrganizationState, string, string][] = [
  ['id', 'id', 'uuid'],
  ['nameEn', 'name_en', 'text'],
  ['nameFr', 'name_fr', 'text'],
  ['kind', 'kind', 'text'],
  ['membership', 'membership', 'text'],
  ['membershipSince', 'membership_since', 'date'],
  ['provinceCode', 'province_code', 'text'],
  ['city', 'city', 'text'],
  ['postalCode', 'postal_code', 'text'],
  ['email', 'email', 'text'],
  ['phone', 'phone', 'text'],
  ['website', 'website', 'text'],
  ['tags', 'tags', 'text[]'],
  ['notes', 'notes', 'text'],
  ['ownerId', 'owner_id', 'uuid'],
];

function recordset<S extends object>(columns: [keyof S, string, string][], states: S[], extra: [string, string, (s: S) => unknown][] = []) {
  const rows = states.map((state) => {
    const row: Record<string, unknown> = {};
    for (const [field, column] of columns) row[column] = state[field];
    for (const [column, , value] of extra) row[column] = value(state);
    return row;
  });
  const definition = [...columns.map(([, column, type]) => `${column} ${type}`), ...extra.map(([column, type]) => `${column} ${type}`)].join(', ');
  return { json: JSON.stringify(rows), definition };
}

@Injectable()
export class ImportRecordsRepository {
  async provinces(manager: EntityManager): Promise<{ code: string; nameEn: string; nameFr: string }[]> {
    return manager.query(`SELECT code, name_en AS "nameEn", name_fr AS "nameFr" FROM province ORDER BY sort_order`);
  }

  async tags(manager: EntityManager): Promise<{ slug: string; labelEn: string; labelFr: string }[]> {
    return manager.query(`SELECT slug, label_en AS "labelEn", label_fr AS "labelFr" FROM tag`);
  }

  /** Owners by e-mail: active ADMIN, STAFF or COORDINATOR accounts (as RecordRules.assertOwner). */
  /** Active organizations the ability may read, by name (English or French, compared unaccented, any case): name as given → ids. */
  async organizationsByName(manager: EntityManager, ability: AppAbility, names: string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>(names.map((name) => [name, []]));
    if (names.length === 0) return found;
    const params = new SqlParams();
    const list = params.add(names);
    const rows: { name: string; id: string }[] = await manager.query(
      `SELECT x.name, o.id
         FROM unnest(${list}::text[]) AS x(name)
         JOIN organization o ON (f_search_norm(o.name_en) = f_search_norm(x.name) OR f_search_norm(o.name_fr) = f_search_norm(x.name))
        WHERE o.archived_at IS NULL AND ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}
        ORDER BY o.created_at, o.id`,
      params.values,
    );
    for (const row of rows) found.get(row.name)?.push(row.id);
    return found;
  }

  /** Active people the ability may read who have any of `emails`; locked for update when applying. */
  async peopleByEmail(manager: EntityManager, ability: AppAbility, emails: string[], lock: boolean): Promise<PersonState[]> {
    if (emails.length === 0) return [];
    const params = new SqlParams();
    const list = params.add(emails);
    // The e-mail match first, on its own (GIN), then the other conditions on those few rows:
    // otherwise the planner may walk an archived_at index and test every person's e-mails.
    return manager.query(
      `WITH matched AS MATERIALIZED (SELECT p.id FROM person p WHERE p.emails && ${list}::text[])
       SELECT ${personStateColumns} FROM person p
        WHERE p.id IN (SELECT id FROM matched) AND p.archived_at IS NULL AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY p.id ${lock ? 'FOR UPDATE' : ''}`,
      params.values,
    );
  }

  /**
   * For each (name, city), its duplicate key (normalised as search normalises) and
   * the active organizations the ability may read with that name (English or
   * French) in that city; locked for update when applying.
   */
  async organizationsByNameAndCity(
    manager: EntityManager,
    ability: AppAbility,
    candidates: { name: string; city: string | null }[],
    lock: boolean,
  ): Promise<{ keys: string[]; matches: OrganizationState[][] }> {
    if (candidates.length === 0) return { keys: [], matches: [] };
    const keyRows: { key: string }[] = await manager.query(
      `SELECT f_search_norm(x.name) || '|' || f_search_norm(coalesce(x.city, '')) AS key
         FROM jsonb_to_recordset($1::jsonb) AS x(i integer, name text, city text) ORDER BY x.i`,
      [JSON.stringify(candidates.map((c, i) => ({ i, name: c.name, city: c.city })))],
    );
    const keys = keyRows.map((row) => row.key);
    const params = new SqlParams();
    const list = params.add([...new Set(keys)]);
    const rows: (OrganizationState & { key: string })[] = await manager.query(
      `SELECT ${organizationStateColumns}, k.key
         FROM unnest(${list}::text[]) AS k(key)
         JOIN organization o ON o.archived_at IS NULL
          AND (f_search_norm(o.name_en) = split_part(k.key, '|', 1) OR f_search_norm(o.name_fr) = split_part(k.key, '|', 1))
          AND f_search_norm(coalesce(o.city, '')) = split_part(k.key, '|', 2)
        WHERE ${params.scope(ability, 'read', 'Organization', organizationScopeColumns)}
        ORDER BY o.id ${lock ? 'FOR UPDATE OF o' : ''}`,
      params.values,
    );
    const byKey = new Map<string, OrganizationState[]>();
    for (const { key, ...state } of rows) byKey.set(key, [...(byKey.get(key) ?? []), state]);
    return { keys, matches: keys.map((key) => byKey.get(key) ?? []) };
  }

  async insertPeople(manager: EntityManager, people: PersonState[]): Promise<void> {
    if (people.length === 0) return;
    const set = recordset(personWrite, people, [['created_by_id', 'uuid', (p) => p.createdById]]);
    const columns = [...personWrite.map(([, column]) => column), 'created_by_id'];
    await manager.query(`INSERT INTO person (${columns.join(', ')}) SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})`, [set.json]);
  }

  /** Writes the whole state of each person still at its version; returns how many were written. */
  async updatePeople(manager: EntityManager, people: PersonState[]): Promise<number> {
    if (people.length === 0) return 0;
    const set = recordset(personWrite, people, [['version', 'integer', (p) => p.version]]);
    const assignments = personWrite.filter(([field]) => field !== 'id').map(([, column]) => `${column} = x.${column}`);
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE person p SET ${assignments.join(', ')}, version = p.version + 1, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})
        WHERE p.id = x.id AND p.version = x.version`,
      [set.json],
    );
    return updated;
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

  async existingAffiliations(manager: EntityManager, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: { key: string }[] = await manager.query(`SELECT person_id || '|' || organization_id AS key FROM affiliation WHERE person_id = ANY($1::uuid[])`, [personIds]);
    return new Set(rows.map((row) => row.key));
  }

  async insertOrganizations(manager: EntityManager, organizations: OrganizationState[]): Promise<void> {
    if (organizations.length === 0) return;
    const set = recordset(organizationWrite, organizations, [['created_by_id', 'uuid', (o) => o.createdById]]);
    const columns = [...organizationWrite.map(([, column]) => column), 'created_by_id'];
    await manager.query(`INSERT INTO organization (${columns.join(', ')}) SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})`, [set.json]);
  }

  async updateOrganizations(manager: EntityManager, organizations: OrganizationState[]): Promise<number> {
    if (organizations.length === 0) return 0;
    const set = recordset(organizationWrite, organizations, [['version', 'integer', (o) => o.version]]);
    const assignments = organizationWrite.filter(([field]) => field !== 'id').map(([, column]) => `${column} = x.${column}`);
    const [, updated]: [unknown[], number] = await manager.query(
      `UPDATE organization o SET ${assignments.join(', ')}, version = o.version + 1, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(${set.definition})
        WHERE o.id = x.id AND o.version = x.version`,
      [set.json],
    );
    return updated;
  }
}
