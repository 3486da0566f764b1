import { Injectable } from '@nestjs/common';
import type { AppAbility } from '@crm/authz';
import type { RsvpResponse } from '@crm/contracts';
import type { LadderFact } from '@crm/engagement';
import { personScopeColumns } from '@crm/people';
import { SqlParams } from '@crm/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { eventPersonColumns, type EventPersonRow } from './event.repository';

export interface RsvpRow {
  eventId: string;
  person: EventPersonRow;
  response: RsvpResponse;
  invitedAt: Date | null;
  respondedAt: Date | null;
  waitlistedAt: Date | null;
  checkedInAt: Date | null;
}

export interface RsvpState {
  response: RsvpResponse;
  checkedInAt: Date | null;
}

export interface RsvpCounts {
  eventId: string;
  invited: number;
  yes: number;
  maybe: number;
  no: number;
  waitlisted: number;
  walkIns: number;
  attended: number;
}

/** Guests of one event are bounded: invitations come 200 at a time and a list shows at most this many. */
export const rsvpListMax = 2000;

@Injectable()
export class RsvpRepository {
  constructor(private readonly dataSource: DataSource) {}

  async state(manager: EntityManager, eventId: string, personId: string): Promise<RsvpState | null> {
    const rows: RsvpState[] = await manager.query(
      `SELECT response, checked_in_at AS "checkedInAt" FROM event_rsvp WHERE event_id = $1 AND person_id = $2 FOR UPDATE`,
      [eventId, personId],
    );
    return rows[0] ?? null;
  }

