import type { MigrationInterface, QueryRunner } from 'typeorm';

// Least privilege (decision 067). The API and the worker connect as crm_app, which
// owns nothing: it reads and writes the tables, only appends to the audit log and
// cannot see the migrations table. Default privileges give it every table later
// migrations create (run, like this one, by the owner), so a new table needs no
// grant of its own; a new append-only table revokes UPDATE and DELETE as below.
// The roles themselves are made by a superuser beforehand (roles.sql); a superuser
// running this without them gets crm_app as a role that cannot log in.
export class ApplicationRole1764255000000 implements MigrationInterface {
  name = 'ApplicationRole1764255000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN
          IF (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
            CREATE ROLE crm_app NOLOGIN;
          ELSE
            RAISE EXCEPTION 'role crm_app does not exist: create the database roles first (libs/api/platform/src/database/roles.sql, decision 067)';
          END IF;
        END IF;
      END $$`);
    await db.query(`GRANT USAGE ON SCHEMA public TO crm_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO crm_app`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO crm_app`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM crm_app`);
    await db.query(`REVOKE ALL ON schema_migrations FROM crm_app`);
    // For whoever creates the next tables: the role running migrations and, when it
    // may act for it, the database owner (a superuser migrating a crm_owner database).
    await db.query(`
      DO $$
      DECLARE
        creator text;
      BEGIN
        FOR creator IN
          SELECT DISTINCT r.rolname FROM pg_roles r
           WHERE r.rolname IN (current_user, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()))
             AND pg_has_role(current_user, r.oid, 'MEMBER')
        LOOP
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO crm_app', creator);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO crm_app', creator);
        END LOOP;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      DECLARE
        creator text;
      BEGIN
        FOR creator IN
          SELECT DISTINCT r.rolname FROM pg_roles r
           WHERE r.rolname IN (current_user, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()))
             AND pg_has_role(current_user, r.oid, 'MEMBER')
        LOOP
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON TABLES FROM crm_app', creator);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON SEQUENCES FROM crm_app', creator);
        END LOOP;
      END $$`);
    await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM crm_app`);
    await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM crm_app`);
    await db.query(`REVOKE USAGE ON SCHEMA public FROM crm_app`);
  }
}
