import type { RequestContext } from '@crm/platform';
import { assignableByEmail } from '@crm/identity';
import type { EntityManager } from 'typeorm';
import { normalizeWords } from './guess-mapping';
import type { FieldCells, ImportReport, ImportVocabulary, RowProblem } from './import-target';
import { languageLabels, type Labels } from './transfer-labels';

// Helpers import targets read a row's cells with: coded values by their code or
// their EN/FR label (as files and screens show them), yes/no, dates, lists,
// the province, tags and owner every record type has.

/** A reader for one coded vocabulary: the code itself, or its English or French label, in any case or accents. */
export function vocabularyReader<C extends string>(labels: Record<C, Labels>, synonyms: Record<string, C> = {}): (text: string) => C | null {
  const byWords = new Map<string, C>();
  for (const [code, label] of Object.entries(labels) as [C, Labels][]) {
    byWords.set(normalizeWords(code), code);
    byWords.set(normalizeWords(label.en), code);
    byWords.set(normalizeWords(label.fr), code);
  }
  for (const [word, code] of Object.entries(synonyms)) byWords.set(normalizeWords(word), code);
  return (text) => byWords.get(normalizeWords(text)) ?? null;
}

export const readLanguage = vocabularyReader(languageLabels, {
  english: 'en',
  anglais: 'en',
  'en us': 'en',
  'en ca': 'en',
  'en gb': 'en',
  'english canada': 'en',
  'english united states': 'en',
  french: 'fr',
  francais: 'fr',
  'fr ca': 'fr',
  'fr fr': 'fr',
  'french canada': 'fr',
  'french france': 'fr',
});

const truthy = new Set(['yes', 'y', 'true', 't', '1', 'x', 'oui', 'o', 'vrai', 'v']);
const falsy = new Set(['no', 'n', 'false', 'f', '0', 'non', 'faux']);

/** Spreadsheet booleans: yes/no, true/false, 1/0, x, oui/non, vrai/faux. null when it is none of them. */
export function readBoolean(text: string): boolean | null {
  const word = normalizeWords(text);
  if (truthy.has(word)) return true;
  if (falsy.has(word)) return false;
  return null;
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

// What our exports (and other CSV writers) put before a cell a spreadsheet would run as a formula.
const formulaEscaped = /^'(?=[=+\-@\t\r])/;

/**
 * A cell as its writer meant it: the leading quote that defuses a formula in an
 * export (`'+16135550199`, `'=Smith`) is taken off, so an export imports back as it was.
 */
export function unescapeCell(cell: string): string {
  return cell.replace(formulaEscaped, '');
}

/** Several values from the cells of a multi-valued field. */
export const splitList = (values: string[], separator: RegExp): string[] =>
  values
    .flatMap((v) => v.split(separator))
    .map((v) => unescapeCell(v.trim()).trim())
    .filter((v) => v !== '');

/** The English labels of a vocabulary, for "must be one of: …". */
export const optionsOf = (labels: Record<string, { en: string }>): string =>
  Object.values(labels)
    .map((l) => l.en)
    .join(', ');

/**
 * "must be one of: …" as a row problem: the English sentence for API clients, and the
 * `oneOf` code with the labels in both languages (a file may use either), for screens.
 */
export const oneOf = (labels: Record<string, { en: string; fr: string }>): Pick<RowProblem, 'code' | 'params'> => ({
  code: 'oneOf',
  params: {
    options: optionsOf(labels),
    optionsFr: Object.values(labels)
      .map((l) => l.fr)
      .join(', '),
  },
});

/** Contact types (CiviCRM's "Contact Type") that say a row is not a person, or not an organization. */
export const organizationLike = new Set(['organization', 'organisation', 'household', 'menage', 'foyer']);
export const personLike = new Set(['individual', 'individu', 'particulier', 'person', 'personne']);

/** A row's input built field by field, remembering which fields the file gave (`provided`). */
export function inputBuilder(fields: FieldCells) {
  const input: Record<string, unknown> = {};
  const provided = new Set<string>();
  const set = (key: string, value: unknown) => {
    input[key] = value;
    provided.add(key);
  };
  return { input, provided, set, one: (field: string) => fields.get(field)?.[0] };
}

export function readOne<T>(text: string | undefined, read: (text: string) => T | null, found: (value: T) => void, unknown: () => void): void {
  if (text === undefined) return;
  const value = read(text);
  if (value === null) unknown();
  else found(value);
}

export function readProvince(text: string | undefined, vocabulary: ImportVocabulary, found: (code: string) => void, problem: ImportReport): void {
  if (text === undefined) return problem('provinceCode', 'is required', { code: 'required' });
  const code = vocabulary.province(text);
  if (code) found(code);
  else problem('provinceCode', `“${text}” is not a Canadian province or territory (ON, Ontario, Québec…)`, { code: 'importProvince', params: { value: text } });
}

/**
 * Owners a chunk's rows name (lower-case e-mail → user id), as the single-record forms
 * allow them (a coordinator: staff, themselves, coordinators of their provinces).
 */
export async function importOwners(manager: EntityManager, actor: RequestContext, rows: FieldCells[]): Promise<Map<string, string>> {
  const emails = new Set<string>();
  for (const fields of rows) for (const email of fields.get('ownerEmail') ?? []) emails.add(email.toLowerCase());
  return assignableByEmail(manager, actor.actor!, [...emails]);
}

export function readOwner(text: string | undefined, owners: Map<string, string>, found: (id: string) => void, problem: ImportReport): void {
  if (text === undefined) return;
  const id = owners.get(text.toLowerCase());
  if (id) found(id);
  else
    problem('ownerEmail', `“${text}” is not the e-mail of a staff or coordinator account you can make owner`, { code: 'importOwner', params: { value: text } });
}

export function readTags(cells: string[] | undefined, vocabulary: ImportVocabulary, found: (slugs: string[]) => void, problem: ImportReport): void {
  if (!cells) return;
  const names = splitList(cells, /[;,]/);
  const unknown = names.filter((name) => vocabulary.tag(name) === null);
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
  const known = names.filter((name) => vocabulary.tag(name) !== null);
  if (known.length) found([...new Set(known.map((name) => vocabulary.tag(name)!))]);
}
