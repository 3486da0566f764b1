import { canReadField, type AppAbility, type SubjectName } from '@crm/authz';
import { MASKED } from '@crm/platform';
import type { AuditSubjectName } from './audit-subjects';

/** A stored entry as the repository reads it. */
export interface AuditEntryRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
}

/** A record an entry speaks of: named only when the viewer may read it. */
export interface AuditRecordRefView {
  subjectType: string;
  id: string;
  name: string | null;
  nameFr: string | null;
}

export interface AuditFieldChangeView {
  field: string;
  /** The values are not shown: personal (stored as •••), or a field the viewer may not read. */
  masked: boolean;
  from: unknown;
  to: unknown;
  fromRecord: AuditRecordRefView | null;
  toRecord: AuditRecordRefView | null;
}

// Fields that hold another record's id: shown by that record's name.
const referenceFields: Record<string, SubjectName | 'self'> = {
  ownerId: 'User',
  createdById: 'User',
  assigneeId: 'User',
  actorId: 'User',
  organizationId: 'Organization',
  assigneeOrganizationId: 'Organization',
  personId: 'Person',
  campaignId: 'Campaign',
  eventId: 'Event',
  itemId: 'ToolkitItem',
  mergedFromId: 'self',
  mergedIntoId: 'self',
  notDuplicateOf: 'self',
};

/** The type of record a field's value points to, if it holds an id. */
export function referenceType(subjectType: string, field: string): string | null {
  const type = referenceFields[field];
  return type === 'self' ? subjectType : (type ?? null);
}

/** `{ field: { from, to } }` as stored; anything else reads as no change. */
export function storedChanges(changes: unknown): { field: string; from: unknown; to: unknown }[] {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, value]) => {
    if (typeof value !== 'object' || value === null) return [];
    const { from = null, to = null } = value as { from?: unknown; to?: unknown };
    return [{ field, from, to }];
  });
}

export type Names = (subjectType: string, id: string) => AuditSubjectName | undefined;

/**
 * Whether the viewer may read `field` of the entry's record. A record they may not
 * read (out of scope, gone) hides every field; a record type nobody names is judged
 * by the type's rules alone.
 */
function mayRead(ability: AppAbility, entry: AuditEntryRow, field: string, subjectNamed: AuditSubjectName | undefined, named: boolean): boolean {
  const type = entry.subjectType as SubjectName;
  if (named) return subjectNamed !== undefined && canReadField(ability, 'read', type, field, subjectNamed.ruleFields);
  try {
    return canReadField(ability, 'read', type, field);
  } catch {
    return false;
  }
}

function ref(subjectType: string, value: unknown, names: Names): AuditRecordRefView | null {
  if (typeof value !== 'string' || value === '' || value === MASKED) return null;
  const named = names(subjectType, value);
  return { subjectType, id: value, name: named?.name ?? null, nameFr: named?.nameFr ?? null };
}

/**
 * An entry's changes as the viewer may see them: a value is shown only where the
 * field is readable and was not stored masked; otherwise both sides are hidden, so an
 * empty value never tells apart from a filled one ("a field one may not read is
 * masked whatever its value"). Ids of other records come with their names.
 */
export function viewChanges(ability: AppAbility, entry: AuditEntryRow, names: Names, subjectTypeNamed: boolean): AuditFieldChangeView[] {
  const subjectNamed = entry.subjectId ? names(entry.subjectType, entry.subjectId) : undefined;
  return storedChanges(entry.changes).map(({ field, from, to }) => {
    const masked = from === MASKED || to === MASKED || !mayRead(ability, entry, field, subjectNamed, subjectTypeNamed && entry.subjectId !== null);
    if (masked) return { field, masked: true, from: null, to: null, fromRecord: null, toRecord: null };
    const type = referenceType(entry.subjectType, field);
    return {
      field,
      masked: false,
      from,
      to,
      fromRecord: type ? ref(type, from, names) : null,
      toRecord: type ? ref(type, to, names) : null,
    };
  });
}

/** The ids of other records the entry's visible changes point to, by type (to name them in one query per type). */
export function referencedIds(entry: AuditEntryRow): [string, string][] {
  return storedChanges(entry.changes).flatMap(({ field, from, to }) => {
    const type = referenceType(entry.subjectType, field);
    if (!type) return [];
    return [from, to]
      .filter((value): value is string => typeof value === 'string' && value !== '' && value !== MASKED)
      .map((id) => [type, id] as [string, string]);
  });
}
