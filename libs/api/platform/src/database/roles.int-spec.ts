import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { runMigrations } from './data-source';
import { APP_ROLE, checkApplicationGrants, derivedRolePasswords, OWNER_ROLE, setUpDatabaseRoles } from './roles';

// What the application role (the API and the worker) may and may not do (decision 067).
// The rest of the integration suite runs the API as this role, which proves it can
// do its work; this file proves the audit log and the schema are out of its reach.
describe('database roles', () => {
  let database: TestDatabase;
  let app: Client;
  let owner: Client;
  const ownerQuery = async (sql: string) => (await owner.query(sql)).rows as Record<string, unknown>[];

  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  };
  /** Refused by PostgreSQL's privileges (42501), with the message that says which. */
  const refused = (sql: string, message: RegExp) => expect(app.query(sql)).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(message) });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await connect(database.url);
    owner = await connect(database.ownerUrl);
  });

  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await database?.drop();
  });

  it('connects the application as crm_app and migrates as crm_owner, neither of them a superuser', async () => {
    const [asApp] = (await app.query(`SELECT current_user AS "user", (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`)).rows;
    const [asOwner] = (await owner.query(`SELECT current_user AS "user", (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`)).rows;
    expect(asApp).toEqual({ user: APP_ROLE, super: false });
    expect(asOwner).toEqual({ user: OWNER_ROLE, super: false });
    const [{ owns }] = (
      await owner.query(`SELECT count(*)::int AS owns FROM pg_class WHERE relowner <> '${OWNER_ROLE}'::regrole AND relnamespace = 'public'::regnamespace`)
    ).rows;
    expect(owns).toBe(0);
  });

  it('holds exactly the expected privileges on every table, owns nothing and may not create temporary tables', async () => {
    expect(await checkApplicationGrants(ownerQuery)).toEqual({ errors: [], warnings: [] });
  });

  it('appends to the audit log and reads it, but may not update, delete or truncate it', async () => {
    await app.query(`INSERT INTO audit_entry (action, subject_type) VALUES ('test.append', 'Test')`);
    expect((await app.query(`SELECT action FROM audit_entry WHERE action = 'test.append'`)).rows).toHaveLength(1);
    await refused(`UPDATE audit_entry SET action = 'rewritten'`, /permission denied for table audit_entry/);
    await refused(`DELETE FROM audit_entry`, /permission denied for table audit_entry/);
    await refused(`TRUNCATE audit_entry`, /permission denied for table audit_entry/);
    expect((await owner.query(`SELECT action FROM audit_entry`)).rows).toEqual([{ action: 'test.append' }]);
  });

  it('may not alter the audit table, drop or disable its triggers, or switch triggers off for its session', async () => {
    await refused(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete`, /must be owner of table audit_entry/);
    await refused(`ALTER TABLE audit_entry DISABLE TRIGGER ALL`, /must be owner of table audit_entry/);
    await refused(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`, /must be owner of (table|relation) audit_entry/);
    await refused(`ALTER TABLE audit_entry ADD COLUMN note text`, /must be owner of table audit_entry/);
    await refused(`DROP TABLE audit_entry`, /must be owner of table audit_entry/);
    await refused(
      `CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      /permission denied for schema public/,
    );
    await refused(`SET session_replication_role = replica`, /permission denied to set parameter "session_replication_role"/);
  });

  it('may not read or write the migrations table', async () => {
    await refused(`SELECT * FROM schema_migrations`, /permission denied for table schema_migrations/);
    await refused(`INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'x')`, /permission denied for table schema_migrations/);
    await refused(`DELETE FROM schema_migrations`, /permission denied for table schema_migrations/);
  });

  it('may not create tables, temporary tables, functions, schemas or roles, nor change a table it writes', async () => {
    await refused(`CREATE TABLE stash (x int)`, /permission denied for schema public/);
    await refused(`CREATE TEMP TABLE stash (x int)`, /permission denied to create temporary tables/);
    await refused(`CREATE FUNCTION f_stash() RETURNS int LANGUAGE sql AS 'SELECT 1'`, /permission denied for schema public/);
    await refused(`CREATE SCHEMA stash`, /permission denied for database/);
    await refused(`CREATE ROLE stash`, /permission denied to create role/);
    await refused(`ALTER TABLE person DISABLE TRIGGER ALL`, /must be owner of table person/);
    await refused(`TRUNCATE person`, /permission denied for table person/);
  });

  it('runs the search-word triggers and functions when it writes a person', async () => {
    await app.query(`INSERT INTO province (code, name_en, name_fr, sort_order) VALUES ('ON', 'Ontario', 'Ontario', 1) ON CONFLICT DO NOTHING`);
    await app.query(`INSERT INTO person (first_name, last_name, province_code) VALUES ('Zéphyrine', 'Okonkwo-Tremblay', 'ON')`);
    const words = (await app.query(`SELECT word FROM search_word WHERE kind = 'person' ORDER BY word`)).rows.map((row) => row.word);
    expect(words).toEqual(expect.arrayContaining(['zephyrine', 'okonkwo', 'tremblay']));
    expect((await app.query(`SELECT count(*)::int AS n FROM person WHERE f_search_words(search_text) @> ARRAY['zephyrine']`)).rows).toEqual([{ n: 1 }]);
  });

  it('gives a table a later migration creates to the application role with no grant of its own', async () => {
    await owner.query(`CREATE TABLE later_feature (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, counter serial, label text)`);
    try {
      await app.query(`INSERT INTO later_feature (label) VALUES ('a')`);
      await app.query(`UPDATE later_feature SET label = 'b'`);
      expect((await app.query(`SELECT label FROM later_feature`)).rows).toEqual([{ label: 'b' }]);
      await app.query(`DELETE FROM later_feature`);
      expect((await checkApplicationGrants(ownerQuery)).errors).toEqual([]);
    } finally {
      await owner.query(`DROP TABLE later_feature`);
    }
  });

  it('reports a missing grant and a forbidden one, table by table', async () => {
    await owner.query(`REVOKE DELETE ON tag FROM ${APP_ROLE}`);
    await owner.query(`GRANT UPDATE ON audit_entry TO ${APP_ROLE}`);
    try {
      expect((await checkApplicationGrants(ownerQuery)).errors).toEqual([
        `${APP_ROLE} may UPDATE on audit_entry, which it must not`,
        `${APP_ROLE} lacks DELETE on tag`,
      ]);
    } finally {
      await owner.query(`GRANT DELETE ON tag TO ${APP_ROLE}`);
      await owner.query(`REVOKE UPDATE ON audit_entry FROM ${APP_ROLE}`);
    }
  });

  it('refuses to run migrations as the application role', async () => {
    await expect(runMigrations(database.url)).rejects.toThrow(/not as crm_app: set DATABASE_MIGRATION_URL/);
  });

  it('sets the roles up again, several sessions at once, without changing what a running application connects with', async () => {
    const adminUrl = new URL(process.env.DATABASE_URL!);
    adminUrl.pathname = new URL(database.url).pathname;
    await Promise.all([1, 2, 3].map(() => setUpDatabaseRoles(adminUrl.toString(), derivedRolePasswords(process.env.DATABASE_URL!))));
    const again = await connect(database.url);
    try {
      expect((await again.query(`SELECT current_user AS "user"`)).rows).toEqual([{ user: APP_ROLE }]);
    } finally {
      await again.end();
    }
    expect(await checkApplicationGrants(ownerQuery)).toEqual({ errors: [], warnings: [] });
  });
});
