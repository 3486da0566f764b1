import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../database/data-source';
import { APP_ROLE, derivedRolePasswords, OWNER_ROLE, setUpDatabaseRoles, urlForRole } from '../database/roles';

export interface TestDatabase {
  /** As the application role (crm_app), what the API and the worker get: every test exercises the real grants. */
  url: string;
  /** As the owner (crm_owner), for what only migrations and the seed may do: extra tables, tampering checks. */
  ownerUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the server of `baseUrl` (DATABASE_URL by default, a superuser:
 * `npm test` and CI give one), owned by crm_owner and migrated as crm_owner, so each
 * test run starts clean, runs never see each other's rows, and the API under test
 * holds exactly the privileges it has in production (decision 067).
 */
export async function createTestDatabase(baseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!baseUrl) throw new Error('DATABASE_URL must be a superuser URL of a PostgreSQL server for integration tests (npm test sets it)');
  const name = `crm_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const adminUrl = new URL(baseUrl);
  adminUrl.pathname = `/${name}`;
  const passwords = derivedRolePasswords(baseUrl);
  await setUpDatabaseRoles(adminUrl.toString(), passwords);
  const ownerUrl = urlForRole(adminUrl.toString(), OWNER_ROLE, passwords.owner);
  await runMigrations(ownerUrl);
  return {
    url: urlForRole(adminUrl.toString(), APP_ROLE, passwords.app),
    ownerUrl,
    async drop() {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
