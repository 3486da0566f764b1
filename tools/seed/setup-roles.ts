import { APP_ROLE, AppConfigSchema, OWNER_ROLE, redactUrl, setUpDatabaseRoles } from '@crm/platform';
import { Client } from 'pg';

// Makes the two database roles and hands them the application database (decision
// 067), as a superuser: the containers' one-shot `db-roles` step, or once by hand
// on a new server. Idempotent; run it again after changing a password.
//   DATABASE_ADMIN_URL=postgres://postgres:…@db:5432/postgres \
//   DATABASE_MIGRATION_URL=postgres://crm_owner:…@db:5432/coalition_crm \
//   DATABASE_URL=postgres://crm_app:…@db:5432/coalition_crm  node dist/tools/seed/setup-roles.js
// Role names and passwords are read from the two URLs the processes will use, so
// they cannot disagree; the database (created if missing) is DATABASE_URL's.

function roleOf(name: string, expectedRole: string, value: string | undefined): { password: string; database: string } {
  if (!value) throw new Error(`${name} is not set`);
  const checked = AppConfigSchema.shape.DATABASE_URL.safeParse(value);
  if (!checked.success) throw new Error(`${name}: ${checked.error.issues[0]?.message ?? 'is not valid'}`);
  const url = new URL(value);
  const user = decodeURIComponent(url.username);
  if (user !== expectedRole) throw new Error(`${name} must connect as ${expectedRole}, not ${user || '(no user)'}`);
  if (!url.password) throw new Error(`${name} has no password for ${expectedRole}`);
  return { password: decodeURIComponent(url.password), database: decodeURIComponent(url.pathname.slice(1)) };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      console.log(`setup-roles: created database ${database}`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const admin = process.env.DATABASE_ADMIN_URL;
  if (!admin) throw new Error('DATABASE_ADMIN_URL (a superuser) is not set');
  const owner = roleOf('DATABASE_MIGRATION_URL', OWNER_ROLE, process.env.DATABASE_MIGRATION_URL);
  const app = roleOf('DATABASE_URL', APP_ROLE, process.env.DATABASE_URL);
  if (owner.database !== app.database) throw new Error(`DATABASE_MIGRATION_URL and DATABASE_URL name different databases (${owner.database}, ${app.database})`);
  await ensureDatabase(admin, app.database);
  const target = new URL(admin);
  target.pathname = `/${encodeURIComponent(app.database)}`;
  await setUpDatabaseRoles(target.toString(), { owner: owner.password, app: app.password });
  console.log(`setup-roles: ${OWNER_ROLE} owns ${app.database}, ${APP_ROLE} may connect (on ${redactUrl(target.toString())})`);
}

main().catch((error: unknown) => {
  console.error(`setup-roles failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
