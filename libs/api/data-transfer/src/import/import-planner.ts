import { randomUUID } from 'node:crypto';
import { canReadField, subject, type AppAbility } from '@crm/authz';
import { postalCodeMatchesProvince } from '@crm/contracts';
import type { RowInput, RowProblem } from './row-input';
import type { ImportKind } from './import-fields';
import type { OrganizationState } from '@crm/organizations';
import type { PersonState } from '@crm/people';

export type DuplicatePolicy = 'UPDATE' | 'SKIP';
export type Fate = 'create' | 'update' | 'skip' | 'error';

type State = PersonState | OrganizationState;

/** A row to plan: its number and, when its cells were valid, what it writes. */
export interface PlanInput {
  rowNumber: number;
  input: RowInput | null;
  problems: RowProblem[];
  /** What was left out of a valid row (kept with it, not a reason to refuse it). */
  warnings?: RowProblem[];
}

/** Records the chunk will write: new ones and existing ones (with the state they had). */
export interface Pending<S extends State = State> {
  state: S;
  original: S | null;
  firstRow: number;
  /** Affiliations this import adds (people). */
  affiliations: Map<string, string | null>;
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

const limits = { emails: 5, phones: 5, tags: 20, notes: 10_000 } as const;
const noun = { people: 'person', organizations: 'organization' } as const;
const plural = { people: 'people', organizations: 'organizations' } as const;

interface PlanContext {
  kind: ImportKind;
  ability: AppAbility;
  actorId: string;
  /** Does the actor's role make them the owner of what they add (as createPerson does)? */
  ownsWhatTheyAdd: boolean;
  policy: DuplicatePolicy;
}

/**
 * Decides each row's fate, the same way for the dry run and the run: invalid →
 * error; a duplicate (people: any shared e-mail; organizations: same normalised
 * name and city) of an existing record or of an earlier row → update or skip as
 * the policy says; otherwise create. Scope is checked as the single-record
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
    if (existing.length > 1) {
      return error([{ field: dedupeField(ctx.kind), column: null, message: `matches ${existing.length} existing ${plural[ctx.kind]}: merge them first` }]);
    }
    const earlierMatch = earlier.find((ref) => ref.matchId !== null);
    const matchId = existing[0]?.id ?? earlierMatch?.matchId ?? null;
    const firstEarlier = earlier[0];

    if (matchId === null && firstEarlier === undefined) {
      // A new record.
      const state = newState(ctx, values);
      const scopeProblem = createProblem(ctx, state);
      if (scopeProblem) return error([scopeProblem]);
      const pending: Pending = { state, original: null, firstRow: row.rowNumber, affiliations: affiliationsOf(values) };
      remember(file, keys[i], { rowNumber: row.rowNumber, matchId: null, pending });
      return { ...base, fate: 'create', pending };
    }

    const duplicateOfRow = matchId === null ? (firstEarlier?.rowNumber ?? null) : null;
    if (ctx.policy === 'SKIP') {
      return { ...base, fate: 'skip', matchId, duplicateOfRow };
    }

    // UPDATE: fold this row into the record it duplicates.
    let pending: Pending | null = null;
    if (matchId !== null) {
      pending = byRecord.get(matchId) ?? null;
      if (!pending && existing[0]) {
        if (!ctx.ability.can('update', subject(subjectOf(ctx.kind), scopeOf(existing[0])))) {
          return error([
            {
              field: dedupeField(ctx.kind),
              column: null,
              message: `matches an existing ${noun[ctx.kind]} you may not edit (ask their owner or national staff)`,
            },
          ]);
        }
        pending = { state: existing[0], original: existing[0], firstRow: row.rowNumber, affiliations: new Map() };
        byRecord.set(matchId, pending);
      }
    } else {
      pending = firstEarlier?.pending ?? null;
    }
    if (pending) {
      const merged = merge(ctx.kind, pending.state, values, provided);
      if (typeof merged === 'string') return error([{ field: null, column: null, message: merged }]);
      const scopeProblem = pending.original ? updateProblem(ctx, pending.original, merged, provided) : createProblem(ctx, merged);
      if (scopeProblem) return error([scopeProblem]);
      pending.state = merged;
      for (const [organizationId, title] of affiliationsOf(values))
        pending.affiliations.set(organizationId, title ?? pending.affiliations.get(organizationId) ?? null);
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

const subjectOf = (kind: ImportKind) => (kind === 'people' ? 'Person' : 'Organization');
const dedupeField = (kind: ImportKind) => (kind === 'people' ? 'emails' : 'nameEn');
const scopeOf = (state: State) => ({
  provinceCode: state.provinceCode,
  ownerId: state.ownerId,
  createdById: state.createdById,
  ...(isPerson(state) ? {} : { id: state.id }),
});
const isPerson = (state: State): state is PersonState => 'firstName' in state;

function affiliationsOf(values: Record<string, unknown>): Map<string, string | null> {
  const list = (values.affiliations as { organizationId: string; title?: string | null }[] | undefined) ?? [];
  return new Map(list.map((a) => [a.organizationId, a.title ?? null]));
}

function createProblem(ctx: PlanContext, state: State): RowProblem | null {
  if (!ctx.ability.can('create', subject(subjectOf(ctx.kind), scopeOf(state)))) {
    return { field: 'provinceCode', column: null, message: `${state.provinceCode} is outside your regions` };
  }
  if (isPerson(state) && state.livedExperience && !canReadField(ctx.ability, 'create', 'Person', 'livedExperience', scopeOf(state))) {
    return { field: 'livedExperience', column: null, message: 'may be recorded only by national staff or the person’s owner' };
  }
  return null;
}

function updateProblem(ctx: PlanContext, original: State, next: State, provided: string[]): RowProblem | null {
  if (!ctx.ability.can('update', subject(subjectOf(ctx.kind), scopeOf(next)))) {
    return {
      field: provided.includes('provinceCode') ? 'provinceCode' : 'ownerEmail',
      column: null,
      message: `would put the ${noun[ctx.kind]} outside what you may edit`,
    };
  }
  if (!isPerson(next) && next.postalCode && !postalCodeMatchesProvince(next.postalCode, next.provinceCode)) {
    return { field: 'postalCode', column: null, message: `${next.postalCode} is not a postal code of ${next.provinceCode}` };
  }
  if (
    isPerson(next) &&
    isPerson(original) &&
    next.livedExperience !== original.livedExperience &&
    !canReadField(ctx.ability, 'update', 'Person', 'livedExperience', scopeOf(original))
  ) {
    return { field: 'livedExperience', column: null, message: 'may be changed only by national staff or the person’s owner' };
  }
  return null;
}

function newState(ctx: PlanContext, values: Record<string, unknown>): State {
  const v = values as Record<string, never>;
  if (ctx.kind === 'people') {
    const person: PersonState = {
      id: randomUUID(),
      firstName: v.firstName,
      lastName: v.lastName ?? '',
      preferredLanguage: v.preferredLanguage ?? 'en',
      emails: v.emails ?? [],
      phones: v.phones ?? [],
      leaderCategory: v.leaderCategory ?? null,
      provinceCode: v.provinceCode,
      city: v.city ?? null,
      // A coordinator looks after the people they add, unless the file names someone else (as createPerson).
      ownerId: values.ownerId !== undefined ? v.ownerId : ctx.ownsWhatTheyAdd ? ctx.actorId : null,
      createdById: ctx.actorId,
      consentEmail: v.consentEmail ?? false,
      consentPhone: v.consentPhone ?? false,
      doNotContact: v.doNotContact ?? false,
      livedExperience: v.livedExperience ?? false,
      tags: v.tags ?? [],
      notes: v.notes ?? null,
      version: 1,
    };
    return person;
  }
  const organization: OrganizationState = {
    id: randomUUID(),
    nameEn: v.nameEn,
    // As createOrganization: no French name means the English one.
    nameFr: v.nameFr ?? v.nameEn,
    kind: v.kind,
    membership: v.membership ?? 'ally',
    membershipSince: v.membershipSince ?? null,
    provinceCode: v.provinceCode,
    city: v.city ?? null,
    postalCode: v.postalCode ?? null,
    email: v.email ?? null,
    phone: v.phone ?? null,
    website: v.website ?? null,
    tags: v.tags ?? [],
    notes: v.notes ?? null,
    ownerId: v.ownerId ?? null,
    createdById: ctx.actorId,
    version: 1,
  };
  return organization;
}

const listFields = new Set(['emails', 'phones', 'tags']);
// Not part of the record's own columns (people's affiliations are written apart).
const notColumns = new Set(['affiliations']);

/**
 * An update from the file: the fields it gives replace the record's (a blank
 * cell never clears one); e-mails, phones and tags are added to the record's;
 * notes are appended. A string is the reason it cannot be applied.
 */
export function merge<S extends State>(kind: ImportKind, state: S, values: Record<string, unknown>, provided: string[]): S | string {
  const next = { ...state } as Record<string, unknown>;
  for (const field of provided) {
    if (notColumns.has(field) || !(field in next)) continue;
    const value = values[field];
    if (listFields.has(field)) {
      const union = [...new Set([...(next[field] as string[]), ...(value as string[])])];
      const max = limits[field as 'emails' | 'phones' | 'tags'];
      if (union.length > max) return `would give the ${noun[kind]} more than ${max} ${field === 'emails' ? 'e-mail addresses' : field}`;
      next[field] = union;
    } else if (field === 'notes') {
      const current = next.notes as string | null;
      const added = value as string | null;
      if (added && !(current ?? '').includes(added)) {
        const notes = current ? `${current}\n\n${added}` : added;
        if (notes.length > limits.notes) return `would make the notes longer than ${limits.notes.toLocaleString('en')} characters`;
        next.notes = notes;
      }
    } else {
      next[field] = typeof value === 'string' && typeof next[field] === 'string' ? richerSpelling(next[field] as string, value) : value;
    }
  }
  if (
    kind === 'organizations' &&
    provided.includes('nameEn') &&
    !provided.includes('nameFr') &&
    (state as OrganizationState).nameFr === (state as OrganizationState).nameEn
  ) {
    // The French name followed the English one; keep it that way.
    next.nameFr = next.nameEn;
  }
  return next as S;
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
