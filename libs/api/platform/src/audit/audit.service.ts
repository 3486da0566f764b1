import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../access/request-context';

export const MASKED = '•••';

// Never recorded, even masked: they change on every write or are secrets.
const ignoredFields = new Set(['updatedAt', 'createdAt', 'version', 'passwordHash', 'tokenHash']);

export interface AuditInput {
  /** e.g. "user.invite", "person.update". */
  action: string;
  subjectType: string;
  subjectId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields whose values are personal: recorded as changed, values masked. */
  personalFields?: readonly string[];
  /**
   * What the change is about when the subject alone does not say it (whose answer an RSVP
   * entry records): recorded with both sides equal, before the changed fields. Not personal values.
   */
  context?: Record<string, unknown>;
}

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Which fields differ between two versions of a record; personal values masked. */
export function diffForAudit(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  personal: readonly string[] = [],
): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignoredFields.has(key)) continue;
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const masked = personal.includes(key);
    changes[key] = { from: masked && from !== null ? MASKED : from, to: masked && to !== null ? MASKED : to };
  }
  return changes;
}

/** The stored `changes` of an entry: its context (both sides equal), then what changed. */
function entryChanges(input: AuditInput): FieldChanges {
  const context = Object.fromEntries(Object.entries(input.context ?? {}).map(([field, value]) => [field, { from: value, to: value }]));
  return { ...context, ...diffForAudit(input.before, input.after, input.personalFields) };
}

/**
 * Writes the audit entry in the caller's transaction: if the change commits, so
 * does its record; the table refuses UPDATE and DELETE.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'> | null, input: AuditInput): Promise<void> {
    const { sql, params } = this.insertStatement(ctx, input);
    await manager.query(sql, params);
  }

  /**
   * The INSERT `record` runs (same masking), its parameters numbered from `$firstParam`:
   * for a caller that sends it with another write in one statement (decision 115).
   */
  insertStatement(ctx: Pick<RequestContext, 'actor' | 'requestId'> | null, input: AuditInput, firstParam = 1): { sql: string; params: unknown[] } {
    const changes = entryChanges(input);
    const $ = (k: number) => `$${firstParam + k}`;
    return {
      sql: `INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes, request_id)
       VALUES (${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)})`,
      params: [
        ctx?.actor?.id ?? null,
        ctx?.actor?.role ?? null,
        input.action,
        input.subjectType,
        input.subjectId,
        JSON.stringify(changes),
        ctx?.requestId ?? null,
      ],
    };
  }

  /** Many entries by one actor in one statement (bulk writes such as imports); same masking. */
  async recordMany(manager: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'> | null, inputs: AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const rows = inputs.map((input) => ({
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      changes: entryChanges(input),
    }));
    await manager.query(
      `INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes, request_id)
       SELECT $1, $2, x.action, x.subject_type, x.subject_id, x.changes, $3
         FROM jsonb_to_recordset($4::jsonb) AS x(action text, subject_type text, subject_id text, changes jsonb)`,
      [ctx?.actor?.id ?? null, ctx?.actor?.role ?? null, ctx?.requestId ?? null, JSON.stringify(rows)],
    );
  }
}
