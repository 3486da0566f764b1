import { subject, type Actor, type AppAbility } from '@crm/authz';
import type { ImportPending, ImportState, ImportTarget } from '@crm/records';
import type { RowInput, RowProblem } from './row-input';

export type DuplicatePolicy = 'UPDATE' | 'SKIP';
export type Fate = 'create' | 'update' | 'skip' | 'error';

type State = ImportState;

/** A row to plan: its number and, when its cells were valid, what it writes. */
export interface PlanInput {
  rowNumber: number;
  input: RowInput | null;
  problems: RowProblem[];
  /** What was left out of a valid row (kept with it, not a reason to refuse it). */
  warnings?: RowProblem[];
}

/** Records the chunk will write: new ones and existing ones (with the state they had). */
export interface Pending<S extends State = State> extends ImportPending<S> {
  firstRow: number;
}

export interface PlannedRow {
  rowNumber: number;
  fate: Fate;
  problems: RowProblem[];
  /** The existing record a row updates or skips as a duplicate. */
  matchId: string | null;
  /** The earlier row of the file it duplicates. */
  duplicateOfRow: number | null;
  /** The record this row creates or changes (null for skipped and invalid rows). */
  pending: Pending | null;
}

/** An earlier row of the file, by duplicate key: across chunks for a dry run, within a chunk for the run. */
export interface FileRef {
  rowNumber: number;
  matchId: string | null;
  pending: Pending | null;
}

const notesLimit = 10_000;

export interface PlanContext {
  target: ImportTarget;
  ability: AppAbility;
  actor: Actor;
  policy: DuplicatePolicy;
}

/**
 * Decides each row's fate, the same way for the dry run and the run, for any
 * registered target: invalid → error; a duplicate (the target's keys: people, any
 * shared e-mail; organizations, same normalised name and city) of an existing record
 * or of an earlier row → update or skip as the policy says (always skip for a
 * create-only target); otherwise create. Scope is checked as the single-record
 * mutations check it: a coordinator creates only in their regions and updates
 * only what they created or own.
 */
