import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 10: saved views of a list (decision 025): a named set of filters, order and
// columns, the owner's alone or shared with everyone of the owner's role.
export class SavedViews1764420000000 implements MigrationInterface {
  name = 'SavedViews1764420000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_view (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        owner_role text NOT NULL,
        list text NOT NULL CHECK (list IN ('people', 'organizations', 'outreach', 'stories')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        shared boolean NOT NULL DEFAULT false,
        state jsonb NOT NULL CHECK (jsonb_typeof(state) = 'object' AND length(state::text) <= 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One name per person and list; the views a list shows: the caller's own, and those shared with their role.
    await db.query(`CREATE UNIQUE INDEX saved_view_owner_name_idx ON saved_view (owner_id, list, lower(name))`);
    await db.query(`CREATE INDEX saved_view_shared_idx ON saved_view (list, owner_role) WHERE shared`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON saved_view TO crm_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_view`);
  }
}
