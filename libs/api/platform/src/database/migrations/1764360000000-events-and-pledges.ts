import type { MigrationInterface, QueryRunner } from 'typeorm';

// Events with their hosts and RSVPs, pledges, and the secret tokens of calendar
// feeds (issue 12, decisions 110–113). An event stores its instants and its own
// IANA time zone; its province is its region for access rules.
export class EventsAndPledges1764360000000 implements MigrationInterface {
  name = 'EventsAndPledges1764360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign(id),
        title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
        title_fr text CHECK (length(title_fr) BETWEEN 1 AND 200),
        description_en text CHECK (length(description_en) <= 5000),
        description_fr text CHECK (length(description_fr) <= 5000),
        kind text NOT NULL CHECK (kind IN ('forum', 'vigil', 'webinar', 'workshop', 'screening', 'mp_meeting',
                                           'refugee_rights_day', 'world_refugee_day', 'other')),
        organization_id uuid REFERENCES organization(id),
        province_code char(2) NOT NULL REFERENCES province(code),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 3 AND 64),
        place text CHECK (length(place) <= 300),
        online_url text CHECK (length(online_url) <= 300),
        capacity integer CHECK (capacity BETWEEN 1 AND 100000),
        head_count integer NOT NULL DEFAULT 0 CHECK (head_count BETWEEN 0 AND 100000),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        archived_at timestamptz,
        search_text text GENERATED ALWAYS AS (f_search_norm(title_en || ' ' || coalesce(title_fr, ''))) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    // Lists and the calendar read by start time; a coordinator's by province; a member's by host.
    await db.query(`CREATE INDEX event_start_idx ON event (starts_at, id)`);
    await db.query(`CREATE INDEX event_province_start_idx ON event (province_code, starts_at, id)`);
    await db.query(`CREATE INDEX event_organization_idx ON event (organization_id, starts_at) WHERE organization_id IS NOT NULL`);
    await db.query(`CREATE INDEX event_owner_idx ON event (owner_id) WHERE owner_id IS NOT NULL`);
    await db.query(`CREATE INDEX event_created_by_idx ON event (created_by_id) WHERE created_by_id IS NOT NULL`);
    await db.query(`CREATE INDEX event_search_idx ON event USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE event_host (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        PRIMARY KEY (event_id, person_id)
      )`);
    await db.query(`CREATE INDEX event_host_person_idx ON event_host (person_id)`);

    // One row per person and event: invited, an answer, waitlisted (a "yes" past capacity,
    // promoted in order of waitlisted_at) or a walk-in; attendance is checked_in_at.
    await db.query(`
      CREATE TABLE event_rsvp (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        response text NOT NULL CHECK (response IN ('invited', 'yes', 'maybe', 'no', 'waitlisted', 'walk_in')),
        invited_at timestamptz,
        responded_at timestamptz,
        waitlisted_at timestamptz,
        checked_in_at timestamptz,
        created_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, person_id),
        CHECK ((response = 'waitlisted') = (waitlisted_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX event_rsvp_person_idx ON event_rsvp (person_id)`);
    await db.query(`CREATE INDEX event_rsvp_waitlist_idx ON event_rsvp (event_id, waitlisted_at) WHERE response = 'waitlisted'`);

    await db.query(`
      CREATE TABLE pledge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign(id),
        person_id uuid REFERENCES person(id),
        organization_id uuid REFERENCES organization(id),
        kind text NOT NULL CHECK (kind IN ('speak_up', 'host_event', 'share_facts', 'gather_stories', 'contact_mp',
                                           'distribute_toolkits', 'recruit_leader')),
        policy_ask_id uuid REFERENCES policy_ask(id),
        due_on date,
        evidence text CHECK (length(evidence) <= 2000),
        notes text CHECK (length(notes) <= 5000),
        event_id uuid REFERENCES event(id),
        -- The outreach where it was made (the outreach table is another module's; kept as an id).
        outreach_id uuid,
        status text NOT NULL DEFAULT 'pledged' CHECK (status IN ('pledged', 'in_progress', 'fulfilled', 'lapsed')),
        overdue_since date,
        fulfilled_at timestamptz,
        province_code char(2) NOT NULL REFERENCES province(code),
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((person_id IS NULL) <> (organization_id IS NULL)),
        CHECK ((kind = 'contact_mp') = (policy_ask_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX pledge_list_idx ON pledge (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX pledge_province_idx ON pledge (province_code, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX pledge_person_idx ON pledge (person_id) WHERE person_id IS NOT NULL`);
    await db.query(`CREATE INDEX pledge_organization_idx ON pledge (organization_id) WHERE organization_id IS NOT NULL`);
    await db.query(`CREATE INDEX pledge_event_idx ON pledge (event_id) WHERE event_id IS NOT NULL`);
    await db.query(`CREATE INDEX pledge_owner_idx ON pledge (owner_id) WHERE owner_id IS NOT NULL`);
    await db.query(`CREATE INDEX pledge_created_by_idx ON pledge (created_by_id) WHERE created_by_id IS NOT NULL`);
    // The overdue job reads open pledges by due date.
    await db.query(`CREATE INDEX pledge_due_idx ON pledge (due_on) WHERE status IN ('pledged', 'in_progress') AND overdue_since IS NULL`);

    // A calendar feed is fetched by calendar apps without a session: a per-user secret
    // (stored as its SHA-256), revocable, resolved to its user's current ability (decision 113).
    await db.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        region_id uuid REFERENCES region(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX calendar_feed_user_idx ON calendar_feed (user_id) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_feed`);
    await db.query(`DROP TABLE pledge`);
    await db.query(`DROP TABLE event_rsvp`);
    await db.query(`DROP TABLE event_host`);
    await db.query(`DROP TABLE event`);
  }
}
