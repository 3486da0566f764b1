import type { MigrationInterface, QueryRunner } from 'typeorm';

// Coalition records: organizations, people and their affiliations, the tag
// vocabulary, and the `activity` table every module appends its timeline to.
// Search: pg_trgm over an unaccented, lower-cased name (decision 040).
export class OrganizationsAndPeople1764210000000 implements MigrationInterface {
  name = 'OrganizationsAndPeople1764210000000';

  async up(db: QueryRunner): Promise<void> {
    // Both are "trusted" extensions: a database owner may create them.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // unaccent() is only STABLE (it reads a dictionary found through search_path), so
    // it cannot be indexed. This wrapper names the dictionary by schema, which makes
    // the result fixed: the standard way to index unaccented text.
    await db.query(`
      CREATE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $fn$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $fn$`);
    // The one normal form search compares: unaccented, lower case, single spaces.
    await db.query(`
      CREATE FUNCTION f_search_norm(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $fn$ SELECT regexp_replace(lower(public.f_unaccent($1)), '\\s+', ' ', 'g') $fn$`);

    await db.query(`
      CREATE TABLE tag (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 30),
        label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 60),
        label_fr text NOT NULL CHECK (length(label_fr) BETWEEN 1 AND 60),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
        name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('settlement_agency', 'sponsorship_agreement_holder', 'faith_community', 'legal_clinic',
                                           'advocacy_group', 'youth_group', 'municipality', 'business', 'other')),
        membership text NOT NULL DEFAULT 'ally' CHECK (membership IN ('member', 'associate', 'ally', 'lapsed')),
        membership_since date,
        province_code char(2) NOT NULL REFERENCES province(code),
        city text CHECK (length(city) <= 100),
        postal_code text CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
        email text CHECK (length(email) <= 254),
        phone text CHECK (length(phone) <= 40),
        website text CHECK (length(website) <= 300),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        notes text CHECK (length(notes) <= 10000),
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        archived_at timestamptz,
        merged_into_id uuid REFERENCES organization(id),
        -- Search compares this stored normal form: no function call per candidate row.
        search_text text GENERATED ALWAYS AS (f_search_norm(name_en || ' ' || name_fr)) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (merged_into_id IS NULL OR archived_at IS NOT NULL)
      )`);
    // Keyset order of the list (active records are what lists show by default). Names
    // sort unaccented and lower-cased, so "Ávila" files with "Avila" whatever the
    // database's collation (C.UTF-8 would put it after "Z").
    await db.query(`CREATE INDEX organization_list_idx ON organization (f_search_norm(name_en), id) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX organization_list_archived_idx ON organization (f_search_norm(name_en), id) WHERE archived_at IS NOT NULL`);
    await db.query(`CREATE INDEX organization_province_idx ON organization (province_code, f_search_norm(name_en), id)`);
    await db.query(`CREATE INDEX organization_kind_idx ON organization (kind)`);
    await db.query(`CREATE INDEX organization_membership_idx ON organization (membership)`);
    await db.query(`CREATE INDEX organization_owner_idx ON organization (owner_id) WHERE owner_id IS NOT NULL`);
    await db.query(`CREATE INDEX organization_created_by_idx ON organization (created_by_id) WHERE created_by_id IS NOT NULL`);
    await db.query(`CREATE INDEX organization_updated_idx ON organization (updated_at)`);
    await db.query(`CREATE INDEX organization_tags_idx ON organization USING gin (tags)`);
    await db.query(`CREATE INDEX organization_merged_into_idx ON organization (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await db.query(`CREATE INDEX organization_search_idx ON organization USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL DEFAULT '' CHECK (length(last_name) <= 100),
        preferred_language char(2) NOT NULL DEFAULT 'en' CHECK (preferred_language IN ('en', 'fr')),
        emails text[] NOT NULL DEFAULT '{}' CHECK (cardinality(emails) <= 5),
        phones text[] NOT NULL DEFAULT '{}' CHECK (cardinality(phones) <= 5),
        leader_category text CHECK (leader_category IN ('faith', 'business', 'elected_municipal', 'education', 'media', 'community', 'lived_experience')),
        province_code char(2) NOT NULL REFERENCES province(code),
        city text CHECK (length(city) <= 100),
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        engagement_stage text NOT NULL DEFAULT 'identified' CHECK (engagement_stage IN ('identified', 'contacted', 'engaged', 'committed', 'champion')),
        engagement_reason text CHECK (length(engagement_reason) <= 500),
        consent_email boolean NOT NULL DEFAULT false,
        consent_phone boolean NOT NULL DEFAULT false,
        do_not_contact boolean NOT NULL DEFAULT false,
        lived_experience boolean NOT NULL DEFAULT false,
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        notes text CHECK (length(notes) <= 10000),
        archived_at timestamptz,
        merged_into_id uuid REFERENCES person(id),
        search_text text GENERATED ALWAYS AS (f_search_norm(first_name || ' ' || last_name)) STORED,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (merged_into_id IS NULL OR archived_at IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX person_list_idx ON person (f_search_norm(last_name), f_search_norm(first_name), id) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX person_list_archived_idx ON person (f_search_norm(last_name), f_search_norm(first_name), id) WHERE archived_at IS NOT NULL`);
    // A coordinator's list: their provinces, in list order.
    await db.query(`CREATE INDEX person_province_idx ON person (province_code, f_search_norm(last_name), f_search_norm(first_name), id)`);
    await db.query(`CREATE INDEX person_owner_idx ON person (owner_id) WHERE owner_id IS NOT NULL`);
    await db.query(`CREATE INDEX person_created_by_idx ON person (created_by_id) WHERE created_by_id IS NOT NULL`);
    await db.query(`CREATE INDEX person_engagement_idx ON person (engagement_stage)`);
    await db.query(`CREATE INDEX person_leader_category_idx ON person (leader_category) WHERE leader_category IS NOT NULL`);
    await db.query(`CREATE INDEX person_updated_idx ON person (updated_at)`);
    await db.query(`CREATE INDEX person_tags_idx ON person USING gin (tags)`);
    // Duplicate detection (import, merge suggestions) looks people up by e-mail.
    await db.query(`CREATE INDEX person_emails_idx ON person USING gin (emails)`);
    await db.query(`CREATE INDEX person_merged_into_idx ON person (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await db.query(`CREATE INDEX person_search_idx ON person USING gin (search_text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE affiliation (
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        title text CHECK (length(title) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, organization_id)
      )`);
    await db.query(`CREATE INDEX affiliation_organization_idx ON affiliation (organization_id, person_id)`);

    // The timeline: one row per thing that happened to a subject (a person or an
    // organization), appended by whichever module did it. Summaries carry ids and
    // field names, never personal values.
    await db.query(`
      CREATE TABLE activity (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject_type text NOT NULL CHECK (subject_type IN ('Organization', 'Person')),
        subject_id uuid NOT NULL,
        actor_id uuid REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z]*(\\.[a-z][a-zA-Z]*)*$'),
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        summary jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(`CREATE INDEX activity_subject_idx ON activity (subject_type, subject_id, at DESC, id DESC)`);
    await db.query(`CREATE INDEX activity_record_idx ON activity (record_type, record_id)`);

    // Member contacts belong to a real organization from now on. Ids that point
    // nowhere (there was no organization table to point at) are cleared first.
    await db.query(`UPDATE app_user SET organization_id = NULL WHERE organization_id IS NOT NULL`);
    await db.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_organization_fk FOREIGN KEY (organization_id) REFERENCES organization(id)`);
    await db.query(`CREATE INDEX app_user_organization_idx ON app_user (organization_id) WHERE organization_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX app_user_organization_idx`);
    await db.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_organization_fk`);
    await db.query(`DROP TABLE activity`);
    await db.query(`DROP TABLE affiliation`);
    await db.query(`DROP TABLE person`);
    await db.query(`DROP TABLE organization`);
    await db.query(`DROP TABLE tag`);
    await db.query(`DROP FUNCTION f_search_norm(text)`);
    await db.query(`DROP FUNCTION f_unaccent(text)`);
    // The extensions stay: other objects may use them, and they hold no data.
  }
}
