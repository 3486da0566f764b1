import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 10: the possible-duplicates queue (decision 027). Pairs are found by the two
// rules of decision 032 — the same e-mail, the same normalised name in the same city —
// each as a merge join of one index with itself, never a cross join of the table:
// - person_email: one row per (lower-case e-mail, person), kept by a trigger from
//   person.emails (a GIN index answers "who has this e-mail", not "which e-mails are shared"),
//   and person_email_shared: the e-mails more than one person has had, where the rule starts;
// - an index on people's normalised name and city; organizations have one already
//   (organization_import_match_en_idx) and get one on their e-mail;
// - duplicate_dismissal: pairs someone said are not duplicates (ids in order), so they
//   do not come back.
export class DuplicateQueue1764530000000 implements MigrationInterface {
  name = 'DuplicateQueue1764530000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE person_email (
        email text NOT NULL,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        PRIMARY KEY (email, person_id)
      )`);
    await db.query(`CREATE INDEX person_email_person_idx ON person_email (person_id)`);
    // E-mails two people have had at once: where the e-mail rule starts. Never pruned: one
    // that is no longer shared (a merge, a change) simply yields no pair.
    await db.query(`CREATE TABLE person_email_shared (email text PRIMARY KEY)`);
    await db.query(`
      CREATE FUNCTION f_person_email_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.emails IS NOT DISTINCT FROM OLD.emails THEN RETURN NEW; END IF;
        IF TG_OP = 'UPDATE' THEN DELETE FROM person_email WHERE person_id = NEW.id; END IF;
        INSERT INTO person_email (email, person_id)
          SELECT DISTINCT lower(e), NEW.id FROM unnest(NEW.emails) AS e WHERE e <> ''
          ON CONFLICT DO NOTHING;
        -- An e-mail someone else has too: the queue starts from these (a few), not from every e-mail.
        INSERT INTO person_email_shared (email)
          SELECT DISTINCT pe.email FROM person_email pe
           WHERE pe.email IN (SELECT lower(e) FROM unnest(NEW.emails) AS e) AND pe.person_id <> NEW.id
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $fn$`);
    await db.query(`CREATE TRIGGER person_email_sync AFTER INSERT OR UPDATE OF emails ON person FOR EACH ROW EXECUTE FUNCTION f_person_email_sync()`);
    await db.query(`
      INSERT INTO person_email (email, person_id)
      SELECT DISTINCT lower(e), p.id FROM person p, unnest(p.emails) AS e WHERE e <> ''`);
    await db.query(`INSERT INTO person_email_shared (email) SELECT email FROM person_email GROUP BY email HAVING count(*) > 1`);
    await db.query(
      `CREATE INDEX person_duplicate_name_idx ON person (f_search_norm(last_name), f_search_norm(first_name), f_search_norm(city), id)
        WHERE archived_at IS NULL AND city IS NOT NULL AND city <> ''`,
    );
    await db.query(`CREATE INDEX organization_email_idx ON organization (lower(email), id) WHERE archived_at IS NULL AND email IS NOT NULL AND email <> ''`);
    await db.query(`
      CREATE TABLE duplicate_dismissal (
        subject_type text NOT NULL CHECK (subject_type IN ('Person', 'Organization')),
        low_id uuid NOT NULL,
        high_id uuid NOT NULL,
        dismissed_by_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject_type, low_id, high_id),
        CHECK (low_id < high_id)
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON person_email, person_email_shared TO crm_app`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON duplicate_dismissal TO crm_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE duplicate_dismissal`);
    await db.query(`DROP INDEX organization_email_idx`);
    await db.query(`DROP INDEX person_duplicate_name_idx`);
    await db.query(`DROP TRIGGER person_email_sync ON person`);
    await db.query(`DROP FUNCTION f_person_email_sync()`);
    await db.query(`DROP TABLE person_email`);
    await db.query(`DROP TABLE person_email_shared`);
  }
}
