import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

// The database roles (decision 067): crm_owner owns the schema and runs migrations,
// the seed and create-admin; crm_app is what the API and the worker connect as.

export const OWNER_ROLE = 'crm_owner';
export const APP_ROLE = 'crm_app';
/** Tables the application may read and append to, never change. */
export const APPEND_ONLY_TABLES: readonly string[] = ['audit_entry', 'toolkit_movement'];
/** TypeORM's record of applied migrations: the owner's alone. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface RolePasswords {
  owner: string;
  app: string;
}

/** The same server and database as `url`, as another user. */
export function urlForRole(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/**
 * Development passwords for the roles, derived from the superuser URL's password:
 * the same in every process and run (a running API keeps working when another
 * launcher or test suite sets the roles up again) and exactly as secret as the
 * superuser URL they come from. tools/dev/services.cjs derives them the same way.
 */
export function derivedRolePassword(adminUrl: string, role: string): string {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  return createHmac('sha256', `coalition-crm-roles:${secret}`).update(role).digest('base64url');
}

export function derivedRolePasswords(adminUrl: string): RolePasswords {
  return { owner: derivedRolePassword(adminUrl, OWNER_ROLE), app: derivedRolePassword(adminUrl, APP_ROLE) };
}

const rolesSql = () => readFileSync(path.join(__dirname, 'roles.sql'), 'utf8');

/**
 * Creates the roles (or brings them up to date) and hands them the database of
 * `adminUrl`, connected as that URL's superuser (roles.sql). Two sessions changing
 * the same role at the same moment make one fail ("tuple concurrently updated"):
 * that one tries again.
 */
export async function setUpDatabaseRoles(adminUrl: string, passwords: RolePasswords): Promise<void> {
  const sql = rolesSql();
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`SELECT set_config('crm.owner_password', $1, false), set_config('crm.app_password', $2, false)`, [passwords.owner, passwords.app]);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || !['XX000', '40001', '40P01', '23505'].includes(code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface GrantReport {
  /** What breaks the application or the audit log's protection: migrate stops on these. */
  errors: string[];
  /** Hardening a superuser set-up (roles.sql) adds; missing on hand-made roles. */
  warnings: string[];
}

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;

/** What crm_app should hold on a table: DML everywhere, append-only on the audit log, nothing on the migrations table. */
export function expectedTablePrivileges(table: string): string[] {
  if (table === MIGRATIONS_TABLE) return [];
  if (APPEND_ONLY_TABLES.includes(table)) return ['SELECT', 'INSERT'];
  return ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
}

/**
 * Compares what crm_app may do in the database behind `query` with what it should:
 * run after every migration (a table a migration created without the grant fails
 * migrate, not the first request that needs it) and by the integration tests.
 */
export async function checkApplicationGrants(query: Query): Promise<GrantReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const [role] = await query(
    `SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls AS powerful,
            pg_has_role(oid, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS "inOwner",
            has_database_privilege(oid, current_database(), 'TEMPORARY') AS temp,
            has_schema_privilege(oid, 'public', 'CREATE') AS "createInPublic"
       FROM pg_roles WHERE rolname = '${APP_ROLE}'`,
  );
  if (!role) return { errors: [`role ${APP_ROLE} does not exist`], warnings };
  if (role.powerful) errors.push(`${APP_ROLE} may create roles or databases, replicate or bypass row security: it must not`);
  if (role.inOwner) errors.push(`${APP_ROLE} is (a member of) the database owner: it must own nothing`);
  if (role.createInPublic) errors.push(`${APP_ROLE} may create objects in schema public`);
  if (role.temp) warnings.push(`${APP_ROLE} may create temporary tables (REVOKE TEMPORARY ON DATABASE … FROM PUBLIC, as roles.sql does)`);

  const owned = await query(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relowner = '${APP_ROLE}'::regrole
     UNION ALL SELECT p.proname FROM pg_proc p WHERE p.proowner = '${APP_ROLE}'::regrole
     UNION ALL SELECT n.nspname FROM pg_namespace n WHERE n.nspowner = '${APP_ROLE}'::regrole`,
  );
  if (owned.length) errors.push(`${APP_ROLE} owns ${owned.map((row) => row.name).join(', ')}: it must own nothing`);

  const privilegeColumns = TABLE_PRIVILEGES.map((p) => `has_table_privilege('${APP_ROLE}', c.oid, '${p}') AS "${p}"`).join(', ');
  const tables = await query(
    `SELECT c.relname AS name, ${privilegeColumns}
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1`,
  );
  for (const table of tables) {
    const name = String(table.name);
    const expected = expectedTablePrivileges(name);
    const missing = TABLE_PRIVILEGES.filter((p) => expected.includes(p) && !table[p]);
    const extra = TABLE_PRIVILEGES.filter((p) => !expected.includes(p) && table[p]);
    if (missing.length) errors.push(`${APP_ROLE} lacks ${missing.join(', ')} on ${name}`);
    if (extra.length) errors.push(`${APP_ROLE} may ${extra.join(', ')} on ${name}, which it must not`);
  }
  // Identity columns need no privilege on their sequence; serial and free sequences do.
  const sequences = await query(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
        AND NOT CASE WHEN c.relkind = 'S' THEN has_sequence_privilege('${APP_ROLE}', c.oid, 'USAGE') END`, // CASE: only ever asked of a sequence
  );
  for (const sequence of sequences) errors.push(`${APP_ROLE} lacks USAGE on sequence ${sequence.name}`);
  return { errors, warnings };
}
