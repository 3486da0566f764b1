import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A toolkit request has its own timeline (its page's history): the activity table accepts it
 * as a subject. An e-mail may name the record it is about, so erasing a record's personal
 * data (public toolkit requesters, 12 months after closing) reaches the messages sent about it.
 */
export class ToolkitHistoryAndMailRecords1764400000000 implements MigrationInterface {
  name = 'ToolkitHistoryAndMailRecords1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await setActivitySubjectTypes(db, (types) => [...new Set([...types, 'ToolkitRequest'])]);
    await db.query(`ALTER TABLE mail_message ADD COLUMN record_type text, ADD COLUMN record_id uuid, ADD COLUMN erased_at timestamptz`);
    await db.query(`CREATE INDEX mail_message_record_idx ON mail_message (record_type, record_id) WHERE record_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mail_message_record_idx`);
    await db.query(`ALTER TABLE mail_message DROP COLUMN record_type, DROP COLUMN record_id, DROP COLUMN erased_at`);
    await db.query(`DELETE FROM activity WHERE subject_type = 'ToolkitRequest'`);
    await setActivitySubjectTypes(db, (types) => types.filter((type) => type !== 'ToolkitRequest'));
  }
}

// The list in force is rewritten, not replaced, so other record types' migrations keep theirs.
async function setActivitySubjectTypes(db: QueryRunner, change: (types: string[]) => string[]): Promise<void> {
  const [row]: { definition: string }[] = await db.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'activity'::regclass AND conname = 'activity_subject_type_check'`,
  );
  const current = row ? [...row.definition.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]) : ['Organization', 'Person'];
  const types = change(current).map((type) => `'${type.replace(/[^A-Za-z]/g, '')}'`);
  await db.query(`ALTER TABLE activity DROP CONSTRAINT IF EXISTS activity_subject_type_check`);
  await db.query(`ALTER TABLE activity ADD CONSTRAINT activity_subject_type_check CHECK (subject_type IN (${types.join(', ')}))`);
}
