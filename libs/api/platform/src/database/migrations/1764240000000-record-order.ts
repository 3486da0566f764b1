import type { MigrationInterface, QueryRunner } from 'typeorm';

// Lists of people and organizations may be ordered by last change (RecordSort
// UPDATED): newest first, keyset-paged on (updated_at, id). Active records only,
// as the name-order indexes; archived lists are short. (The updated_at indexes of
// the first migration serve the updatedSince filter; these add the id tie-break.)
export class RecordOrder1764240000000 implements MigrationInterface {
  name = 'RecordOrder1764240000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX person_recent_idx ON person (updated_at DESC, id DESC) WHERE archived_at IS NULL`);
    await db.query(`CREATE INDEX organization_recent_idx ON organization (updated_at DESC, id DESC) WHERE archived_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX organization_recent_idx`);
    await db.query(`DROP INDEX person_recent_idx`);
  }
}
