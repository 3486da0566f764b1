import { diffForAudit, type AuditInput, type RequestContext } from '@crm/platform';
import type { EntityManager } from 'typeorm';

/**
 * ADAPTER — AuditService.record for many records in one statement (an import
 * writes up to 1,000 records per transaction; one INSERT each would be most of
 * its time). Same columns and the same masking (diffForAudit); to be replaced by
 * an AuditService.recordMany in @crm/platform (asked for in the hand-over).
 */
export async function recordAuditEntries(manager: EntityManager, ctx: Pick<RequestContext, 'actor' | 'requestId'>, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => ({
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    changes: diffForAudit(input.before, input.after, input.personalFields),
  }));
  await manager.query(
    `INSERT INTO audit_entry (actor_id, actor_role, action, subject_type, subject_id, changes, request_id)
     SELECT $1, $2, x.action, x.subject_type, x.subject_id, x.changes, $3
       FROM jsonb_to_recordset($4::jsonb) AS x(action text, subject_type text, subject_id text, changes jsonb)`,
    [ctx.actor?.id ?? null, ctx.actor?.role ?? null, ctx.requestId ?? null, JSON.stringify(rows)],
  );
}
