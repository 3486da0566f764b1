import type { MigrationInterface, QueryRunner } from 'typeorm';

// Staff accounts, sessions, one-time tokens (invitations, resets) and the
// append-only audit log.
export class IdentityAndAudit1764200000000 implements MigrationInterface {
  name = 'IdentityAndAudit1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER')),
        organization_id uuid,
        preferred_language char(2) NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'fr')),
        active boolean NOT NULL DEFAULT true,
        password_hash text,
        password_changed_at timestamptz,
        invited_at timestamptz,
        last_sign_in_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // E-mail is unique whatever its case.
    await db.query(`CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email))`);
    await db.query(`CREATE INDEX app_user_list_idx ON app_user (lower(name), id)`);
    await db.query(`
      CREATE TABLE user_region (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES region(id),
        PRIMARY KEY (user_id, region_id)
      )`);
    await db.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await db.query(`CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL`);
    await db.query(`
      CREATE TABLE user_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX user_token_user_idx ON user_token (user_id, kind) WHERE used_at IS NULL`);
    await db.query(`
      CREATE TABLE audit_entry (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_entry_subject_idx ON audit_entry (subject_type, subject_id, at DESC)`);
    await db.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, at DESC)`);
    // Append-only: the database itself refuses to change or remove history.
    await db.query(`
      CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_is_append_only()`);
    await db.query(`DROP TABLE user_token`);
    await db.query(`DROP TABLE user_session`);
    await db.query(`DROP TABLE user_region`);
    await db.query(`DROP TABLE app_user`);
  }
}
