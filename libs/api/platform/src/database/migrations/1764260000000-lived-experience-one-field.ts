import type { MigrationInterface, QueryRunner } from 'typeorm';

// Lived experience as a refugee is stated in one protected field only (person.lived_experience,
// readable by ADMIN, STAFF and the owner). The leader category `lived_experience` said the same
// thing in a field every coordinator reads and filters on: its people keep the fact in the
// protected field, lose the category, and the category is no longer allowed. Each change is
// audited (values masked, no actor: a migration).
export class LivedExperienceOneField1764260000000 implements MigrationInterface {
  name = 'LivedExperienceOneField1764260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      WITH moved AS (
        UPDATE person SET lived_experience = true, leader_category = NULL
         WHERE leader_category = 'lived_experience'
        RETURNING id
      )
      INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes, request_id)
      SELECT NULL, NULL, 'person.migrate', 'Person', id::text,
             '{"leaderCategory": {"from": "lived_experience", "to": null}, "livedExperience": {"from": "•••", "to": "•••"}}'::jsonb,
             'migration:${this.name}'
        FROM moved`);
    await db.query(`ALTER TABLE person DROP CONSTRAINT IF EXISTS person_leader_category_check`);
    await db.query(`ALTER TABLE person ADD CONSTRAINT person_leader_category_check
                      CHECK (leader_category IN ('faith', 'business', 'elected_municipal', 'education', 'media', 'community'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The category comes back as allowed; which people had it is in the audit log, not restored.
    await db.query(`ALTER TABLE person DROP CONSTRAINT IF EXISTS person_leader_category_check`);
    await db.query(`ALTER TABLE person ADD CONSTRAINT person_leader_category_check
                      CHECK (leader_category IN ('faith', 'business', 'elected_municipal', 'education', 'media', 'community', 'lived_experience'))`);
  }
}
