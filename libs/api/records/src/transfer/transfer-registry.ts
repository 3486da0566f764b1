import { Injectable, Module } from '@nestjs/common';
import type { AppAbility, SubjectName } from '@crm/authz';
import type { z } from 'zod';
import type { ImportTarget } from './import-target';

// The contract between record domains and data transfer (decision 058): a domain
// registers what can be exported and imported in its own library; data-transfer
// reads the registry and knows no domain by name.

export type TransferLang = 'en' | 'fr';

/** A cell as a domain gives it: text, a number, or a date-time (data-transfer writes dates as a spreadsheet reads them). */
export type ExportCell = string | number | Date | null;

export interface ExportColumn<R> {
  /** Stable identifier (not shown). */
  key: string;
  /** Header in each language: also what the import guesses the column from, so an export imports back. */
  en: string;
  fr: string;
  /**
   * What the text cell holds when it is not free text: `date`, a calendar date `YYYY-MM-DD`
   * (a real date in a .xlsx). Dates with a time are given as `Date`, numbers as numbers.
   */
  type?: 'date';
  cell(row: R, lang: TransferLang): ExportCell;
}

export interface ExportQuery {
  sql: string;
  params: unknown[];
}

/** A list that can be downloaded as `GET /export/<name>.csv|.xlsx?<filter>&lang=`. */
export interface ExportList<F extends object = object, R = unknown> {
  /** URL name: `people` → `/export/people.csv`. */
  name: string;
  /** The caller needs `export` on it (the shared ability); rows are then scoped by `query`. */
  subject: SubjectName;
  /** The GraphQL list (a connection query taking `filter`) that shows the same rows: the registry test compares them. */
  graphqlList: string;
  /** The list's filter schema, the one its GraphQL list validates with; the query string is read against it. */
  filter: z.ZodObject;
  /** File name without date or extension, per language (`people` / `personnes`). */
  filename: Record<TransferLang, string>;
  /**
   * The rows, in list order, with the caller's `export` scope: built with the SAME
   * filter builder (WHERE and ORDER BY) as the GraphQL list, so an export holds exactly what the list shows.
   */
  query(ability: AppAbility, filter: F, lang: TransferLang): ExportQuery;
  /** Columns in a stable order (new ones at the end); the first is the record's id. */
  columns: readonly ExportColumn<R>[];
  /** Field rules per row (null what the caller may not read); rows are fresh from the cursor and may be changed in place. */
  shapeRows?(ability: AppAbility): (row: R) => R;
}

export interface ImportFieldSpec {
  name: string;
  labelEn: string;
  labelFr: string;
  /** A row without a value here is invalid. */
  required?: boolean;
  /** Several columns may feed it (Email, Email 2…), and a cell may hold several values separated by ";". */
  multiple?: boolean;
  /** Column names it is guessed from, in English and French (CiviCRM's export among them); compared without case, accents or punctuation. */
  headers: string[];
}

/**
 * Exportable lists and import targets, registered by the modules that own the
 * records at start-up (as `TimelineSubjects`). A name registered twice is a bug.
 */
@Injectable()
export class TransferRegistry {
  private readonly lists = new Map<string, ExportList>();
  private readonly imports = new Map<string, ImportTarget>();

  registerExport<F extends object, R>(list: ExportList<F, R>): void {
    if (this.lists.has(list.name)) throw new Error(`export list "${list.name}" is registered twice`);
    if (list.columns[0]?.key !== 'id') throw new Error(`export list "${list.name}": the first column must be the id`);
    this.lists.set(list.name, list as unknown as ExportList);
  }

  registerImport<S extends { id: string; version: number }, L>(target: ImportTarget<S, L>): void {
    if (this.imports.has(target.kind)) throw new Error(`import of "${target.kind}" is registered twice`);
    if (!target.fields.some((f) => f.name === target.matchField)) throw new Error(`import of "${target.kind}": its match field is not one of its fields`);
    this.imports.set(target.kind, target as unknown as ImportTarget);
  }

  exportList(name: string): ExportList | undefined {
    return this.lists.get(name);
  }

  exportLists(): ExportList[] {
    return [...this.lists.values()];
  }

  importTarget(kind: string): ImportTarget | undefined {
    return this.imports.get(kind);
  }

  importKinds(): ImportTarget[] {
    return [...this.imports.values()];
  }
}

/** The registry alone (no other imports), so both the API and the worker can hold it. */
@Module({ providers: [TransferRegistry], exports: [TransferRegistry] })
export class TransferModule {}
