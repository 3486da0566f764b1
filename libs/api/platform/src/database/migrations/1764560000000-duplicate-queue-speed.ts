import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 10, decision 118: the possible-duplicates queue, second pass.
// - Organizations by name and city: one key (normalised name, a unit separator, normalised
//   city) with the id, so a page walks one index in order and stops after it. With two
//   equalities on correlated columns (a name nearly always names its city) the planner
//   guessed a dozen pairs for 5,000 organizations, hashed the table and sorted every pair
//   (397 ms for a page in the middle); one key gives it the real share.
// - Shared e-mails are pruned: person_email_shared holds the e-mails two *active* people
//   have at once, kept by the trigger when e-mails change, a person is archived (a merge)
//   or restored, or deleted; an e-mail no longer shared leaves it.
const organizationKey = `f_search_norm(name_en) || chr(31) || f_search_norm(city)`;

const activeSharers = (email: string) => `(SELECT count(*) FROM person_email pe JOIN person p ON p.id = pe.person_id AND p.archived_at IS NULL
                                            WHERE pe.email = ${email})`;

export class DuplicateQueueSpeed1764560000000 implements MigrationInterface {
  name = 'DuplicateQueueSpeed1764560000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX organization_duplicate_name_idx ON organization ((${organizationKey}), id)
        WHERE archived_at IS NULL AND city IS NOT NULL AND city <> ''`,
    );
    await db.query(`
      CREATE OR REPLACE FUNCTION f_person_email_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        touched text[];
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.emails IS NOT DISTINCT FROM OLD.emails AND (NEW.archived_at IS NULL) = (OLD.archived_at IS NULL) THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.emails IS DISTINCT FROM OLD.emails THEN
          DELETE FROM person_email WHERE person_id = NEW.id;
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.emails IS DISTINCT FROM OLD.emails) THEN
          INSERT INTO person_email (email, person_id)
            SELECT DISTINCT lower(e), NEW.id FROM unnest(NEW.emails) AS e WHERE e <> ''
            ON CONFLICT DO NOTHING;
        END IF;
        -- The e-mails this change may have made shared, or no longer shared: the old and the new.
        touched := ARRAY(
          SELECT DISTINCT lower(e) FROM unnest(
            CASE WHEN TG_OP = 'DELETE' THEN '{}'::text[] ELSE coalesce(NEW.emails, '{}') END ||
            CASE WHEN TG_OP = 'INSERT' THEN '{}'::text[] ELSE coalesce(OLD.emails, '{}') END) AS e
           WHERE e <> '');
        IF cardinality(touched) = 0 THEN RETURN NULL; END IF;
        INSERT INTO person_email_shared (email)
          SELECT pe.email FROM person_email pe JOIN person p ON p.id = pe.person_id AND p.archived_at IS NULL
           WHERE pe.email = ANY(touched) GROUP BY pe.email HAVING count(*) > 1
          ON CONFLICT DO NOTHING;
        DELETE FROM person_email_shared s WHERE s.email = ANY(touched) AND ${activeSharers('s.email')} < 2;
        RETURN NULL;
      END $fn$`);
    await db.query(`DROP TRIGGER person_email_sync ON person`);
    await db.query(
      `CREATE TRIGGER person_email_sync AFTER INSERT OR UPDATE OF emails, archived_at OR DELETE ON person FOR EACH ROW EXECUTE FUNCTION f_person_email_sync()`,
    );
    // What was shared once but is no longer (a merge, a change) leaves; nothing new can be missing
    // (the old trigger added an e-mail as soon as two people had it, archived or not).
    await db.query(`DELETE FROM person_email_shared s WHERE ${activeSharers('s.email')} < 2`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER person_email_sync ON person`);
    await db.query(`
      CREATE OR REPLACE FUNCTION f_person_email_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.emails IS NOT DISTINCT FROM OLD.emails THEN RETURN NEW; END IF;
        IF TG_OP = 'UPDATE' THEN DELETE FROM person_email WHERE person_id = NEW.id; END IF;
        INSERT INTO person_email (email, person_id)
          SELECT DISTINCT lower(e), NEW.id FROM unnest(NEW.emails) AS e WHERE e <> ''
          ON CONFLICT DO NOTHING;
        INSERT INTO person_email_shared (email)
          SELECT DISTINCT pe.email FROM person_email pe
           WHERE pe.email IN (SELECT lower(e) FROM unnest(NEW.emails) AS e) AND pe.person_id <> NEW.id
          ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $fn$`);
    await db.query(`CREATE TRIGGER person_email_sync AFTER INSERT OR UPDATE OF emails ON person FOR EACH ROW EXECUTE FUNCTION f_person_email_sync()`);
    await db.query(`DROP INDEX organization_duplicate_name_idx`);
  }
}