  /** Places taken: "yes" answers (walk-ins and maybes take none). Read under the event's lock. */
  async confirmedCount(manager: EntityManager, eventId: string): Promise<number> {
    const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM event_rsvp WHERE event_id = $1 AND response = 'yes'`, [eventId]);
    return count;
  }

  async setResponse(manager: EntityManager, eventId: string, personId: string, response: RsvpResponse, actorId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO event_rsvp (event_id, person_id, response, responded_at, waitlisted_at, created_by_id)
       VALUES ($1, $2, $3, now(), CASE WHEN $3 = 'waitlisted' THEN clock_timestamp() END, $4)
       ON CONFLICT (event_id, person_id) DO UPDATE
         SET response = EXCLUDED.response, responded_at = now(), updated_at = now(),
             waitlisted_at = CASE WHEN EXCLUDED.response = 'waitlisted' THEN coalesce(event_rsvp.waitlisted_at, clock_timestamp()) END`,
      [eventId, personId, response, actorId],
    );
  }

  /** Invites those not on the list yet; answers the ids newly invited. */
  async invite(manager: EntityManager, eventId: string, personIds: string[], actorId: string | null): Promise<string[]> {
    const rows: { person_id: string }[] = await manager.query(
      `INSERT INTO event_rsvp (event_id, person_id, response, invited_at, created_by_id)
       SELECT $1, unnest($2::uuid[]), 'invited', now(), $3
       ON CONFLICT (event_id, person_id) DO NOTHING
       RETURNING person_id`,
      [eventId, personIds, actorId],
    );
    return rows.map((row) => row.person_id);
  }

  /** Attendance: a person without an RSVP comes in as a walk-in; un-ticking a walk-in removes them again. */
  async setAttendance(manager: EntityManager, eventId: string, personId: string, attended: boolean, actorId: string | null): Promise<void> {
    if (attended) {
      await manager.query(
        `INSERT INTO event_rsvp (event_id, person_id, response, checked_in_at, created_by_id) VALUES ($1, $2, 'walk_in', now(), $3)
         ON CONFLICT (event_id, person_id) DO UPDATE SET checked_in_at = coalesce(event_rsvp.checked_in_at, now()), updated_at = now()`,
        [eventId, personId, actorId],
      );
    } else {
      await manager.query(`DELETE FROM event_rsvp WHERE event_id = $1 AND person_id = $2 AND response = 'walk_in'`, [eventId, personId]);
      await manager.query(`UPDATE event_rsvp SET checked_in_at = NULL, updated_at = now() WHERE event_id = $1 AND person_id = $2`, [eventId, personId]);
    }
  }

  /**
   * Moves the longest-waiting "yes" answers into the places free under `capacity`
   * (all of them when there is none); answers who moved. Runs under the event's lock.
   */
  async promote(manager: EntityManager, eventId: string, capacity: number | null): Promise<string[]> {
    // An UPDATE answers [rows, affected count] (TypeORM 1.x).
    const [rows]: [{ person_id: string }[], number] = await manager.query(
      `WITH free AS (
         SELECT CASE WHEN $2::int IS NULL THEN NULL ELSE greatest($2::int - count(*), 0) END AS places
           FROM event_rsvp WHERE event_id = $1 AND response = 'yes'),
       next AS (
         SELECT person_id FROM event_rsvp WHERE event_id = $1 AND response = 'waitlisted'
          ORDER BY waitlisted_at, person_id LIMIT (SELECT places FROM free))
       UPDATE event_rsvp r SET response = 'yes', waitlisted_at = NULL, updated_at = now()
         FROM next WHERE r.event_id = $1 AND r.person_id = next.person_id
       RETURNING r.person_id`,
      [eventId, capacity],
    );
    return rows.map((row) => row.person_id);
  }

  /** The guests of some events the ability may read, by name (one statement for all). */
  async listOf(ability: AppAbility, eventIds: readonly string[]): Promise<RsvpRow[]> {
    const params = new SqlParams();
    const rows: (Omit<RsvpRow, 'person'> & EventPersonRow & { personId: string })[] = await this.dataSource.query(
      `SELECT r.event_id AS "eventId", r.response, r.invited_at AS "invitedAt", r.responded_at AS "respondedAt",
              r.waitlisted_at AS "waitlistedAt", r.checked_in_at AS "checkedInAt", ${eventPersonColumns}
         FROM event_rsvp r JOIN person p ON p.id = r.person_id
        WHERE r.event_id = ANY(${params.add(eventIds)}::uuid[]) AND ${params.scope(ability, 'read', 'Person', personScopeColumns)}
        ORDER BY r.event_id, f_search_norm(p.last_name), f_search_norm(p.first_name), p.id
        LIMIT ${params.add(rsvpListMax * eventIds.length)}`,
      params.values,
    );
    return rows.map(({ id, firstName, lastName, provinceCode, engagementStage, ...rest }) => ({
      ...rest,
      person: { id, firstName, lastName, provinceCode, engagementStage },
    }));
  }

  /** Counts per event (no names: whoever may read the event may read these). */
  async countsOf(eventIds: readonly string[]): Promise<RsvpCounts[]> {
    return this.dataSource.query(
      `SELECT e.id AS "eventId",
              count(*) FILTER (WHERE r.response = 'invited')::int AS invited,
              count(*) FILTER (WHERE r.response = 'yes')::int AS yes,
              count(*) FILTER (WHERE r.response = 'maybe')::int AS maybe,
              count(*) FILTER (WHERE r.response = 'no')::int AS no,
              count(*) FILTER (WHERE r.response = 'waitlisted')::int AS waitlisted,
              count(*) FILTER (WHERE r.response = 'walk_in')::int AS "walkIns",
              count(*) FILTER (WHERE r.checked_in_at IS NOT NULL)::int AS attended
         FROM unnest($1::uuid[]) AS e(id) LEFT JOIN event_rsvp r ON r.event_id = e.id
        GROUP BY e.id`,
      [eventIds],
    );
  }

  /**
   * The ladder's event facts of some people: the latest event attended (checked in)
   * and the latest held event they hosted. Dates are the events' local dates.
   */
  async ladderFacts(manager: EntityManager, personIds: readonly string[]): Promise<LadderFact[]> {
    const rows: { personId: string; kind: 'attended' | 'hosted'; on: string; id: string; eventKind: string }[] = await manager.query(
      `SELECT DISTINCT ON (x.person_id, x.fact) x.person_id AS "personId", x.fact AS kind, to_char(x.on, 'YYYY-MM-DD') AS on, x.id, x.kind AS "eventKind"
         FROM (SELECT r.person_id, e.id, e.kind, 'attended' AS fact, (e.starts_at AT TIME ZONE e.time_zone)::date AS on
                 FROM event_rsvp r JOIN event e ON e.id = r.event_id
                WHERE r.person_id = ANY($1::uuid[]) AND r.checked_in_at IS NOT NULL AND e.status <> 'cancelled'
               UNION ALL
               SELECT h.person_id, e.id, e.kind, 'hosted', (e.starts_at AT TIME ZONE e.time_zone)::date
                 FROM event_host h JOIN event e ON e.id = h.event_id
                WHERE h.person_id = ANY($1::uuid[]) AND e.status = 'held') x
        ORDER BY x.person_id, x.fact, x.on DESC, x.id DESC`,
      [personIds],
    );
    return rows.map((row) => ({
      personId: row.personId,
      kind: row.kind,
      on: row.on,
      recordType: 'Event',
      recordId: row.id,
      detail: { eventKind: row.eventKind },
    }));
  }

  async attendeeIds(manager: EntityManager, eventId: string): Promise<string[]> {
    const rows: { person_id: string }[] = await manager.query(`SELECT person_id FROM event_rsvp WHERE event_id = $1 AND checked_in_at IS NOT NULL`, [eventId]);
    return rows.map((row) => row.person_id);
  }
}
