import { CreateOrganizationInput, CreatePersonInput, problemOf } from '@crm/contracts';
import { problemMessage } from '@crm/platform';
import type { z } from 'zod';
import {
  normalizeWords,
  readBoolean,
  readLanguage,
  readLeaderCategory,
  readMembership,
  readOrganizationKind,
  leaderCategoryLabels,
  membershipLabels,
  organizationKindLabels,
  vocabularyReader,
} from '../vocabulary';
import type { ImportKind } from './import-fields';

/** The batch's mapping: which field each column of the file feeds (null: not imported). */
export interface ColumnField {
  column: number;
  field: string | null;
}

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

/** What a valid row will write: the shared create schema's output, and the fields the file gave a value. */
export interface RowInput {
  values: Record<string, unknown>;
  provided: string[];
}

export type PreparedRow = { ok: true; input: RowInput; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

/** Reference data a row is read against; the per-chunk maps hold what the chunk's cells name. */
export interface ImportLookups {
  province(text: string): string | null;
  tag(text: string): string | null;
  /** lower-case e-mail → user id */
  owners: Map<string, string>;
  /** organization name as written → ids of visible active organizations with that name */
  organizations: Map<string, string[]>;
}

const provinceSynonyms: Record<string, string> = {
  alta: 'AB',
  'b c': 'BC',
  man: 'MB',
  'n b': 'NB',
  nfld: 'NL',
  newfoundland: 'NL',
  labrador: 'NL',
  'n s': 'NS',
  nwt: 'NT',
  'n w t': 'NT',
  'northwest territories': 'NT',
  ont: 'ON',
  pei: 'PE',
  'p e i': 'PE',
  'i p e': 'PE',
  que: 'QC',
  pq: 'QC',
  'p q': 'QC',
  sask: 'SK',
  yukon: 'YT',
  'yukon territory': 'YT',
};

export function provinceReader(provinces: { code: string; nameEn: string; nameFr: string }[]): (text: string) => string | null {
  const labels = Object.fromEntries(provinces.map((p) => [p.code, { en: p.nameEn, fr: p.nameFr }]));
  return vocabularyReader(labels, provinceSynonyms);
}

export function tagReader(tags: { slug: string; labelEn: string; labelFr: string }[]): (text: string) => string | null {
  return vocabularyReader(Object.fromEntries(tags.map((t) => [t.slug, { en: t.labelEn, fr: t.labelFr }])));
}

type FieldCells = Map<string, string[]>;

/** The file's column name(s) mapped to a field, as shown beside a problem. */
export function columnsFor(field: string, headers: string[], mapping: ColumnField[]): string | null {
  return (
    mapping
      .filter((m) => m.field === field)
      .map((m) => headers[m.column] ?? `#${m.column + 1}`)
      .join(' / ') || null
  );
}

/** Problems found after reading (scope, duplicates) name the column too. */
export function withColumns(problems: RowProblem[], headers: string[], mapping: ColumnField[]): RowProblem[] {
  return problems.map((p) => (p.column || !p.field ? p : { ...p, column: columnsFor(p.field, headers, mapping) }));
}

// What our exports (and other CSV writers) put before a cell a spreadsheet would run as a formula.
const formulaEscaped = /^'(?=[=+\-@\t\r])/;

/**
 * A cell as its writer meant it: the leading quote that defuses a formula in an
 * export (`'+16135550199`, `'=Smith`) is taken off, so an export imports back as it was.
 */
export function unescapeCell(cell: string): string {
  return cell.replace(formulaEscaped, '');
}

/** The non-empty, trimmed cells of each mapped field, in column order. */
export function cellsByField(cells: string[], mapping: ColumnField[]): FieldCells {
  const byField: FieldCells = new Map();
  for (const { column, field } of mapping) {
    if (!field) continue;
    const value = unescapeCell((cells[column] ?? '').trim()).trim();
    if (value === '') continue;
    byField.set(field, [...(byField.get(field) ?? []), value]);
  }
  return byField;
}

/** What a chunk's rows ask to look up in the database before they can be read. */
export function lookupsNeeded(kind: ImportKind, rows: string[][], mapping: ColumnField[]): { ownerEmails: string[]; organizationNames: string[] } {
  const owners = new Set<string>();
  const organizations = new Set<string>();
  for (const cells of rows) {
    const fields = cellsByField(cells, mapping);
    for (const email of fields.get('ownerEmail') ?? []) owners.add(email.toLowerCase());
    if (kind === 'people') for (const name of fields.get('organizationName') ?? []) organizations.add(name);
  }
  return { ownerEmails: [...owners], organizationNames: [...organizations] };
}

const splitList = (values: string[], separator: RegExp) =>
  values
    .flatMap((v) => v.split(separator))
    .map((v) => unescapeCell(v.trim()).trim())
    .filter((v) => v !== '');
const optionsOf = (labels: Record<string, { en: string }>) =>
  Object.values(labels)
    .map((l) => l.en)
    .join(', ');

const organizationLike = new Set(['organization', 'organisation', 'household', 'menage', 'foyer']);
const personLike = new Set(['individual', 'individu', 'particulier', 'person', 'personne']);

// Zod's first path element → the import field it came from.
const personFieldOf: Record<string, string> = { ownerId: 'ownerEmail', affiliations: 'organizationName' };
const organizationFieldOf: Record<string, string> = { ownerId: 'ownerEmail' };

/**
 * One row of the file as the shared create schema's input, validated by that
 * schema (the same one the staff form and createPerson/createOrganization use).
 */
export function prepareRow(kind: ImportKind, cells: string[], headers: string[], mapping: ColumnField[], lookups: ImportLookups): PreparedRow {
  const fields = cellsByField(cells, mapping);
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const columnsOf = (field: string) => columnsFor(field, headers, mapping);
  const problem: Report = (field, message, coded) =>
    (coded?.warning ? warnings : problems).push({ field, column: field ? columnsOf(field) : null, message, ...coded });

  const extra = cells.slice(headers.length).filter((c) => c.trim() !== '').length;
  if (extra > 0) problem(null, `has ${headers.length + extra} cells but the file has ${headers.length} columns (a separator inside an unquoted cell?)`);

  const built = kind === 'people' ? personInput(fields, lookups, problem) : organizationInput(fields, lookups, problem);
  const schema: z.ZodType = kind === 'people' ? CreatePersonInput : CreateOrganizationInput;
  const result = schema.safeParse(built.input);
  if (!result.success) {
    const fieldOf = kind === 'people' ? personFieldOf : organizationFieldOf;
    const reported = new Set(problems.map((p) => p.field));
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field = fieldOf[key] ?? (key || null);
      if (reported.has(field)) continue;
      const list = built.input[key];
      const index = issue.path[1];
      const value = Array.isArray(list) && typeof index === 'number' && typeof list[index] === 'string' ? `“${list[index]}”: ` : '';
      const coded = problemOf(issue);
      problem(field, `${value}${problemMessage(coded)}`, {
        code: coded.code,
        ...(coded.params ? { params: coded.params as Record<string, string | number> } : {}),
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, input: { values: result.data as Record<string, unknown>, provided: [...built.provided] }, warnings };
}

type Report = (field: string | null, message: string, coded?: Pick<RowProblem, 'code' | 'params' | 'warning'>) => void;

/** A row's input built field by field, remembering which fields the file gave (`provided`). */
function inputBuilder(fields: FieldCells) {
  const input: Record<string, unknown> = {};
  const provided = new Set<string>();
  const set = (key: string, value: unknown) => {
    input[key] = value;
    provided.add(key);
  };
  return { input, provided, set, one: (field: string) => fields.get(field)?.[0] };
}

function personInput(fields: FieldCells, lookups: ImportLookups, problem: Report) {
  const { input, provided, set, one } = inputBuilder(fields);

  const contactType = one('contactType');
  if (contactType && organizationLike.has(normalizeWords(contactType))) {
    problem('contactType', `is “${contactType}”: import organizations from an organizations file`);
  }
  const firstName = one('firstName');
  input.firstName = firstName ?? '';
  if (firstName) provided.add('firstName');
  if (one('lastName')) set('lastName', one('lastName'));
  readOne(
    one('preferredLanguage'),
    readLanguage,
    (v) => set('preferredLanguage', v),
    () => problem('preferredLanguage', 'must be English or French (en, fr)'),
  );
  const emails = splitList(fields.get('emails') ?? [], /[;,\s]+/);
  if (emails.length) set('emails', emails);
  const phones = splitList(fields.get('phones') ?? [], /\s*(?:;|\n|\s\/\s)\s*/);
  if (phones.length) set('phones', phones);
  readOne(
    one('leaderCategory'),
    readLeaderCategory,
    (v) => set('leaderCategory', v),
    () => problem('leaderCategory', `must be one of: ${optionsOf(leaderCategoryLabels)}`),
  );
  readProvince(one('provinceCode'), lookups, (v) => set('provinceCode', v), problem);
  if (one('city')) set('city', one('city'));
  readOwner(one('ownerEmail'), lookups, (v) => set('ownerId', v), problem);
  for (const field of ['consentEmail', 'consentPhone', 'doNotContact', 'livedExperience']) {
    readOne(
      one(field),
      readBoolean,
      (v) => set(field, v),
      () => problem(field, 'must be yes or no'),
    );
  }
  // CiviCRM says "Do Not Email = 1"; its 0 is no consent either.
  readOne(
    one('doNotEmail'),
    readBoolean,
    (v) => v && set('consentEmail', false),
    () => problem('doNotEmail', 'must be yes or no'),
  );
  readOne(
    one('doNotPhone'),
    readBoolean,
    (v) => v && set('consentPhone', false),
    () => problem('doNotPhone', 'must be yes or no'),
  );
  readTags(fields.get('tags'), lookups, (v) => set('tags', v), problem);
  if (fields.get('notes')) set('notes', fields.get('notes')!.join('\n'));
  const organizationName = one('organizationName');
  if (organizationName) {
    const ids = lookups.organizations.get(organizationName) ?? [];
    if (ids.length === 1) set('affiliations', [{ organizationId: ids[0], title: one('jobTitle') ?? null }]);
    else if (ids.length === 0)
      problem('organizationName', `no organization named “${organizationName}” that you can see (import organizations first, or leave this column out)`);
    else problem('organizationName', `several organizations are named “${organizationName}”: merge them first, or leave this column out`);
  }
  return { input, provided };
}

function organizationInput(fields: FieldCells, lookups: ImportLookups, problem: Report) {
  const { input, provided, set, one } = inputBuilder(fields);

  const contactType = one('contactType');
  if (contactType && personLike.has(normalizeWords(contactType))) {
    problem('contactType', `is “${contactType}”: import people from a people file`);
  }
  const nameEn = one('nameEn');
  input.nameEn = nameEn ?? '';
  if (nameEn) provided.add('nameEn');
  if (one('nameFr')) set('nameFr', one('nameFr'));
  // Most files (CiviCRM's among them) have no kind: "other" until someone sets it.
  input.kind = 'other';
  readOne(
    one('kind'),
    readOrganizationKind,
    (v) => set('kind', v),
    () => problem('kind', `must be one of: ${optionsOf(organizationKindLabels)}`),
  );
  readOne(
    one('membership'),
    readMembership,
    (v) => set('membership', v),
    () => problem('membership', `must be one of: ${optionsOf(membershipLabels)}`),
  );
  readOne(
    one('membershipSince'),
    readDate,
    (v) => set('membershipSince', v),
    () => problem('membershipSince', 'must be a date like 2024-06-20'),
  );
  readProvince(one('provinceCode'), lookups, (v) => set('provinceCode', v), problem);
  for (const field of ['city', 'postalCode', 'email', 'phone', 'website']) if (one(field)) set(field, one(field));
  readOwner(one('ownerEmail'), lookups, (v) => set('ownerId', v), problem);
  readTags(fields.get('tags'), lookups, (v) => set('tags', v), problem);
  if (fields.get('notes')) set('notes', fields.get('notes')!.join('\n'));
  return { input, provided };
}

function readOne<T>(text: string | undefined, read: (text: string) => T | null, found: (value: T) => void, unknown: () => void): void {
  if (text === undefined) return;
  const value = read(text);
  if (value === null) unknown();
  else found(value);
}

function readProvince(text: string | undefined, lookups: ImportLookups, found: (code: string) => void, problem: Report): void {
  if (text === undefined) return problem('provinceCode', 'is required');
  const code = lookups.province(text);
  if (code) found(code);
  else problem('provinceCode', `“${text}” is not a Canadian province or territory (ON, Ontario, Québec…)`);
}

function readOwner(text: string | undefined, lookups: ImportLookups, found: (id: string) => void, problem: Report): void {
  if (text === undefined) return;
  const id = lookups.owners.get(text.toLowerCase());
  if (id) found(id);
  else problem('ownerEmail', `“${text}” is not the e-mail of a staff or coordinator account you can make owner`);
}

function readTags(cells: string[] | undefined, lookups: ImportLookups, found: (slugs: string[]) => void, problem: Report): void {
  if (!cells) return;
  const names = splitList(cells, /[;,]/);
  const unknown = names.filter((name) => lookups.tag(name) === null);
  // Tags not in the vocabulary are left out with a warning, never a refused row: the
  // rest of the row is good, and national staff add tags to the vocabulary when wanted.
  if (unknown.length) {
    const tags = unknown.map((t) => `“${t}”`).join(', ');
    problem('tags', `${tags} ${unknown.length === 1 ? 'is' : 'are'} not in the tag list: left out`, {
      code: 'tagsLeftOut',
      params: { tags, count: unknown.length },
      warning: true,
    });
  }
  const known = names.filter((name) => lookups.tag(name) !== null);
  if (known.length) found([...new Set(known.map((name) => lookups.tag(name)!))]);
}

/** 2024-06-20, 2024/06/20, or an ISO date-time (its date). Day-first and month-first dates are ambiguous: refused. */
export function readDate(text: string): string | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}
