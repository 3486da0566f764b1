import type { AppAbility, SubjectName } from '@crm/authz';
import type { TimelineSubjectType } from '@crm/timeline';
import type { EntityManager } from 'typeorm';

/** What every versioned record has. */
export interface VersionedRow {
  id: string;
  version: number;
  archivedAt: Date | null;
  mergedIntoId?: string | null;
}

/** Archiving and merging write these besides a record type's own values. */
export interface LifecycleValues {
  archivedAt?: Date | null;
  mergedIntoId?: string | null;
}

/**
 * What the write cycle needs to know of a record type: its subject (access
 * rules), its name in the audit log, which fields are personal (masked there)
 * and which only some may read, and whose timelines tell of it.
 */
export interface RecordKind<Row extends VersionedRow> {
  subjectType: SubjectName;
  /** Audit actions are `<noun>.update`, `<noun>.archive`…; messages name it. */
  noun: string;
  /** Values the audit log masks. */
  personalFields: readonly string[];
  /**
   * Fields only some readers of the record may read (a person's lived experience).
   * A change to these alone is invisible to the others: no new version, no new
   * "last changed", a timeline entry only they see (decision 055).
   */
  protectedFields?: readonly string[];
  /** What the audit log records of a row (values, no ids, version or timestamps). */
  auditView(row: Row): Record<string, unknown>;
  /** Whose timelines tell of this record, and the prefix of the entry kinds (`record` → `record.updated`). */
  timeline(row: Row): { subjects: { subjectType: TimelineSubjectType; subjectId: string }[]; prefix: string };
}

/** What the write cycle needs of a record type's repository (SQL stays there). */
export interface VersionedStore<Row extends VersionedRow, Values extends object> {
  /** The record if `ability` may read it, locked FOR UPDATE; out of scope reads as missing. */
  lockVisible(manager: EntityManager, ability: AppAbility, id: string): Promise<Row | null>;
  /**
   * Writes `values` if the row is still at `version` (and, with `bump`, moves it to
   * the next version and "now"); the row as the caller may read it after the write,
   * or null when it changed meanwhile.
   */
  updateVersioned(
    manager: EntityManager,
    ability: AppAbility,
    target: { id: string; version: number },
    values: Values & LifecycleValues,
    options: { bump: boolean },
  ): Promise<Row | null>;
}
