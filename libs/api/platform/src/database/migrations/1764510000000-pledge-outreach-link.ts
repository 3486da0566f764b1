import type { MigrationInterface, QueryRunner } from 'typeorm';

// A pledge's outreach (where it was made) was kept as a bare id (1764360000000): make it a
// real link, so a pledge never names an outreach that does not exist. Deleting an outreach
// leaves the pledge, without the link (issue 12, decision 113).
export class PledgeOutreachLink1764510000000 implements MigrationInterface {
  name = 'PledgeOutreachLink1764510000000';

  async up(db: QueryRunner): Promise<void> {
    // Ids that name no outreach (none expected) lose the link rather than fail the migration.
    await db.query(`UPDATE pledge g SET outreach_id = NULL WHERE outreach_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outreach o WHERE o.id = g.outreach_id)`);
    await db.query(`ALTER TABLE pledge ADD CONSTRAINT pledge_outreach_id_fkey FOREIGN KEY (outreach_id) REFERENCES outreach(id) ON DELETE SET NULL`);
    // The foreign key's checks on outreach deletes, and an outreach's pledges.
    await db.query(`CREATE INDEX pledge_outreach_idx ON pledge (outreach_id) WHERE outreach_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX pledge_outreach_idx`);
    await db.query(`ALTER TABLE pledge DROP CONSTRAINT pledge_outreach_id_fkey`);
  }
}
