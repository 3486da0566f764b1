import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Guests are told when an event is cancelled (decision 117): a fifth kind of event mail. */
export class EventCancellationMail1764520000001 implements MigrationInterface {
  name = 'EventCancellationMail1764520000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event_mail DROP CONSTRAINT event_mail_kind_check`);
    await db.query(
      `ALTER TABLE event_mail ADD CONSTRAINT event_mail_kind_check CHECK (kind IN ('invitation', 'confirmation', 'waitlist', 'reminder', 'cancellation'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM event_mail WHERE kind = 'cancellation'`);
    await db.query(`ALTER TABLE event_mail DROP CONSTRAINT event_mail_kind_check`);
    await db.query(`ALTER TABLE event_mail ADD CONSTRAINT event_mail_kind_check CHECK (kind IN ('invitation', 'confirmation', 'waitlist', 'reminder'))`);
  }
}
