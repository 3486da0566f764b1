import { problemOf } from '@crm/contracts';
import { problemMessage } from '@crm/platform';
import {
  unescapeCell,
  vocabularyReader,
  type FieldCells,
  type ImportState,
  type ImportTarget,
  type ImportVocabulary,
  type RowInput,
  type RowProblem,
} from '@crm/records';

export type { RowInput, RowProblem };

/** The batch's mapping: which field each column of the file feeds (null: not imported). */
export interface ColumnField {
  column: number;
  field: string | null;
}

export type PreparedRow = { ok: true; input: RowInput; warnings: RowProblem[] } | { ok: false; problems: RowProblem[] };

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

/**
 * One row of the file as the target's create schema's input (read by the target),
 * validated by that schema: the same one the staff form and the single-record mutation use.
 */
export function prepareRow<L>(
  target: ImportTarget<ImportState, L>,
  cells: string[],
  headers: string[],
  mapping: ColumnField[],
  lookups: L,
  vocabulary: ImportVocabulary,
): PreparedRow {
  const fields = cellsByField(cells, mapping);
  const columnsOf = (field: string) => columnsFor(field, headers, mapping);
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const problem = (field: string | null, message: string, coded?: Pick<RowProblem, 'code' | 'params' | 'warning'>) =>
    (coded?.warning ? warnings : problems).push({ field, column: field ? columnsOf(field) : null, message, ...coded });

  const extra = cells.slice(headers.length).filter((c) => c.trim() !== '').length;
  if (extra > 0) {
    const cells = headers.length + extra;
    problem(null, `has ${cells} cells but the file has ${headers.length} columns (a separator inside an unquoted cell?)`, {
      code: 'importExtraCells',
      params: { cells, columns: headers.length },
    });
  }

  const built = target.read(fields, lookups, vocabulary, problem);
  const result = target.schema.safeParse(built.input);
  if (!result.success) {
    const fieldOf = target.schemaFields ?? {};
    const reported = new Set(problems.map((p) => p.field));
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      // A value the target derives (null: an outreach's person id, from the e-mail or name) is its read's to explain.
      if (fieldOf[key] === null && problems.length) continue;
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
