import type { ExportCell, ExportColumn, TransferLang } from './transfer-registry';

// Most export columns show one field of the row as SQL returned it (snake_case), or that
// field through a label (a coded value, yes/no): written once here, so a registration reads
// as its headers and fields. A column that computes its cell is still written out.

/** The column `key` that shows the row's `field` as it is. */
export function fieldColumn<R, K extends keyof R & string>(key: string, en: string, fr: string, field: K): ExportColumn<R> {
  return { key, en, fr, cell: (row) => row[field] as ExportCell };
}

/** The column `key` that shows the row's `field`, a calendar date `YYYY-MM-DD` (a real date in a .xlsx). */
export function dateColumn<R, K extends keyof R & string>(key: string, en: string, fr: string, field: K): ExportColumn<R> {
  return { key, en, fr, type: 'date', cell: (row) => row[field] as ExportCell };
}

/** The column `key` that shows the row's `field` as `label` says it in the file's language (`exportCells.label`, `exportCells.yesNo`). */
export function labelColumn<R, K extends keyof R & string>(
  key: string,
  en: string,
  fr: string,
  field: K,
  label: (value: R[K], lang: TransferLang) => ExportCell,
): ExportColumn<R> {
  return { key, en, fr, cell: (row, lang) => label(row[field], lang) };
}

/** The columns record lists share, under the same headers in every file (an export imports back by them). */
export const recordColumns = {
  id: fieldColumn<{ id: string }, 'id'>('id', 'ID', 'ID', 'id'),
  provinceCode: fieldColumn<{ province_code: string }, 'province_code'>('provinceCode', 'Province', 'Province', 'province_code'),
  campaign: fieldColumn<{ campaign: string }, 'campaign'>('campaign', 'Campaign', 'Campagne', 'campaign'),
  createdAt: fieldColumn<{ created_at: Date }, 'created_at'>('createdAt', 'Created', 'Créé le', 'created_at'),
  updatedAt: fieldColumn<{ updated_at: Date }, 'updated_at'>('updatedAt', 'Updated', 'Modifié le', 'updated_at'),
};
