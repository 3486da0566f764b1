import type { MigrationInterface, QueryRunner } from 'typeorm';

// Repeatable jobs (decision 063): a ledger of ticks, so a tick runs to its end
// once and a missed one is found; and an index for the daily purge of relayed
// outbox rows (decision 003), which would otherwise scan the whole table.
export class JobTicks1764270000000 implements MigrationInterface {
  name = 'JobTicks1764270000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_tick (
        job_name text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        runs integer NOT NULL DEFAULT 1,
        first_started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_worker text NOT NULL,
        finished_at timestamptz,
        PRIMARY KEY (job_name, scheduled_at)
      )`);
    await db.query(`CREATE INDEX outbox_relayed_idx ON outbox (relayed_at) WHERE relayed_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX outbox_relayed_idx`);
    await db.query(`DROP TABLE job_tick`);
  }
}
