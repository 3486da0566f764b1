import type { MigrationInterface, QueryRunner } from 'typeorm';

// Stories of former refugees (decision 100). Consent is honoured in the row itself:
// `withdrawn_at` hides the story from everyone but ADMIN (the ability turns it into SQL),
// `erased_at` says its text and storyteller are gone (NULL), the row staying as a tombstone.
export class Stories1764350000000 implements MigrationInterface {
  name = 'Stories1764350000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE story (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES campaign(id),
        kind text NOT NULL CHECK (kind IN ('economic', 'entrepreneurial', 'community_leadership', 'innovation')),
        language char(2) NOT NULL CHECK (language IN ('en', 'fr')),
        title text CHECK (length(title) BETWEEN 1 AND 200),
        text text CHECK (length(text) BETWEEN 1 AND 20000),
        province_code char(2) NOT NULL REFERENCES province(code),
        organization_id uuid REFERENCES organization(id),
        storyteller_name text CHECK (length(storyteller_name) <= 200),
        storyteller_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        owner_id uuid REFERENCES app_user(id),
        created_by_id uuid REFERENCES app_user(id),
        consent_level text NOT NULL CHECK (consent_level IN ('internal', 'anonymised_public', 'named_public')),
        consent_date date NOT NULL,
        consent_method text NOT NULL CHECK (consent_method IN ('written', 'verbal_recorded', 'online_form', 'email')),
        consent_note text CHECK (length(consent_note) <= 1000),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'published')),
        published_at timestamptz,
        withdrawn_at timestamptz,
        erased_at timestamptz,
        archived_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Only an erased story lacks its text; an erased story is withdrawn too.
        CHECK ((erased_at IS NULL) = (title IS NOT NULL AND text IS NOT NULL)),
        CHECK (erased_at IS NULL OR (withdrawn_at IS NOT NULL AND storyteller_name IS NULL AND storyteller_person_id IS NULL))
      )`);
    // Lists: newest change first, the stories in consent (partial), by campaign; a coordinator's provinces.
    await db.query(`CREATE INDEX story_list_idx ON story (updated_at DESC, id DESC) WHERE withdrawn_at IS NULL AND archived_at IS NULL`);
    await db.query(`CREATE INDEX story_withdrawn_idx ON story (updated_at DESC, id DESC) WHERE withdrawn_at IS NOT NULL`);
    await db.query(`CREATE INDEX story_campaign_idx ON story (campaign_id, updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX story_province_idx ON story (province_code, updated_at DESC, id DESC)`);
    await db.query(`CREATE INDEX story_owner_idx ON story (owner_id) WHERE owner_id IS NOT NULL`);
    await db.query(`CREATE INDEX story_created_by_idx ON story (created_by_id) WHERE created_by_id IS NOT NULL`);
    await db.query(`CREATE INDEX story_storyteller_idx ON story (storyteller_person_id) WHERE storyteller_person_id IS NOT NULL`);
    // The public page: published stories in consent, newest first.
    await db.query(`CREATE INDEX story_public_idx ON story (published_at DESC, id DESC)
                     WHERE status = 'published' AND withdrawn_at IS NULL AND archived_at IS NULL`);
    // Decision 067: the application role gets DML on every new table.
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON story TO crm_app`);
    // A story has a timeline of its own.
    await setActivitySubjectTypes(db, (types) => [...new Set([...types, 'Story'])]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM activity WHERE subject_type = 'Story'`);
    await setActivitySubjectTypes(db, (types) => types.filter((type) => type !== 'Story'));
    await db.query(`DROP TABLE story`);
  }
}

/**
 * Rewrites the activity table's list of subject types from the one in force, so migrations
 * of other record types (landed before or after this one) keep theirs.
 */
async function setActivitySubjectTypes(db: QueryRunner, change: (types: string[]) => string[]): Promise<void> {
  const [row]: { definition: string }[] = await db.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'activity'::regclass AND conname = 'activity_subject_type_check'`,
  );
  const current = row ? [...row.definition.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]) : ['Organization', 'Person'];
  const types = change(current).map((type) => `'${type.replace(/[^A-Za-z]/g, '')}'`);
  await db.query(`ALTER TABLE activity DROP CONSTRAINT IF EXISTS activity_subject_type_check`);
  await db.query(`ALTER TABLE activity ADD CONSTRAINT activity_subject_type_check CHECK (subject_type IN (${types.join(', ')}))`);
}
