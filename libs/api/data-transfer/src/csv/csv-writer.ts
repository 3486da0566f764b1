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
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Multi-valued fields (e-mails, phones, tags) in one cell. */
export const MULTI_VALUE_SEPARATOR = '; ';
