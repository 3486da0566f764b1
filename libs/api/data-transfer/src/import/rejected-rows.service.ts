import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { isProblemCode } from '@crm/contracts';
import { translate } from '@crm/i18n';
import type { RequestContext } from '@crm/platform';
import { csvLine, UTF8_BOM } from '../csv/csv-writer';
import type { TransferLang as Lang } from '@crm/records';
import { ExportRepository } from '../export/export.repository';
import { ImportBatchRepository } from './import-batch.repository';
import type { RowProblem } from './row-input';
import { ImportService } from './import.service';
import type { CsvDownload } from '../export/export.service';

const reasonHeader = { en: 'Reason', fr: 'Motif' } as const;
const lineWord = { en: 'Line', fr: 'Ligne' } as const;
const colon = { en: ': ', fr: '\u00a0: ' } as const;

/**
 * The rows an import refused (dry run) or could not apply (run), as the user
 * uploaded them plus a reason column: fix them in a spreadsheet and upload
 * the file again. Same CSV rules as exports (BOM, CRLF, quoting, formula escaping).
 */
@Injectable()
export class RejectedRowsService {
  constructor(
    private readonly imports: ImportService,
    private readonly batches: ImportBatchRepository,
    private readonly cursor: ExportRepository,
  ) {}

  async csv(ctx: RequestContext, batchId: string, lang: Lang): Promise<CsvDownload> {
    const batch = await this.imports.get(ctx, batchId);
    const width = batch.headers.length;
    const rows = this.cursor.stream<{ rowNumber: number; lineNumber: number; cells: string[]; problems: RowProblem[] | null }>(
      this.batches.rejectedRowsQuery(batch.id),
    );
    async function* lines(): AsyncGenerator<Buffer> {
      try {
        let text = UTF8_BOM + csvLine([...batch.headers, reasonHeader[lang]]);
        for await (const row of rows) {
          const cells = Array.from({ length: width }, (_v, i) => row.cells[i] ?? '');
          text += csvLine([...cells, `${lineWord[lang]} ${row.lineNumber}${colon[lang]}${describe(row.problems ?? [], lang)}`]);
          if (text.length >= 64 * 1024) {
            yield Buffer.from(text, 'utf8');
            text = '';
          }
        }
        if (text) yield Buffer.from(text, 'utf8');
      } finally {
        await rows.return(undefined);
      }
    }
    const base =
      batch.filename
        .replace(/\.[^.]*$/, '')
        .replace(/[^\w.-]+/g, '-')
        .slice(0, 80) || 'import';
    return { filename: `${base}-rejected.csv`, body: Readable.from(lines(), { objectMode: false }) };
  }
}

/**
 * A row's problems in `lang`: the recorded English sentences (with the values they
 * quote), or in French the coded ones from the catalogues (decision 057), the value a
 * list item had kept in front.
 */
export function describe(problems: RowProblem[], lang: Lang = 'en'): string {
  const say = translate as (lang: string, key: string, params?: Record<string, string | number>) => string;
  const text = (p: RowProblem) => {
    if (lang === 'en' || !p.code || !isProblemCode(p.code)) return p.message;
    const quoted = /^“([^”]*)”: /.exec(p.message);
    return `${quoted ? `«\u00a0${quoted[1]}\u00a0»${colon[lang]}` : ''}${say(lang, `problem.${p.code}`, p.params ?? {})}`;
  };
  return problems.map((p) => (p.column ? `${p.column}${colon[lang]}${text(p)}` : text(p))).join(lang === 'fr' ? '\u00a0; ' : '; ');
}
