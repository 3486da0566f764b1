import { randomUUID } from 'node:crypto';
import { ApiHarness, type DemoRole, type GraphqlResult } from './api-harness';

// Helpers for the records integration tests: users by role, organizations and
// people through the API (as a given role) or in bulk through SQL.

export const personFields = `id firstName lastName emails phones provinceCode city ownerId createdById engagementStage leaderCategory
  livedExperience tags notes consentEmail consentPhone doNotContact archivedAt mergedIntoId version
  affiliations { title organization { id nameEn } }`;
export const organizationFields = `id nameEn nameFr kind membership membershipSince provinceCode city postalCode email phone website tags notes
  ownerId createdById archivedAt mergedIntoId version`;

export async function userId(api: ApiHarness, role: DemoRole): Promise<string> {
  const email = ApiHarness.emailFor(role);
  const [row]: { id: string }[] = await api.dataSource.query(`SELECT id FROM app_user WHERE lower(email) = lower($1)`, [email]);
  return row.id;
}

/** The data of a call that must succeed (throws with the errors otherwise). */
export function ok<T = Record<string, unknown>>(result: GraphqlResult): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export function errorCode(result: GraphqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

export interface CreatedOrganization {
  id: string;
  version: number;
  [key: string]: unknown;
}

export async function createOrganization(api: ApiHarness, input: Record<string, unknown>, role: DemoRole = 'STAFF'): Promise<CreatedOrganization> {
  const result = await api.graphql(
    `mutation($input: CreateOrganizationInputType!) { createOrganization(input: $input) { ${organizationFields} } }`,
    { input: { kind: 'settlement_agency', ...input } },
    await api.tokenFor(role),
  );
  return ok<{ createOrganization: CreatedOrganization }>(result).createOrganization;
}

export interface CreatedPerson {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  livedExperience: boolean | null;
  affiliations: { title: string | null; organization: { id: string; nameEn: string } }[];
  [key: string]: unknown;
}

export async function createPerson(api: ApiHarness, input: Record<string, unknown>, role: DemoRole = 'STAFF'): Promise<CreatedPerson> {
  const result = await api.graphql(
    `mutation($input: CreatePersonInputType!) { createPerson(input: $input) { ${personFields} } }`,
    { input },
    await api.tokenFor(role),
  );
  return ok<{ createPerson: CreatedPerson }>(result).createPerson;
}

export interface BulkPerson {
  firstName: string;
  lastName: string;
  provinceCode: string;
  ownerId?: string | null;
  createdById?: string | null;
  engagementStage?: string;
  leaderCategory?: string | null;
  tags?: string[];
  organizationId?: string;
}

/** Many people at once, straight into the table (lists and pagination tests). Returns their ids in input order. */
export async function insertPeople(api: ApiHarness, people: BulkPerson[]): Promise<string[]> {
  const ids = people.map(() => randomUUID());
  await api.dataSource.query(
    `INSERT INTO person (id, first_name, last_name, province_code, owner_id, created_by_id, engagement_stage, leader_category, tags)
     SELECT x.id, x.first_name, x.last_name, x.province_code, x.owner_id, x.created_by_id, COALESCE(x.engagement_stage, 'identified'), x.leader_category,
            COALESCE(x.tags, '{}')
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, first_name text, last_name text, province_code text, owner_id uuid, created_by_id uuid,
                                               engagement_stage text, leader_category text, tags text[])`,
    [
      JSON.stringify(
        people.map((p, index) => ({
          id: ids[index],
          first_name: p.firstName,
          last_name: p.lastName,
          province_code: p.provinceCode,
          owner_id: p.ownerId ?? null,
          created_by_id: p.createdById ?? null,
          engagement_stage: p.engagementStage ?? null,
          leader_category: p.leaderCategory ?? null,
          tags: p.tags ?? [],
        })),
      ),
    ],
  );
  const affiliations = people.flatMap((p, index) => (p.organizationId ? [{ person_id: ids[index], organization_id: p.organizationId }] : []));
  if (affiliations.length) {
    await api.dataSource.query(
      `INSERT INTO affiliation (person_id, organization_id, title) SELECT x.person_id, x.organization_id, 'Member'
         FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, organization_id uuid)`,
      [JSON.stringify(affiliations)],
    );
  }
  return ids;
}

/** A row straight from the database, to prove a refused change changed nothing. */
export async function personRow(api: ApiHarness, id: string): Promise<Record<string, unknown>> {
  const [row] = await api.dataSource.query(`SELECT * FROM person WHERE id = $1`, [id]);
  return row;
}

export async function organizationRow(api: ApiHarness, id: string): Promise<Record<string, unknown>> {
  const [row] = await api.dataSource.query(`SELECT * FROM organization WHERE id = $1`, [id]);
  return row;
}

export async function countRows(api: ApiHarness, table: 'person' | 'organization' | 'audit_entry' | 'activity' | 'affiliation'): Promise<number> {
  const [{ count }]: { count: string }[] = await api.dataSource.query(`SELECT count(*) FROM ${table}`);
  return Number(count);
}
