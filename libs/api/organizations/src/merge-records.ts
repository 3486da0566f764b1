import { subject } from '@crm/authz';
import type { MergeRecordsInput } from '@crm/contracts';
import { BadUserInputException, ConflictException, ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import type { ActivityRecorder } from '@crm/timeline';
import type { AuditService } from '@crm/platform';
import type { EntityManager } from 'typeorm';

/** What merging needs of a record, person or organization. */
export interface MergeableRow {
  id: string;
  version: number;
  archivedAt: Date | null;
  mergedIntoId: string | null;
}

type Mergeable = 'Person' | 'Organization';
const noun: Record<Mergeable, string> = { Person: 'person', Organization: 'organization' };

/**
 * Locks both records of a merge (in id order, so two merges of the same pair
 * cannot deadlock) and checks what every merge checks: both visible (else
 * NOT_FOUND) and mergeable by the caller, both at the versions the caller saw,
 * the duplicate not merged already, the survivor not archived.
 */
export async function lockMergePair<R extends MergeableRow>(
  ctx: RequestContext,
  subjectType: Mergeable,
  input: MergeRecordsInput,
  lockVisible: (id: string) => Promise<R | null>,
): Promise<{ survivor: R; duplicate: R }> {
  const locked = new Map<string, R>();
  for (const id of [input.survivorId, input.duplicateId].sort()) {
    const row = await lockVisible(id);
    if (!row) throw new NotFoundException(subjectType);
    locked.set(id, row);
  }
  const survivor = locked.get(input.survivorId)!;
  const duplicate = locked.get(input.duplicateId)!;
  for (const row of [survivor, duplicate]) {
    if (!ctx.ability.can('merge', subject(subjectType, { ...row }))) throw new ForbiddenException();
  }
  if (survivor.version !== input.survivorVersion || duplicate.version !== input.duplicateVersion) throw new ConflictException();
  if (duplicate.mergedIntoId)
    throw new BadUserInputException([{ path: ['input', 'duplicateId'], message: `was already merged into another ${noun[subjectType]}` }]);
  if (survivor.archivedAt) throw new BadUserInputException([{ path: ['input', 'survivorId'], message: 'is archived; restore it first' }]);
  return { survivor, duplicate };
}

/**
 * The record of a merge, in its transaction: the survivor's audit entry (before
 * and after, what moved), the duplicate's ("merged into"), and both timelines.
 */
export async function recordMerge(
  manager: EntityManager,
  ctx: RequestContext,
  services: { audit: AuditService; activity: ActivityRecorder },
  merge: {
    subjectType: Mergeable;
    survivorBefore: Record<string, unknown>;
    survivorAfter: Record<string, unknown>;
    survivorId: string;
    duplicate: MergeableRow;
    moved: Record<string, number>;
    personalFields: readonly string[];
  },
): Promise<void> {
  const { subjectType, survivorId, duplicate, moved } = merge;
  const action = noun[subjectType];
  await services.audit.record(manager, ctx, {
    action: `${action}.merge`,
    subjectType,
    subjectId: survivorId,
    before: { ...merge.survivorBefore, mergedFromId: null, moved: null },
    after: { ...merge.survivorAfter, mergedFromId: duplicate.id, moved },
    personalFields: [...merge.personalFields],
  });
  await services.audit.record(manager, ctx, {
    action: `${action}.mergedInto`,
    subjectType,
    subjectId: duplicate.id,
    before: { archived: duplicate.archivedAt !== null, mergedIntoId: null },
    after: { archived: true, mergedIntoId: survivorId },
  });
  await services.activity.append(manager, ctx, [
    {
      subjectType,
      subjectId: survivorId,
      kind: 'record.merged',
      recordType: subjectType,
      recordId: duplicate.id,
      summary: { duplicateId: duplicate.id, moved },
    },
    { subjectType, subjectId: duplicate.id, kind: 'record.mergedInto', recordType: subjectType, recordId: survivorId, summary: { survivorId } },
  ]);
}
