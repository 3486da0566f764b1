import { Injectable } from '@nestjs/common';
import type { Language } from '@crm/i18n';
import { DataSource, type EntityManager } from 'typeorm';

export interface DigestCandidate {
  userId: string;
  email: string;
  name: string;
  language: Language;
  localDate: string;
}

export interface FollowUpLine {
  id: string;
  personId: string;
  personName: string;
  doNotContact: boolean;
  followUpOn: string;
  channel: string;
  outcome: string;
  occurredOn: string;
}

@Injectable()
export class DigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Staff and coordinators whose local time at `at` is within `windowHours` after
   * `hour` (their zone, else `defaultZone`), who have no digest row for that local
   * date yet: a tick that runs late still finds them, once.
   */
  async candidates(at: Date, hour: number, windowHours: number, defaultZone: string): Promise<DigestCandidate[]> {
    return this.dataSource.query(
      `WITH u AS (
         SELECT u.id, u.email, u.name, u.preferred_language,
                (($1::timestamptz) AT TIME ZONE coalesce(z.name, $4)) AS local_time
           FROM app_user u
           LEFT JOIN pg_timezone_names z ON z.name = u.time_zone
          WHERE u.active AND u.role IN ('ADMIN', 'STAFF', 'COORDINATOR'))
       SELECT u.id AS "userId", u.email, u.name, u.preferred_language AS language, to_char(u.local_time, 'YYYY-MM-DD') AS "localDate"
         FROM u
        WHERE ((extract(hour FROM u.local_time)::int - $2 + 24) % 24) < $3
          AND NOT EXISTS (SELECT 1 FROM digest_sent d WHERE d.user_id = u.id AND d.digest_date = u.local_time::date)
        ORDER BY u.id`,
      [at.toISOString(), hour, windowHours, defaultZone],
    );
  }

  /** Claims the day's digest for a user (in the caller's transaction); false when it was claimed already. */
  async claim(manager: EntityManager, userId: string, date: string): Promise<boolean> {
    const rows = await manager.query(`INSERT INTO digest_sent (user_id, digest_date) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id`, [userId, date]);
    return rows.length > 0;
  }

  async recordMail(manager: EntityManager, userId: string, date: string, mailMessageId: string): Promise<void> {
    await manager.query(`UPDATE digest_sent SET mail_message_id = $3 WHERE user_id = $1 AND digest_date = $2`, [userId, date, mailMessageId]);
  }

  /** Open follow-ups the user owns, due on or before their date (do-not-contact people too: the digest is for staff). */
  async dueFollowUps(manager: EntityManager, userId: string, date: string): Promise<FollowUpLine[]> {
    return manager.query(
      `SELECT o.id, o.person_id AS "personId", trim(p.first_name || ' ' || p.last_name) AS "personName", p.do_not_contact AS "doNotContact",
              to_char(o.follow_up_on, 'YYYY-MM-DD') AS "followUpOn", o.channel, o.outcome, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn"
         FROM outreach o JOIN person p ON p.id = o.person_id
        WHERE o.follow_up_owner_id = $1 AND o.follow_up_on IS NOT NULL AND o.follow_up_done_at IS NULL AND o.archived_at IS NULL
          AND p.archived_at IS NULL AND o.follow_up_on <= $2::date
        ORDER BY o.follow_up_on, o.id
        LIMIT 100`,
      [userId, date],
    );
  }
}
