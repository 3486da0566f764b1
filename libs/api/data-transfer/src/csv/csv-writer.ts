import { officeTimeZone } from '@crm/i18n';

/** Spreadsheets (Excel above all) read a UTF-8 file as UTF-8 only when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | Date | null | undefined;

// A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV
// injection"); tab and carriage return can hide one behind leading whitespace.
const formulaStart = /^[=+\-@\t\r]/;
// A phone number as we store it (E.164, maybe an extension), or several joined by "; ".
// To a spreadsheet "+16135550199" is at worst the number 16135550199: digits call no
// function, so it is written as it is, without the apostrophe people then see.
const phones = /^\+\d{7,15}(?:;ext=\d{1,10})?(?:; \+\d{7,15}(?:;ext=\d{1,10})?)*$/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

/**
 * One cell, RFC 4180: quoted when it holds a quote, comma or line break (or
 * leading/trailing spaces, which some readers trim), quotes doubled; a cell a
 * spreadsheet would run as a formula gets a leading single quote (the import takes
 * it off again), unless it is a phone number. Dates as `csvDateTime` writes them.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? csvDateTime(value) : String(value);
  if (formulaStart.test(text) && !phones.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const officeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: officeTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * `2024-01-25 09:00`: the national office's local date and time (decision 059).
 * Excel, LibreOffice and Google Sheets read this as a date-time in every locale;
 * an ISO instant (`2024-01-25T14:00:00.000Z`) stays text to them.
 */
export function csvDateTime(value: Date): string {
  const part = Object.fromEntries(officeParts.formatToParts(value).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The national office's wall clock at an instant (the .xlsx writes it as the spreadsheet's zone-less date). */
export function officeDateTimeParts(value: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const part = Object.fromEntries(officeParts.formatToParts(value).map((p) => [p.type, Number(p.value)]));
  return { year: part.year, month: part.month, day: part.day, hour: part.hour, minute: part.minute };
}
