import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 11: campaigns gain descriptions, a status and goals; outreach records;
// the ladder of engagement's explanation and hand-set overrides; a coordinator's
// own time zone and the ledger that sends each daily digest once (decision 080).
export class OutreachAndLadder1764330000000 implements MigrationInterface {
  name = 'OutreachAndLadder1764330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE campaign
        ADD COLUMN description_en text CHECK (length(description_en) <= 4000),
        ADD COLUMN description_fr text CHECK (length(description_fr) <= 4000),
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed'))`);
    // One target per metric nationally (no region) and per region.
    await db.query(`
      CREATE TABLE campaign_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
        metric text NOT NULL CHECK (metric ~ '^[a-z][a-zA-Z]{1,40}$'),
        region_id uuid REFERENCES region(id),
        target integer NOT NULL CHECK (target BETWEEN 1 AND 100000000),
        UNIQUE NULLS NOT DISTINCT (campaign_id, metric, region_id)
      )`);

    await db.query(`
      CREATE TABLE outreach (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid UNIQUE,
        person_id uuid NOT NULL REFERENCES person(id),
        campaign_id uuid NOT NULL REFERENCES campaign(id),
        channel text NOT NULL CHECK (channel IN ('meeting', 'call', 'email', 'event', 'letter', 'social')),
        occurred_on date NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('noAnswer', 'interested', 'declined', 'committed', 'followUpNeeded')),
        notes text CHECK (length(notes) <= 10000),
        policy_ask_id uuid REFERENCES policy_ask(id),
        follow_up_on date,
        follow_up_owner_id uuid REFERENCES app_user(id),
        follow_up_done_at timestamptz,
        created_by_id uuid REFERENCES app_user(id),
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (follow_up_owner_id IS NULL OR follow_up_on IS NOT NULL)
      )`);
    // A person's outreach page and the ladder's reads.
    await db.query(`CREATE INDEX outreach_person_idx ON outreach (person_id, occurred_on DESC, id DESC) WHERE archived_at IS NULL`);
    // Lists in date order (a campaign's, everyone's), keyset on (occurred_on, id).
    await db.query(`CREATE INDEX outreach_date_idx ON outreach (occurred_on DESC, id DESC) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX outreach_campaign_idx ON outreach (campaign_id, occurred_on DESC, id DESC) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX outreach_created_by_idx ON outreach (created_by_id, occurred_on DESC, id DESC) WHERE archived_at IS NULL`);
    // "My follow-ups" and the digest: open follow-ups by owner and date.
    await db.query(`
      CREATE INDEX outreach_follow_up_idx ON outreach (follow_up_owner_id, follow_up_on, id)
       WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND archived_at IS NULL`);

    // The ladder's explanation (what earned the stage) and a stage set by hand, shown as such.
    await db.query(`
      CREATE TABLE engagement_state (
        person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
        derived_stage text NOT NULL CHECK (derived_stage IN ('identified', 'contacted', 'engaged', 'committed', 'champion')),
        fact_kind text,
        fact_on date,
        fact_record_type text,
        fact_record_id uuid,
        fact_detail jsonb NOT NULL DEFAULT '{}'::jsonb,
        override_stage text CHECK (override_stage IN ('identified', 'contacted', 'engaged', 'committed', 'champion')),
        override_note text CHECK (length(override_note) <= 500),
        override_by_id uuid REFERENCES app_user(id),
        override_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`ALTER TABLE app_user ADD COLUMN time_zone text CHECK (length(time_zone) <= 64)`);
    // One digest per coordinator per local day: the row is written with the e-mail's outbox row.
    await db.query(`
      CREATE TABLE digest_sent (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        digest_date date NOT NULL,
        mail_message_id uuid,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, digest_date)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE digest_sent`);
    await db.query(`ALTER TABLE app_user DROP COLUMN time_zone`);
    await db.query(`DROP TABLE engagement_state`);
    await db.query(`DROP TABLE outreach`);
    await db.query(`DROP TABLE campaign_goal`);
    await db.query(`ALTER TABLE campaign DROP COLUMN status, DROP COLUMN description_fr, DROP COLUMN description_en`);
  }
}
