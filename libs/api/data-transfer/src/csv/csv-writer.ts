export type CsvValue = string | number | boolean | Date | null | undefined;

/** Spreadsheets (Excel above all) read a UTF-8 file as UTF-8 only when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

// A cell starting with one of these is a formula to a spreadsheet (OWASP "CSV
// injection"); tab and carriage return can hide one behind leading whitespace.
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

/**
 * One cell, RFC 4180: quoted when it holds a quote, comma or line break (or
 * leading/trailing spaces, which some readers trim), quotes doubled; a cell a
 * spreadsheet would run as a formula gets a leading single quote.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
