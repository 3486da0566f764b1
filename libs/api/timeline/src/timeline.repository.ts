import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor, readCursor } from '@crm/platform';
import { DataSource } from 'typeorm';
import type { TimelineSubjectType } from './activity-recorder';

export interface TimelineRow {
  id: string;
  at: Date;
  kind: string;
  subjectType: TimelineSubjectType;
  subjectId: string;
  recordType: string;
  recordId: string;
  actorId: string | null;
  actorName: string | null;
  summary: Record<string, unknown>;
}

@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; the cursor is (at, id) with `at` kept to the microsecond as UTC text. */
  async list(subjectType: TimelineSubjectType, subjectId: string, first: number, after: string | null | undefined) {
    const params: unknown[] = [subjectType, subjectId];
    let keyset = '';
    // Cursors written before ids were strings carried a number: both are read.
    const cursor = after ? readCursor(legacyNumberAsText(after), ['timestamp', 'bigint'] as const) : null;
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (a.at, a.id) < ($3::timestamp AT TIME ZONE 'UTC', $4::bigint)`;
    }
    params.push(first + 1);
    const rows: (TimelineRow & { atKey: string })[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.at, a.kind, a.subject_type AS "subjectType", a.subject_id AS "subjectId",
              a.record_type AS "recordType", a.record_id AS "recordId", a.actor_id AS "actorId", u.name AS "actorName", a.summary,
              to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "atKey"
         FROM activity a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.subject_type = $1 AND a.subject_id = $2 ${keyset}
        ORDER BY a.at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page[page.length - 1];
    return {
      rows: page.map(({ atKey: _k, ...row }) => row),
      hasNextPage: rows.length > first,
      endCursor: last ? encodeCursor([last.atKey, last.id]) : null,
    };
  }
}

/** A cursor whose id was written as a number reads as the same cursor with the id as text. */
function legacyNumberAsText(after: string): string {
  const values = decodeCursor(after, 2);
  return values && typeof values[1] === 'number' ? encodeCursor([values[0], String(values[1])]) : after;
}
