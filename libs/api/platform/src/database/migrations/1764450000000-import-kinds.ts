import type { MigrationInterface, QueryRunner } from 'typeorm';

// An import's kind is any registered import target (decision 058: outreach joins
// people and organizations), so the database checks its shape, not a fixed list.
export class ImportKinds1764450000000 implements MigrationInterface {
  name = 'ImportKinds1764450000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check`);
    await db.query(`ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check CHECK (kind ~ '^[a-z][a-z_]{0,39}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check`);
    await db.query(`ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check CHECK (kind IN ('people', 'organizations'))`);
  }
}
