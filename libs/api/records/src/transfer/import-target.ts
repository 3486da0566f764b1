import type { Actor, AppAbility, SubjectName } from '@crm/authz';
import type { RequestContext } from '@crm/platform';
import type { ActivityEntry, TimelineSubjectType } from '@crm/timeline';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ImportFieldSpec, TransferLang } from './transfer-registry';

// What a domain registers so data-transfer can import its records from a file
// (decision 058): how a row's cells are read and checked, how a row finds the
// record it duplicates, what a new record is, and how a chunk is written in bulk.
// The import engine (data-transfer) does the rest the same way for every target:
// batches, chunks, dry run, the duplicate policy, scope checks, audit, timeline.

/** A row's non-empty cells by the import field they feed, in column order. */
export type FieldCells = Map<string, string[]>;

export interface RowProblem {
  /** The import field (null: the row as a whole). */
  field: string | null;
  /** The file's column name(s) for that field, as the user knows them. */
  column: string | null;
  message: string;
  /** A problem code of @crm/contracts (`problem.<code>` in the catalogues) with its parameters, when there is one. */
  code?: string;
  params?: Record<string, string | number>;
  /** Not a reason to refuse the row: something was left out of it, and the row is applied without it. */
  warning?: boolean;
}

/** What a valid row will write: the target's schema output, and the fields the file gave a value. */
export interface RowInput {
  values: Record<string, unknown>;
  provided: string[];
}

/** How a target's `read` reports a cell it cannot read (a warning leaves the value out and keeps the row). */
export type ImportReport = (field: string | null, message: string, coded?: Pick<RowProblem, 'code' | 'params' | 'warning'>) => void;

/** Reference data every target may read cells against (loaded once per job). */
export interface ImportVocabulary {
  /** `ON`, `Ontario`, `Qué.`… → the province code. */
  province(text: string): string | null;
  /** A tag's slug or label → its slug. */
  tag(text: string): string | null;
}

/** A record as the target's bulk repository reads and writes it. */
export interface ImportState {
  id: string;
  version: number;
}

/** A record a chunk writes: new (`original` null) or existing, with what the import adds beside its columns. */
export interface ImportPending<S extends ImportState = ImportState> {
  state: S;
  original: S | null;
  /** Links the import adds beside the record's own columns (people: organization id → job title). */
  links: Map<string, string | null>;
}

/** What a target's `write` adds to the chunk's audit and timeline. */
export interface ImportWritten {
  /** Timeline entries besides each record's own `record.created` / `record.updated` (on other subjects too). */
  activity?: ActivityEntry[];
  /** Per record: more to say in its update's audit entry (and a reason to audit it even if its columns did not change). */
  auditExtras?: Map<string, Record<string, unknown>>;
}

export interface ImportTarget<S extends ImportState = ImportState, L = unknown> {
  /** `POST /imports?kind=<kind>`; also the batch's kind. */
  kind: string;
  /** `import` on it to import at all; each row is then checked with `create` / `update` on it, as the single-record mutations check. */
  subject: SubjectName;
  /** How the wizard lists it. */
  label: Record<TransferLang, string>;
  fields: ImportFieldSpec[];
  /** In messages: "matches 2 existing people", "an existing person you may not edit". */
  noun: { one: string; many: string };
  /** The field that finds a row's duplicate: where "matches …" problems show. */
  matchField: string;
  /** The single-record create schema (contracts): what a row must be, checked as the staff form is. */
  schema: z.ZodType;
  /**
   * The schema's field → the import field it is read from, when they differ (`ownerId` ← `ownerEmail`);
   * null for a value the read derives and explains itself when it cannot (the schema's issue on it is then not repeated).
   */
  schemaFields?: Record<string, string | null>;
  /** What a chunk's rows name (owners, organizations, people…), looked up in a few statements, with the caller's scope. */
  lookups(manager: EntityManager, actor: RequestContext, rows: FieldCells[]): Promise<L>;
  /** One row's cells → the schema's input, and the fields the file gave (`provided`). */
  read(cells: FieldCells, lookups: L, vocabulary: ImportVocabulary, report: ImportReport): { input: Record<string, unknown>; provided: Set<string> };
  /** Each row's duplicate keys (within the file) and the existing records they match, locked when `lock` (the run). */
  match(manager: EntityManager, ability: AppAbility, rows: (RowInput | null)[], lock: boolean): Promise<{ keys: string[][]; matches: S[][] }>;
  /** A duplicate of an existing record is always skipped (an import never changes what it matches: outreach already recorded). */
  createOnly?: boolean;
  /** The record a valid row creates (ids are the target's: random, or derived from the row). */
  newState(values: Record<string, unknown>, actor: Actor): S;
  /** The record's fields the ability's conditions read (province, owner, creator…). */
  scopeOf(state: S): Record<string, unknown>;
  /** Checks beyond `create` on the subject (field rules): the reason a new record is refused. */
  createProblem?(ability: AppAbility, state: S): RowProblem | null;
  /** Checks beyond `update` on the subject, on the record as the row leaves it. */
  updateProblem?(ability: AppAbility, original: S, next: S, provided: string[]): RowProblem | null;
  /** Fields that list values (added to the record's, never replaced), with their most. */
  listLimits?: Record<string, number>;
  /** What a row links besides the record's columns (people: the organization of its "Organization" column). */
  links?(values: Record<string, unknown>): Map<string, string | null>;
  /** Fields that follow others after a row is merged in (an organization's French name that followed its English one). */
  afterMerge?(before: S, next: S, provided: string[]): S;
  /** Writes a chunk through the domain's bulk repository: new records, then changed ones (fewer updated than given → CONFLICT). */
  write(manager: EntityManager, actor: RequestContext, chunk: { creates: S[]; updates: S[]; pendings: ImportPending<S>[] }): Promise<ImportWritten>;
  /** Whose timelines tell of a record and the prefix of the entry kinds, as its RecordKind says (default: its own, `record.created`). */
  timeline?(state: S): { subjects: { subjectType: TimelineSubjectType; subjectId: string }[]; prefix: string };
  /** Audit names: `<action>.update` per changed record, `<action>.import` for what a chunk creates; masked fields. */
  audit: { action: string; masked: readonly string[] };
}
