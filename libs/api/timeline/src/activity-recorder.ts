import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@crm/platform';
import type { EntityManager } from 'typeorm';

export type TimelineSubjectType = 'Organization' | 'Person' | 'Story' | 'ToolkitRequest';

export interface ActivityEntry {
  subjectType: TimelineSubjectType;
  subjectId: string;
  /** Dotted, e.g. `record.created`, `affiliation.added`, later `outreach.recorded`. */
  kind: string;
  /** The record the entry is about (the subject itself, or an outreach, pledge…). */
  recordType: string;
  recordId: string;
  /** Ids, counts and field names only: never personal values (the timeline is not masked). */
  summary?: Record<string, unknown>;
  /** When it happened, if not now (an outreach dated last week). */
  at?: Date;
}

/**
 * The small API every module appends its timeline entries through, in the
 * caller's transaction: the entry exists exactly when the change does.
 */
@Injectable()
export class ActivityRecorder {
  async append(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actor'> | null,
    entries: ActivityEntry[],
    /** Another write (numbered from $1) sent in the same statement, before the entries (decision 115). */
    along?: { sql: string; params: unknown[] },
  ): Promise<void> {
    if (entries.length === 0) {
      if (along) await manager.query(along.sql, along.params);
      return;
    }
    const rows = entries.map((entry) => ({
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      actor_id: ctx?.actor?.id ?? null,
      kind: entry.kind,
      record_type: entry.recordType,
      record_id: entry.recordId,
      summary: entry.summary ?? {},
      at: entry.at?.toISOString() ?? null,
    }));
    const param = `$${(along?.params.length ?? 0) + 1}`;
    await manager.query(
      `${along ? `WITH along AS (${along.sql}) ` : ''}INSERT INTO activity (subject_type, subject_id, actor_id, kind, record_type, record_id, summary, at)
       SELECT x.subject_type, x.subject_id, x.actor_id, x.kind, x.record_type, x.record_id, x.summary, COALESCE(x.at, clock_timestamp())
         FROM jsonb_to_recordset(${param}::jsonb) AS x(subject_type text, subject_id uuid, actor_id uuid, kind text, record_type text,
                                                 record_id uuid, summary jsonb, at timestamptz)`,
      [...(along?.params ?? []), JSON.stringify(rows)],
    );
  }

  /** Merges: the duplicate's history becomes the survivor's. Returns how many entries moved. */
  async moveSubject(manager: EntityManager, subjectType: TimelineSubjectType, fromId: string, toId: string): Promise<number> {
    const [, moved]: [unknown[], number] = await manager.query(`UPDATE activity SET subject_id = $3 WHERE subject_type = $1 AND subject_id = $2`, [
      subjectType,
      fromId,
      toId,
    ]);
    return moved;
  }
}
