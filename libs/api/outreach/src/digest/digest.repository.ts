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

  /**
   * Claims the day's digest of many users at once (in the caller's transaction), in user
   * id order so that two workers claiming overlapping batches wait for each other instead
   * of deadlocking. Answers the users claimed now; the others were claimed already.
   */
  async claimMany(manager: EntityManager, claims: readonly { userId: string; date: string }[]): Promise<Set<string>> {
    if (claims.length === 0) return new Set();
    const rows: { user_id: string }[] = await manager.query(
      `INSERT INTO digest_sent (user_id, digest_date)
       SELECT x.user_id, x.digest_date FROM unnest($1::uuid[], $2::date[]) AS x(user_id, digest_date) ORDER BY x.user_id
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [claims.map((claim) => claim.userId), claims.map((claim) => claim.date)],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  /** Links each claimed day to the e-mail it queued (one statement). */
  async recordMails(manager: EntityManager, sent: readonly { userId: string; date: string; mailMessageId: string }[]): Promise<void> {
    if (sent.length === 0) return;
    await manager.query(
      `UPDATE digest_sent d SET mail_message_id = x.mail_id
         FROM unnest($1::uuid[], $2::date[], $3::uuid[]) AS x(user_id, digest_date, mail_id)
        WHERE d.user_id = x.user_id AND d.digest_date = x.digest_date`,
      [sent.map((row) => row.userId), sent.map((row) => row.date), sent.map((row) => row.mailMessageId)],
    );
  }

  /**
   * Each user's open follow-ups due on or before their own date (do-not-contact people too:
   * the digest is for staff), oldest first, at most 100 each: one statement for all of them,
   * each user's read through outreach_follow_up_idx.
   */
  async dueFollowUps(manager: EntityManager, users: readonly { userId: string; date: string }[]): Promise<Map<string, FollowUpLine[]>> {
    const byUser = new Map<string, FollowUpLine[]>();
    if (users.length === 0) return byUser;
    const rows: (FollowUpLine & { userId: string })[] = await manager.query(
      `SELECT r.user_id AS "userId", f.*
         FROM unnest($1::uuid[], $2::date[]) AS r(user_id, local_date)
         CROSS JOIN LATERAL (
           SELECT o.id, o.person_id AS "personId", trim(p.first_name || ' ' || p.last_name) AS "personName", p.do_not_contact AS "doNotContact",
                  to_char(o.follow_up_on, 'YYYY-MM-DD') AS "followUpOn", o.channel, o.outcome, to_char(o.occurred_on, 'YYYY-MM-DD') AS "occurredOn"
             FROM outreach o JOIN person p ON p.id = o.person_id
            WHERE o.follow_up_owner_id = r.user_id AND o.follow_up_on IS NOT NULL AND o.follow_up_done_at IS NULL AND o.archived_at IS NULL
              AND p.archived_at IS NULL AND o.follow_up_on <= r.local_date
            ORDER BY o.follow_up_on, o.id
            LIMIT 100) f
        ORDER BY r.user_id, f."followUpOn", f.id`,
      [users.map((user) => user.userId), users.map((user) => user.date)],
    );
    for (const { userId, ...line } of rows) {
      const list = byUser.get(userId);
      if (list) list.push(line);
      else byUser.set(userId, [line]);
    }
    return byUser;
  }
}
