import type { MigrationInterface, QueryRunner } from 'typeorm';

// Toolkit distribution (issue 13, decision 090): the catalogue, its stock as movement
// rows, requests and their lines, and download counts. `on_hand` is kept beside the
// movements in the same transaction (the conditional UPDATE that ships is what keeps
// it from going negative under concurrency); the movements remain the truth and a
// test checks the two agree.
export class Toolkit1764340000000 implements MigrationInterface {
  name = 'Toolkit1764340000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE toolkit_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('booklet', 'poster', 'infographic', 'button', 'digital_file')),
        language char(2) NOT NULL CHECK (language IN ('en', 'fr')),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        title_fr text NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 200),
        low_stock_threshold integer NOT NULL DEFAULT 0 CHECK (low_stock_threshold BETWEEN 0 AND 1000000),
        download_url text CHECK (length(download_url) <= 500),
        on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        created_by_id uuid REFERENCES app_user(id),
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'digital_file') = (download_url IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX toolkit_item_list_idx ON toolkit_item (kind, lower(title_en), id) WHERE archived_at IS NULL`);

    await db.query(`
      CREATE TABLE toolkit_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('member', 'coordinator', 'staff', 'public')),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'assigned', 'shipped', 'delivered', 'declined')),
        language char(2) NOT NULL CHECK (language IN ('en', 'fr')),
        organization_id uuid REFERENCES organization(id),
        requester_name text CHECK (length(requester_name) <= 200),
        requester_email text CHECK (length(requester_email) <= 254),
        requester_organization text CHECK (length(requester_organization) <= 200),
        address_line text CHECK (length(address_line) <= 200),
        city text CHECK (length(city) <= 100),
        province_code char(2) NOT NULL REFERENCES province(code),
        postal_code text CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
        note text CHECK (length(note) <= 1000),
        assignee_id uuid REFERENCES app_user(id),
        assignee_organization_id uuid REFERENCES organization(id),
        decline_reason text CHECK (length(decline_reason) <= 500),
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        dedupe_key text,
        download_token text UNIQUE,
        status_changed_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        erased_at timestamptz,
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (assignee_id IS NULL OR assignee_organization_id IS NULL),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
      )`);
    // The board: a status column, oldest change first.
    await db.query(`CREATE INDEX toolkit_request_status_idx ON toolkit_request (status, status_changed_at, id) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX toolkit_request_province_idx ON toolkit_request (province_code, status)`);
    await db.query(`CREATE INDEX toolkit_request_organization_idx ON toolkit_request (organization_id) WHERE organization_id IS NOT NULL`);
    await db.query(`CREATE INDEX toolkit_request_assignee_idx ON toolkit_request (assignee_id) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX toolkit_request_assignee_org_idx ON toolkit_request (assignee_organization_id) WHERE assignee_organization_id IS NOT NULL`);
    await db.query(`CREATE INDEX toolkit_request_dedupe_idx ON toolkit_request (dedupe_key, created_at) WHERE dedupe_key IS NOT NULL`);
    // The privacy job: public requests closed long ago and not yet erased.
    await db.query(`CREATE INDEX toolkit_request_erase_idx ON toolkit_request (closed_at) WHERE source = 'public' AND erased_at IS NULL`);

    await db.query(`
      CREATE TABLE toolkit_request_item (
        request_id uuid NOT NULL REFERENCES toolkit_request(id) ON DELETE CASCADE,
        item_id uuid NOT NULL REFERENCES toolkit_item(id),
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
        downloaded_at timestamptz,
        PRIMARY KEY (request_id, item_id)
      )`);
    await db.query(`CREATE INDEX toolkit_request_item_item_idx ON toolkit_request_item (item_id)`);

    await db.query(`
      CREATE TABLE toolkit_movement (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES toolkit_item(id),
        kind text NOT NULL CHECK (kind IN ('received', 'shipped', 'adjusted')),
        quantity integer NOT NULL CHECK (quantity <> 0),
        reason text CHECK (length(reason) <= 500),
        request_id uuid REFERENCES toolkit_request(id),
        actor_id uuid REFERENCES app_user(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (kind <> 'received' OR quantity > 0),
        CHECK (kind <> 'shipped' OR (quantity < 0 AND request_id IS NOT NULL)),
        CHECK (kind <> 'adjusted' OR reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX toolkit_movement_item_idx ON toolkit_movement (item_id, id)`);
    await db.query(`CREATE INDEX toolkit_movement_request_idx ON toolkit_movement (request_id) WHERE request_id IS NOT NULL`);
    // Stock history is append-only for the application, like the audit log.
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN
          REVOKE UPDATE, DELETE, TRUNCATE ON toolkit_movement FROM crm_app;
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE toolkit_movement`);
    await db.query(`DROP TABLE toolkit_request_item`);
    await db.query(`DROP TABLE toolkit_request`);
    await db.query(`DROP TABLE toolkit_item`);
  }
}
