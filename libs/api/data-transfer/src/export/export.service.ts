import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { AuditService, ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import { TransferRegistry, type ExportCell, type ExportList, type TransferLang } from '@crm/records';
import { DataSource } from 'typeorm';
import { csvLine, UTF8_BOM } from '../csv/csv-writer';
import { XLSX_CONTENT_TYPE, xlsxStream } from '../xlsx/xlsx-writer';
import { ExportRepository } from './export.repository';

/** Text is sent in pieces of about this size (fewer, larger writes; still small). */
const FLUSH_CHARS = 16 * 1024;

export type ExportFormat = 'csv' | 'xlsx';

export interface CsvDownload {
  filename: string;
  body: Readable;
}

export interface Download extends CsvDownload {
  contentType: string;
}

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Exports of the lists the domains registered (TransferRegistry): one way for every list, in CSV or Excel. */
@Injectable()
export class ExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exports: ExportRepository,
    private readonly registry: TransferRegistry,
    private readonly audit: AuditService,
  ) {}

  /** The registered list `name`, or NOT_FOUND (an unknown list is a missing page, as any unknown path). */
  list(name: string): ExportList {
    const list = this.registry.exportList(name);
    if (!list) throw new NotFoundException('Export');
    return list;
  }

  /** FORBIDDEN unless the caller may export the list's subject: checked before its filter is read (a refused caller learns nothing of it). */
  assertMayExport(ctx: RequestContext, list: ExportList): void {
    if (!ctx.ability.can('export', list.subject)) throw new ForbiddenException();
  }

  /**
   * The list in `format`: its filter, the caller's `export` scope, streamed from a
   * cursor; the same rows and cells in both formats, only the writing differs.
   */
  download(ctx: RequestContext, list: ExportList, filter: object, lang: TransferLang, format: ExportFormat): Download {
    const rows = this.cells(ctx, list, filter, lang, format);
    const filename = `${list.filename[lang]}-${officeDate()}.${format}`;
    if (format === 'xlsx') {
      const columns = list.columns.map((column) => ({ header: column[lang], type: column.type }));
      return { filename, contentType: XLSX_CONTENT_TYPE, body: xlsxStream(list.filename[lang], columns, rows) };
    }
    return {
      filename,
      contentType: CSV_CONTENT_TYPE,
      body: Readable.from(
        csvText(
          list.columns.map((c) => c[lang]),
          rows,
        ),
        { objectMode: false },
      ),
    };
  }

  /**
   * The rows' cells as the cursor yields them; one audit entry when they end (finished
   * or not) with the filter, the format and the row count — never the rows' values.
   */
  private cells(ctx: RequestContext, list: ExportList, filter: object, lang: TransferLang, format: ExportFormat): AsyncGenerator<ExportCell[]> {
    this.assertMayExport(ctx, list);
    const query = list.query(ctx.ability, filter, lang);
    const shape = list.shapeRows?.(ctx.ability) ?? ((row: unknown) => row);
    const rows = this.exports.stream<unknown>(query);
    const columns = list.columns;
    const audit = (rowCount: number, completed: boolean) =>
      this.audit.record(this.dataSource.manager, ctx, {
        action: `${list.subject.charAt(0).toLowerCase()}${list.subject.slice(1)}.export`,
        subjectType: list.subject,
        subjectId: null,
        before: null,
        after: { filter: auditFilter(filter), rowCount, completed, language: lang, format },
      });
    return (async function* () {
      let count = 0;
      let completed = false;
      try {
        for await (const row of rows) {
          const shaped = shape(row);
          yield columns.map((c) => c.cell(shaped, lang));
          count++;
        }
        completed = true;
      } finally {
        await rows.return(undefined);
        await audit(count, completed);
      }
    })();
  }
}

/** BOM, header, one CRLF line per row, sent in pieces of about FLUSH_CHARS. */
async function* csvText(headers: string[], rows: AsyncIterable<ExportCell[]>): AsyncGenerator<Buffer> {
  let text = UTF8_BOM + csvLine(headers);
  for await (const cells of rows) {
    text += csvLine(cells);
    if (text.length >= FLUSH_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (text) yield Buffer.from(text, 'utf8');
}

/** Filters in the audit log: ids and codes as given; free text (it may be a name) masked. */
function auditFilter(filter: object): Record<string, unknown> {
  const { search, ...rest } = filter as Record<string, unknown>;
  return search === undefined ? rest : { ...rest, search: '•••' };
}

/** Today in the national office's time zone, as YYYY-MM-DD. */
function officeDate(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
