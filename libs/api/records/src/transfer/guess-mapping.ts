import type { ImportFieldSpec } from './transfer-registry';

/** Lower case, no accents, words joined by single spaces: "État/Province" → "etat province". */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const guessTables = new WeakMap<readonly ImportFieldSpec[], Map<string, string>>();

function guessTable(fields: readonly ImportFieldSpec[]): Map<string, string> {
  let table = guessTables.get(fields);
  if (!table) {
    table = new Map();
    for (const field of fields) {
      for (const header of [...field.headers, field.labelEn, field.labelFr]) {
        const words = normalizeWords(header);
        if (!table.has(words)) table.set(words, field.name);
      }
    }
    guessTables.set(fields, table);
  }
  return table;
}

/**
 * The field each column most likely holds, from its name: exact names first
 * (without case, accents, punctuation), then a trailing number or qualifier
 * dropped ("Email 2", "Phone (Home)"). A field taking one value is given to
 * its first column only. Columns with no likely field get null (not imported).
 */
export function guessMapping(fields: readonly ImportFieldSpec[], headers: string[]): (string | null)[] {
  const table = guessTable(fields);
  const multiple = new Set(fields.filter((f) => f.multiple).map((f) => f.name));
  const taken = new Set<string>();
  return headers.map((header) => {
    const words = normalizeWords(header);
    const candidates = [words, words.replace(/ \d+$/, ''), words.replace(/ (primary|principal|home|work|other|maison|travail|autre|billing)$/, '')];
    const field = candidates.map((c) => table.get(c)).find((f) => f !== undefined) ?? null;
    if (field === null || (taken.has(field) && !multiple.has(field))) return null;
    taken.add(field);
    return field;
  });
}

/** At least one column name is one we know: a file that is CSV and about these records. */
export function recognisesAnyHeader(fields: readonly ImportFieldSpec[], headers: string[]): boolean {
  return guessMapping(fields, headers).some((field) => field !== null);
}