export function planChunk(ctx: PlanContext, rows: PlanInput[], keys: string[][], matches: State[][], file: Map<string, FileRef>): PlannedRow[] {
  const byRecord = new Map<string, Pending>();
  return rows.map((row, i) => {
    const base = { rowNumber: row.rowNumber, problems: [] as RowProblem[], matchId: null, duplicateOfRow: null, pending: null };
    const error = (problems: RowProblem[]): PlannedRow => ({ ...base, fate: 'error', problems });
    if (!row.input) return error(row.problems);
    const { values, provided } = row.input;

    const existing = unique(matches[i], (s) => s.id);
    const earlier = unique(
      keys[i].map((key) => file.get(key)).filter((ref): ref is FileRef => ref !== undefined),
      (ref) => String(ref.rowNumber),
    );
    const { target } = ctx;
    if (existing.length > 1) {
      return error([
        {
          field: target.matchField,
          column: null,
          message: `matches ${existing.length} existing ${target.noun.many}: merge them first`,
          code: 'importMatchesMany',
          params: { count: existing.length },
        },
      ]);
    }
    const earlierMatch = earlier.find((ref) => ref.matchId !== null);
    const matchId = existing[0]?.id ?? earlierMatch?.matchId ?? null;
    const firstEarlier = earlier[0];

    if (matchId === null && firstEarlier === undefined) {
      // A new record.
      const state = target.newState(values, ctx.actor);
      const scopeProblem = createProblem(ctx, state);
      if (scopeProblem) return error([scopeProblem]);
      const pending: Pending = { state, original: null, firstRow: row.rowNumber, links: linksOf(target, values) };
      remember(file, keys[i], { rowNumber: row.rowNumber, matchId: null, pending });
      return { ...base, fate: 'create', pending };
    }

    const duplicateOfRow = matchId === null ? (firstEarlier?.rowNumber ?? null) : null;
    if (ctx.policy === 'SKIP' || target.createOnly) {
      return { ...base, fate: 'skip', matchId, duplicateOfRow };
    }

    // UPDATE: fold this row into the record it duplicates.
    let pending: Pending | null = null;
    if (matchId !== null) {
      pending = byRecord.get(matchId) ?? null;
      if (!pending && existing[0]) {
        if (!ctx.ability.can('update', subject(target.subject, target.scopeOf(existing[0])))) {
          return error([
            {
              field: target.matchField,
              column: null,
              message: `matches an existing ${target.noun.one} you may not edit (ask their owner or national staff)`,
              code: 'importMatchNotEditable',
            },
          ]);
        }
        pending = { state: existing[0], original: existing[0], firstRow: row.rowNumber, links: new Map() };
        byRecord.set(matchId, pending);
      }
    } else {
      pending = firstEarlier?.pending ?? null;
    }
    if (pending) {
      const merged = mergeChecked(target, pending.state, values, provided);
      if (merged instanceof MergeRefused) return error([merged.problem]);
      const scopeProblem = pending.original ? updateProblem(ctx, pending.original, merged, provided) : createProblem(ctx, merged);
      if (scopeProblem) return error([scopeProblem]);
      pending.state = merged;
      for (const [id, detail] of linksOf(target, values)) pending.links.set(id, detail ?? pending.links.get(id) ?? null);
    }
    // Without a pending record (an earlier chunk of a dry run) the row is an update whose merge is checked when it runs.
    remember(file, keys[i], { rowNumber: firstEarlier?.rowNumber ?? row.rowNumber, matchId, pending });
    return { ...base, fate: 'update', matchId, duplicateOfRow, pending };
  });
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

function remember(file: Map<string, FileRef>, keys: string[], ref: FileRef): void {
  for (const key of keys) if (!file.has(key)) file.set(key, ref);
}

function linksOf(target: ImportTarget, values: Record<string, unknown>): Map<string, string | null> {
  return target.links?.(values) ?? new Map();
}

function createProblem(ctx: PlanContext, state: State): RowProblem | null {
  const { target } = ctx;
  const scope = target.scopeOf(state);
  if (!ctx.ability.can('create', subject(target.subject, scope))) {
    return {
      field: 'provinceCode',
      column: null,
      message: `${String(scope.provinceCode)} is outside your regions`,
      code: 'importOutsideRegions',
      params: { province: String(scope.provinceCode) },
    };
  }
  return target.createProblem?.(ctx.ability, state) ?? null;
}

function updateProblem(ctx: PlanContext, original: State, next: State, provided: string[]): RowProblem | null {
  const { target } = ctx;
  if (!ctx.ability.can('update', subject(target.subject, target.scopeOf(next)))) {
    return {
      field: provided.includes('provinceCode') ? 'provinceCode' : 'ownerEmail',
      column: null,
      message: `would put the ${target.noun.one} outside what you may edit`,
      code: 'outsideEditable',
    };
  }
  return target.updateProblem?.(ctx.ability, original, next, provided) ?? null;
}

/**
 * An update from the file: the fields it gives replace the record's (a blank
 * cell never clears one); e-mails, phones and tags are added to the record's;
 * notes are appended. A string is the reason it cannot be applied.
 */
export function merge<S extends State>(target: ImportTarget, state: S, values: Record<string, unknown>, provided: string[]): S | string {
  const merged = mergeChecked(target, state, values, provided);
  return merged instanceof MergeRefused ? merged.problem.message : merged;
}

/** Why a row cannot be folded into its record: a coded row problem (the screen says it in the viewer's language). */
class MergeRefused {
  constructor(readonly problem: RowProblem) {}
}

function mergeChecked<S extends State>(target: ImportTarget, state: S, values: Record<string, unknown>, provided: string[]): S | MergeRefused {
  const next = { ...state } as Record<string, unknown>;
  const lists = target.listLimits ?? {};
  for (const field of provided) {
    // Only the record's own columns (people's affiliations are written apart).
    if (!(field in next) || field === 'id' || field === 'version') continue;
    const value = values[field];
    if (field in lists) {
      const union = [...new Set([...(next[field] as string[]), ...(value as string[])])];
      const max = lists[field];
      if (union.length > max) {
        const message = `would give the ${target.noun.one} more than ${max} ${field === 'emails' ? 'e-mail addresses' : field}`;
        return new MergeRefused({ field, column: null, message, code: 'tooMany', params: { max } });
      }
      next[field] = union;
    } else if (field === 'notes') {
      const current = next.notes as string | null;
      const added = value as string | null;
      if (added && !(current ?? '').includes(added)) {
        const notes = current ? `${current}\n\n${added}` : added;
        if (notes.length > notesLimit) {
          const message = `would make the notes longer than ${notesLimit.toLocaleString('en')} characters`;
          return new MergeRefused({ field: 'notes', column: null, message, code: 'tooLong', params: { max: notesLimit } });
        }
        next.notes = notes;
      }
    } else {
      next[field] = typeof value === 'string' && typeof next[field] === 'string' ? richerSpelling(next[field] as string, value) : value;
    }
  }
  return (target.afterMerge ? target.afterMerge(state, next as unknown as State, provided) : next) as S;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const accents = (text: string) => text.normalize('NFD').replace(/[^\u0300-\u036f]/g, '').length;
const flatCase = (text: string) => text === text.toLowerCase() || text === text.toUpperCase();

/**
 * A file's value for a field that already has one: the file's, unless it is the same
 * words spelled with less (accents stripped — "Emilie Cote" for "Émilie Côté" — or
 * case flattened — "ottawa" for "Ottawa"), which many exports and older systems do.
 * A merge never loses what the record knew; a real correction (other words, accents
 * or capitals added) is taken.
 */
export function richerSpelling(current: string, incoming: string): string {
  if (current === incoming || fold(current) !== fold(incoming)) return incoming;
  if (accents(current) !== accents(incoming)) return accents(incoming) > accents(current) ? incoming : current;
  return flatCase(incoming) && !flatCase(current) ? current : incoming;
}
