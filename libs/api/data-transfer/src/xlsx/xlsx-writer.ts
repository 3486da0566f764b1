import { PassThrough, type Readable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import type { ExportCell } from '@crm/records';
import { officeDateTimeParts } from '../csv/csv-writer';

export interface XlsxColumn {
  header: string;
  /** `date`: the text cells hold calendar dates `YYYY-MM-DD`, written as real dates. */
  type?: 'date';
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A cell as the workbook stores it: a date-time as the national office's wall clock
 * (a spreadsheet date has no zone; decision 059 chose the office's for the CSV, the
 * .xlsx says the same times), a calendar date as a date, a number as a number, and
 * any text as text (a phone or a postal code stays "+16135550199" / "K1A 0B1"; a
 * string is never a formula in a typed cell, so nothing needs escaping).
 */
export function xlsxValue(value: ExportCell, type?: 'date'): { value: string | number | Date | null; numFmt?: string } {
  if (value === null || value === '') return { value: null };
  if (value instanceof Date) {
    const p = officeDateTimeParts(value);
    return { value: new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)), numFmt: DATE_TIME_FORMAT };
  }
  if (type === 'date' && typeof value === 'string') {
    const match = calendarDate.exec(value);
    if (match) return { value: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))), numFmt: DATE_FORMAT };
  }
  return { value };
}

/** Rows between two looks at the consumer: the writer has no back-pressure of its own. */
const ROWS_PER_CHECK = 100;

/**
 * A one-sheet workbook written while `rows` yields (exceljs's streaming writer, inline
 * strings): memory stays flat whatever the size. Header bold and frozen. When the
 * reader goes away the rows stop (their generator's `finally` runs).
 */
export function xlsxStream(sheetName: string, columns: readonly XlsxColumn[], rows: AsyncIterable<readonly ExportCell[]>): Readable {
  const out = new PassThrough();
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: Math.min(Math.max(column.header.length + 4, 12), 40) }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();

  void (async () => {
    try {
      let written = 0;
      for await (const cells of rows) {
        if (out.destroyed) break;
        const typed = cells.map((cell, index) => xlsxValue(cell, columns[index]?.type));
        const row = sheet.addRow(typed.map((cell) => cell.value));
        typed.forEach((cell, index) => {
          if (cell.numFmt) row.getCell(index + 1).numFmt = cell.numFmt;
        });
        row.commit();
        if (++written % ROWS_PER_CHECK === 0 && out.writableNeedDrain) await drained(out);
      }
      if (out.destroyed) return;
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return out;
}

/** Resolves when the stream can take more, or has closed (the client went away). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
