import { Injectable } from '@nestjs/common';
import type { Action, AppAbility } from '@crm/authz';
import type { RsvpListFilter, RsvpResponse } from '@crm/contracts';
import type { LadderFact } from '@crm/engagement';
import { personScopeColumns } from '@crm/people';
import { encodeCursor, readCursor, SqlParams } from '@crm/platform';
import { keysetPage, type ExportQuery, type TransferLang } from '@crm/records';
import { DataSource, type EntityManager } from 'typeorm';
import { eventPersonColumns, type EventPersonRow } from './event.repository';
import { eventScopeColumns } from './event.row';

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

/** One answer in the list of answers across events (`eventRsvps`). */
export interface RsvpListRow {
  id: string;
  eventId: string;
  eventTitleEn: string;
  eventTitleFr: string | null;
  eventStartsAt: Date;
  eventTimeZone: string;
  person: EventPersonRow;
  response: RsvpResponse;
  invitedAt: Date | null;
  respondedAt: Date | null;
  checkedInAt: Date | null;
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

  /** How many answers the list's filter matches. */
  async count(ability: AppAbility, filter: RsvpListFilter): Promise<number> {
    const params = new SqlParams();
    const where = rsvpListWhere(params, ability, 'read', filter);
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ${rsvpListFrom} WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return rows[0].count;
  }

  /** Answers across events by the events' start, then by name (keyset), as far as the ability may read events and people. */
  async list(ability: AppAbility, filter: RsvpListFilter, first: number, after: string | null | undefined) {
    const params = new SqlParams();
    const where = rsvpListWhere(params, ability, 'read', filter);
    const cursor = readCursor(after, ['timestamp', 'uuid', 'text', 'text', 'uuid'] as const);
    if (cursor) {
      const [startsAt, eventId, last, firstName, id] = cursor;
      where.push(
        `(e.starts_at, e.id, f_search_norm(p.last_name), f_search_norm(p.first_name), r.id)
           > (${params.add(startsAt)}::timestamptz, ${params.add(eventId)}::uuid, ${params.add(last)}, ${params.add(firstName)}, ${params.add(id)}::uuid)`,
      );
    }
    type Raw = Omit<RsvpListRow, 'id' | 'person'> & EventPersonRow & { rsvpId: string; k1: string; k3: string; k4: string };
    const rows: Raw[] = await this.dataSource.query(
      `SELECT r.id AS "rsvpId", r.event_id AS "eventId", e.title_en AS "eventTitleEn", e.title_fr AS "eventTitleFr", e.starts_at AS "eventStartsAt",
              e.time_zone AS "eventTimeZone", r.response, r.invited_at AS "invitedAt", r.responded_at AS "respondedAt", r.checked_in_at AS "checkedInAt",
              ${eventPersonColumns},
              to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS k1,
              f_search_norm(p.last_name) AS k3, f_search_norm(p.first_name) AS k4
         FROM ${rsvpListFrom} WHERE ${where.join(' AND ')}
        ORDER BY ${rsvpListOrder} LIMIT ${params.add(first + 1)}`,
      params.values,
    );
    const shaped = rows.map(({ id: personId, firstName, lastName, provinceCode, engagementStage, rsvpId, ...row }) => ({
      ...row,
      id: rsvpId,
      person: { id: personId, firstName, lastName, provinceCode, engagementStage },
    }));
    return keysetPage(shaped, first, (last) => encodeCursor([last.k1, last.eventId, last.k3, last.k4, last.id]), ['k1', 'k3', 'k4']);
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

const rsvpListFrom = 'event_rsvp r JOIN event e ON e.id = r.event_id JOIN person p ON p.id = r.person_id';

/** The ORDER BY of the answers list (the list and its CSV export share it). */
export const rsvpListOrder = 'e.starts_at, e.id, f_search_norm(p.last_name), f_search_norm(p.first_name), r.id';

/**
 * The WHERE of the answers list for `action` on the event: the events the ability may
 * `action` and, since the list names people, only the people it may read; then the filter.
 */
export function rsvpListWhere(params: SqlParams, ability: AppAbility, action: Action, filter: RsvpListFilter): string[] {
  const where = [
    params.scope(ability, action, 'Event', eventScopeColumns),
    params.scope(ability, 'read', 'Person', personScopeColumns),
    'e.archived_at IS NULL',
  ];
  if (filter.eventId) where.push(`r.event_id = ${params.add(filter.eventId)}`);
  if (filter.campaignId) where.push(`e.campaign_id = ${params.add(filter.campaignId)}`);
  if (filter.provinceCodes?.length) where.push(`e.province_code = ANY(${params.add(filter.provinceCodes)}::text[])`);
  if (filter.responses?.length) where.push(`r.response = ANY(${params.add(filter.responses)}::text[])`);
  if (filter.attended !== undefined) where.push(filter.attended ? 'r.checked_in_at IS NOT NULL' : 'r.checked_in_at IS NULL');
  return where;
}

/** The answers list as a CSV export: its WHERE with the `export` scope on events, its order; names as the list shows them. */
export function rsvpExportQuery(ability: AppAbility, filter: RsvpListFilter, lang: TransferLang): ExportQuery {
  const params = new SqlParams();
  const where = rsvpListWhere(params, ability, 'export', filter);
  return {
    sql: `SELECT r.id, r.event_id, ${lang === 'fr' ? 'coalesce(e.title_fr, e.title_en)' : 'e.title_en'} AS event_title, e.province_code,
                 to_char(e.starts_at AT TIME ZONE e.time_zone, 'YYYY-MM-DD HH24:MI') AS starts_local, e.time_zone, r.person_id,
                 trim(p.first_name || ' ' || p.last_name) AS person_name, r.response, r.invited_at, r.responded_at, r.checked_in_at
            FROM ${rsvpListFrom}
           WHERE ${where.join(' AND ')}
           ORDER BY ${rsvpListOrder}`,
    params: params.values,
  };
}
