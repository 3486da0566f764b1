import { Injectable } from '@nestjs/common';
import { canReadField, type SubjectName } from '@crm/authz';
import type { TimelineArgs } from '@crm/contracts';
import { ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import { TimelineRepository, type TimelineRow } from './timeline.repository';
import { TimelineSubjects } from './timeline-subjects';

/** What the caller is shown of an entry: `recordId` is null when they may not read that record. */
export type TimelineView = Omit<TimelineRow, 'recordId'> & { recordId: string | null };

@Injectable()
export class TimelineService {
  constructor(
    private readonly repository: TimelineRepository,
    private readonly subjects: TimelineSubjects,
  ) {}

  async list(ctx: RequestContext, args: TimelineArgs, first: number, after: string | null | undefined) {
    // A type the role may not read at all is FORBIDDEN whatever the id (no probing);
    // a record out of scope answers as a missing one.
    if (!ctx.ability.can('read', args.subjectType)) throw new ForbiddenException();
    const subject = await this.subjects.ruleFields(ctx, args.subjectType, args.subjectId);
    if (!subject) throw new NotFoundException(args.subjectType);
    const page = await this.repository.list(args.subjectType, args.subjectId, first, after);
    const visible = await this.visibleRecords(ctx, page.rows);
    const rows = page.rows.flatMap((row): TimelineView[] => {
      const fields = readableFields(ctx, args.subjectType, subject, row);
      // A change of only fields the caller may not read did not happen, as far as they can tell.
      if (fields && fields.length === 0) return [];
      const known = visible(row);
      return [
        {
          ...row,
          recordId: known ? row.recordId : null,
          summary: { ...(known ? row.summary : withoutIds(row.summary)), ...(fields ? { fields } : {}) },
          // Who did it is a user's name: shown only to those who may read it.
          actorName: row.actorId && canReadField(ctx.ability, 'read', 'User', 'name', { id: row.actorId }) ? row.actorName : null,
        },
      ];
    });
    return { ...page, rows };
  }

  /** Whether the caller may read the record each entry is about (one query per record type on the page). */
  private async visibleRecords(ctx: RequestContext, rows: TimelineRow[]): Promise<(row: TimelineRow) => boolean> {
    const others = rows.filter((row) => !(row.recordType === row.subjectType && row.recordId === row.subjectId));
    const byType = new Map<string, Set<string>>();
    for (const row of others) byType.set(row.recordType, (byType.get(row.recordType) ?? new Set()).add(row.recordId));
    const visible = new Map<string, Set<string>>();
    for (const [type, ids] of byType) visible.set(type, await this.subjects.visibleIds(ctx, type, [...ids]));
    return (row) => (row.recordType === row.subjectType && row.recordId === row.subjectId) || (visible.get(row.recordType)?.has(row.recordId) ?? false);
  }
}

/** The changed fields the caller may read, when the entry lists changed fields of its own subject. */
function readableFields(ctx: RequestContext, subjectType: SubjectName, subject: object, row: TimelineRow): string[] | null {
  const fields = row.summary.fields;
  if (!Array.isArray(fields) || row.recordId !== row.subjectId) return null;
  return fields.filter((field): field is string => typeof field === 'string' && canReadField(ctx.ability, 'read', subjectType, field, subject));
}

/** What may be said of a record the caller may not read: that something happened, without whom or which. */
function withoutIds(summary: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).filter(([key]) => !/(^id|Id|Ids)$/.test(key)));
}
