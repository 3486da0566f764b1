import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { officeTimeZone } from '@crm/i18n';
import { AuditService, ForbiddenException, NotFoundException, type RequestContext } from '@crm/platform';
import { TransferRegistry, type ExportList, type TransferLang } from '@crm/records';
import { DataSource } from 'typeorm';
import { csvLine, UTF8_BOM } from '../csv/csv-writer';
import { ExportRepository } from './export.repository';

/** Text is sent in pieces of about this size (fewer, larger writes; still small). */
const FLUSH_CHARS = 16 * 1024;

export interface CsvDownload {
  filename: string;
  body: Readable;
}

/** Exports of the lists the domains registered (TransferRegistry): one way for every list. */
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

  /** The list as CSV: its filter, the caller's `export` scope, streamed from a cursor; audited when the stream ends. */
  /** FORBIDDEN unless the caller may export the list's subject: checked before its filter is read (a refused caller learns nothing of it). */
  assertMayExport(ctx: RequestContext, list: ExportList): void {
    if (!ctx.ability.can('export', list.subject)) throw new ForbiddenException();
  }

  csv(ctx: RequestContext, list: ExportList, filter: object, lang: TransferLang): CsvDownload {
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
        after: { filter: auditFilter(filter), rowCount, completed, language: lang },
      });
    // BOM, header, one CRLF line per row as the cursor yields it; one audit entry when
    // the stream ends (finished or not) with the filter and the row count — never the rows' values.
    async function* lines(): AsyncGenerator<Buffer> {
      let count = 0;
      let completed = false;
      try {
        let text = UTF8_BOM + csvLine(columns.map((c) => c[lang]));
        for await (const row of rows) {
          const shaped = shape(row);
          text += csvLine(columns.map((c) => c.cell(shaped, lang)));
          count++;
          if (text.length >= FLUSH_CHARS) {
            yield Buffer.from(text, 'utf8');
            text = '';
          }
        }
        if (text) yield Buffer.from(text, 'utf8');
        completed = true;
      } finally {
        await rows.return(undefined);
        await audit(count, completed);
      }
    }
    return { filename: `${list.filename[lang]}-${officeDate()}.csv`, body: Readable.from(lines(), { objectMode: false }) };
  }
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
