import type { MigrationInterface, QueryRunner } from 'typeorm';

// Reference data (provinces, regions), campaigns with their policy asks, the
// transactional outbox and stored e-mail messages.
export class Foundation1764190000000 implements MigrationInterface {
  name = 'Foundation1764190000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE province (
        code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
        name_en text NOT NULL,
        name_fr text NOT NULL,
        sort_order smallint NOT NULL
      )`);
    await db.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
        name_en text NOT NULL,
        name_fr text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE region_province (
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE CASCADE,
        province_code char(2) NOT NULL REFERENCES province(code),
        PRIMARY KEY (region_id, province_code)
      )`);
    await db.query(`CREATE INDEX region_province_province_idx ON region_province (province_code)`);
    await db.query(`
      CREATE TABLE campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{2,80}$'),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
        starts_on date,
        ends_on date,
        is_default boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    // At most one default campaign.
    await db.query(`CREATE UNIQUE INDEX campaign_single_default_idx ON campaign (is_default) WHERE is_default`);
    await db.query(`
      CREATE TABLE policy_ask (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position > 0),
        title_en text NOT NULL,
        title_fr text NOT NULL,
        UNIQUE (campaign_id, position)
      )`);
    await db.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        relayed_at timestamptz,
        relay_attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    // The relay only ever scans rows still waiting.
    await db.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE relayed_at IS NULL`);
    await db.query(`
      CREATE TABLE mail_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template text NOT NULL,
        language char(2) NOT NULL CHECK (language IN ('en', 'fr')),
        to_address text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'stored', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await db.query(`CREATE INDEX mail_message_created_idx ON mail_message (created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_message`);
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE policy_ask`);
    await db.query(`DROP TABLE campaign`);
    await db.query(`DROP TABLE region_province`);
    await db.query(`DROP TABLE region`);
    await db.query(`DROP TABLE province`);
  }
}
