import type { MigrationInterface, QueryRunner } from 'typeorm';

// An answer (RSVP) gets an id of its own, so the list of answers across events and its CSV
// export name each row the way every other list does (decision 113). The key stays (event, person).
export class RsvpIds1764510000001 implements MigrationInterface {
  name = 'RsvpIds1764510000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_rsvp ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`);
    await db.query(`ALTER TABLE event_rsvp ADD CONSTRAINT event_rsvp_id_key UNIQUE (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_rsvp DROP COLUMN id`);
  }
}
