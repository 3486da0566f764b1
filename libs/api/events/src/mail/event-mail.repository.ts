import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import { personScopeColumns } from '@crm/people';
import { SqlParams } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { eventColumns, type EventRow } from '../event.row';

export type EventMailKind = 'invitation' | 'confirmation' | 'waitlist' | 'reminder' | 'cancellation';
export type EventMailReason = 'doNotContact' | 'noEmailConsent' | 'noAddress';

/** What the staff page shows per guest and kind of message: the latest. */
export interface EventMailNoticeRow {
  personId: string;
  kind: EventMailKind;
  /** queued, sent (or stored, no relay configured), failed, or withheld with its reason. */
  outcome: 'queued' | 'sent' | 'failed' | 'withheld';
  reason: EventMailReason | null;
  at: Date;
}

/** The record of mail to the people on an event's list (decision 117), and the reminders' claims. */
@Injectable()
export class EventMailRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    row: { eventId: string; personId: string; kind: EventMailKind; reason: EventMailReason | null; mailMessageId: string | null },
  ): Promise<void> {
    await manager.query(`INSERT INTO event_mail (event_id, person_id, kind, outcome, reason, mail_message_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      row.eventId,
      row.personId,
      row.kind,
      row.reason ? 'withheld' : 'queued',
      row.reason,
      row.mailMessageId,
    ]);
  }

  /**
   * Claims a person's reminder for an event, in the caller's transaction (unique on event
   * and person): false when it was claimed already — by another worker, an earlier run of
   * the tick, or a retry. Two claims at once: the second waits for the first and gets false.
   */
  async claimReminder(manager: EntityManager, eventId: string, personId: string, reason: EventMailReason | null): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO event_mail (event_id, person_id, kind, outcome, reason) VALUES ($1, $2, 'reminder', $3, $4)
       ON CONFLICT (event_id, person_id) WHERE kind = 'reminder' DO NOTHING RETURNING id`,
      [eventId, personId, reason ? 'withheld' : 'queued', reason],
    );
    return rows[0]?.id ?? null;
  }

  async attachMessage(manager: EntityManager, id: string, mailMessageId: string): Promise<void> {
    await manager.query(`UPDATE event_mail SET mail_message_id = $2 WHERE id = $1`, [id, mailMessageId]);
  }

  /**
   * Events whose reminders are due at `at`: not held, cancelled or archived, starting on
   * the next calendar day in their own zone, once their own clock reads `hour` or later
   * (a tick that runs late that day still finds them).
   */
  async remindable(at: Date, hour: number): Promise<EventRow[]> {
    return this.dataSource.query(
      `SELECT ${eventColumns} FROM event e
        WHERE e.status IN ('planned', 'confirmed') AND e.archived_at IS NULL
          AND e.starts_at > $1::timestamptz AND e.starts_at < $1::timestamptz + interval '50 hours'
          AND (e.starts_at AT TIME ZONE e.time_zone)::date = ($1::timestamptz AT TIME ZONE e.time_zone)::date + 1
          AND extract(hour FROM $1::timestamptz AT TIME ZONE e.time_zone) >= $2
        ORDER BY e.starts_at, e.id`,
      [at.toISOString(), hour],
    );
  }

  /** Who is to be reminded of an event: those who said yes or maybe, not yet reminded. */
  async toRemind(eventId: string): Promise<string[]> {
    const rows: { personId: string }[] = await this.dataSource.query(
      `SELECT r.person_id AS "personId" FROM event_rsvp r
        WHERE r.event_id = $1 AND r.response IN ('yes', 'maybe')
          AND NOT EXISTS (SELECT 1 FROM event_mail m WHERE m.event_id = r.event_id AND m.person_id = r.person_id AND m.kind = 'reminder')
        ORDER BY r.person_id`,
      [eventId],
    );
    return rows.map((row) => row.personId);
  }

  /** Who is told of a cancellation: everyone on the list but those who said no and walk-ins. */
  async toTellOfCancellation(manager: EntityManager, eventId: string): Promise<string[]> {
    const rows: { personId: string }[] = await manager.query(
      `SELECT person_id AS "personId" FROM event_rsvp WHERE event_id = $1 AND response IN ('invited', 'yes', 'maybe', 'waitlisted') ORDER BY person_id`,
      [eventId],
    );
    return rows.map((row) => row.personId);
  }

  /** The latest message of each kind to each guest the ability may read (names stay on the list itself). */
  async notices(ability: AppAbility, eventId: string): Promise<EventMailNoticeRow[]> {
    const params = new SqlParams();
    return this.dataSource.query(
      `SELECT DISTINCT ON (m.person_id, m.kind) m.person_id AS "personId", m.kind, m.reason, m.created_at AS at,
              CASE WHEN m.outcome = 'withheld' THEN 'withheld'
                   WHEN mm.status IN ('sent', 'stored') THEN 'sent'
                   WHEN mm.status = 'failed' THEN 'failed'
                   ELSE 'queued' END AS outcome
         FROM event_mail m JOIN person p ON p.id = m.person_id
         LEFT JOIN mail_message mm ON mm.id = m.mail_message_id
        WHERE m.event_id = ${params.add(eventId)} AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY m.person_id, m.kind, m.created_at DESC, m.id`,
      params.values,
    );
  }

  /** Gives an invited person's answer page a new secret (only its hash is kept). */
  async setAnswerToken(manager: EntityManager, eventId: string, personId: string, hash: Buffer): Promise<void> {
    await manager.query(`UPDATE event_rsvp SET answer_token_hash = $3 WHERE event_id = $1 AND person_id = $2`, [eventId, personId, hash]);
  }

  /** The event and person an answer page's token opens (no scope: the token is the access). */
  async byAnswerToken(manager: EntityManager, hash: Buffer): Promise<{ eventId: string; personId: string; response: string; language: 'en' | 'fr' } | null> {
    const rows: { eventId: string; personId: string; response: string; language: 'en' | 'fr' }[] = await manager.query(
      `SELECT r.event_id AS "eventId", r.person_id AS "personId", r.response, p.preferred_language AS language FROM event_rsvp r
         JOIN person p ON p.id = r.person_id AND p.archived_at IS NULL
        WHERE r.answer_token_hash = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }

  /** An event by id, locked when asked (the public answer page: its token was checked first). */
  async event(manager: EntityManager, id: string, lock: boolean): Promise<EventRow | null> {
    const rows: EventRow[] = await manager.query(
      `SELECT ${eventColumns} FROM event e WHERE e.id = $1 AND e.archived_at IS NULL ${lock ? 'FOR UPDATE OF e' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }
}
