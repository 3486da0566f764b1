import type { MigrationInterface, QueryRunner } from 'typeorm';

// Decision 029: the people's e-mail index (person_email, person_email_shared; decisions 028
// and 118) is kept per statement for inserts. A row trigger ran three statements per new
// person: a bulk insert (the large seed, a CSV import) took 8 times as long, and inside one
// transaction that started from an empty table its plans scanned the growing table, so the
// large seed (500,000 people) had not finished after an hour. A statement trigger sees the
// inserted rows as one table and does the same work in two set-based statements. Changes and
// deletions stay with the row trigger: they come one record at a time (an edit, a merge).
export class PersonEmailSyncPerStatement1764570000000 implements MigrationInterface {
  name = 'PersonEmailSyncPerStatement1764570000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION f_person_email_sync_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO person_email (email, person_id)
          SELECT DISTINCT lower(e), n.id FROM inserted n, unnest(n.emails) AS e WHERE e <> ''
          ON CONFLICT DO NOTHING;
        -- The new e-mails two active people now have (the same rule as the row trigger's).
        INSERT INTO person_email_shared (email)
          SELECT pe.email FROM person_email pe JOIN person p ON p.id = pe.person_id AND p.archived_at IS NULL
           WHERE pe.email IN (SELECT lower(e) FROM inserted n, unnest(n.emails) AS e WHERE e <> '')
           GROUP BY pe.email HAVING count(*) > 1
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $fn$`);
    await db.query(`DROP TRIGGER IF EXISTS person_email_sync_insert ON person`);
    await db.query(`DROP TRIGGER person_email_sync ON person`);
    await db.query(
      `CREATE TRIGGER person_email_sync AFTER UPDATE OF emails, archived_at OR DELETE ON person FOR EACH ROW EXECUTE FUNCTION f_person_email_sync()`,
    );
    await db.query(
      `CREATE TRIGGER person_email_sync_insert AFTER INSERT ON person REFERENCING NEW TABLE AS inserted
        FOR EACH STATEMENT EXECUTE FUNCTION f_person_email_sync_inserted()`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER person_email_sync_insert ON person`);
    await db.query(`DROP TRIGGER person_email_sync ON person`);
    await db.query(
      `CREATE TRIGGER person_email_sync AFTER INSERT OR UPDATE OF emails, archived_at OR DELETE ON person FOR EACH ROW EXECUTE FUNCTION f_person_email_sync()`,
    );
    await db.query(`DROP FUNCTION f_person_email_sync_inserted()`);
  }
}
