import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail to the people on an event's list (issue 12, decision 117): a message may carry
 * small files (a confirmation's `.ics`); `event_mail` says, per person, event and kind,
 * whether a message was queued or withheld and why (the staff page shows it), and its
 * unique reminder row is the claim that makes the day-before reminder go out once. An
 * RSVP may hold the hash of the secret token of its public answer page.
 */
export class EventMail1764520000000 implements MigrationInterface {
  name = 'EventMail1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mail_message ADD COLUMN attachments jsonb`);
    await db.query(`
      CREATE TABLE event_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        kind text NOT NULL CHECK (kind IN ('invitation', 'confirmation', 'waitlist', 'reminder')),
        outcome text NOT NULL CHECK (outcome IN ('queued', 'withheld')),
        reason text CHECK (reason IN ('doNotContact', 'noEmailConsent', 'noAddress')),
        mail_message_id uuid REFERENCES mail_message(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((outcome = 'withheld') = (reason IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX event_mail_event_idx ON event_mail (event_id, person_id, created_at DESC)`);
    await db.query(`CREATE INDEX event_mail_person_idx ON event_mail (person_id)`);
    // One reminder per person and event, whatever the number of workers, retries or ticks.
    await db.query(`CREATE UNIQUE INDEX event_mail_reminder_once ON event_mail (event_id, person_id) WHERE kind = 'reminder'`);
    await db.query(`ALTER TABLE event_rsvp ADD COLUMN answer_token_hash bytea`);
    await db.query(`CREATE UNIQUE INDEX event_rsvp_answer_token_idx ON event_rsvp (answer_token_hash) WHERE answer_token_hash IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX event_rsvp_answer_token_idx`);
    await db.query(`ALTER TABLE event_rsvp DROP COLUMN answer_token_hash`);
    await db.query(`DROP TABLE event_mail`);
    await db.query(`ALTER TABLE mail_message DROP COLUMN attachments`);
  }
}
