import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError as ParserError } from 'csv-parse';

export type CsvProblem = 'too_large' | 'empty' | 'binary' | 'mixed_encoding' | 'no_header' | 'malformed' | 'no_rows';

/** A file we refuse, with a message the person who uploaded it can act on. */
export class CsvFileError extends Error {
  constructor(
    readonly problem: CsvProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvRow {
  /** 1-based position among the data rows (the header is not counted). */
  rowNumber: number;
  /** Line of the file where the row starts (rows may span lines inside quotes). */
  lineNumber: number;
  cells: string[];
}

export interface CsvFile {
  headers: string[];
  delimiter: string;
  /** Final once `rows` is exhausted: a file that is plain ASCII up to some point may turn out to be Windows-1252 after it. */
  encoding(): DetectedEncoding;
  bytes(): number;
  rows: AsyncGenerator<CsvRow>;
}

const SNIFF_BYTES = 8 * 1024;
const MAX_RECORD_CHARS = 1_000_000;

/** Stops reading (and refuses the file) past `maxBytes`: the upload is never held whole. */
export async function* limitBytes(source: AsyncIterable<Buffer | string>, maxBytes: number, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    counter.bytes += buffer.length;
    if (counter.bytes > maxBytes) {
      throw new CsvFileError('too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; split it into smaller files`);
    }
    yield buffer;
  }
}

// Signatures of files people upload by mistake, with what to do instead.
const signatures: { bytes: number[]; message: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], message: 'This is an Excel workbook (.xlsx) or a zip file, not a CSV file: in Excel, use File › Save As › “CSV UTF-8”' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], message: 'This is an old Excel workbook (.xls), not a CSV file: in Excel, use File › Save As › “CSV UTF-8”' },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'This is a PDF file, not a CSV file' },
  { bytes: [0x1f, 0x8b], message: 'This is a compressed (gzip) file, not a CSV file: uncompress it first' },
];

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 (with BOM) are recognised
 * by their BOM; without one the text is read as UTF-8 until a byte proves it is
 * not: when the first non-ASCII character is not UTF-8, the whole file is read
 * as Windows-1252 (what Excel writes in "CSV" on Windows; a superset of Latin-1).
 * One pass, nothing buffered beyond a few bytes.
 */
export class CsvDecoder {
  private mode: 'sniff' | 'ascii' | 'utf8' | 'cp1252' | 'utf16le' | 'utf16be' = 'sniff';
  private bom = false;
  private carry: Buffer = Buffer.alloc(0);
  private readonly strictUtf8 = new TextDecoder('utf-8', { fatal: true });
  private utf16: InstanceType<typeof TextDecoder> | null = null;

  get encoding(): DetectedEncoding {
    switch (this.mode) {
      case 'cp1252':
        return 'windows-1252';
      case 'utf16le':
        return 'utf-16le';
      case 'utf16be':
        return 'utf-16be';
      default:
        return this.bom ? 'utf-8-bom' : 'utf-8';
    }
  }

  async *decode(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
    let head: Buffer = Buffer.alloc(0);
    for await (const chunk of source) {
      if (this.mode === 'sniff') {
        head = Buffer.concat([head, chunk]);
        if (head.length < SNIFF_BYTES) continue;
        const text = this.start(head, false);
        if (text) yield text;
        continue;
      }
      const text = this.next(chunk, false);
      if (text) yield text;
    }
    const text = this.mode === 'sniff' ? this.start(head, true) : this.next(Buffer.alloc(0), true);
    if (text) yield text;
  }

  /** The first bytes decide: BOM, known binary formats, NUL and control bytes. */
  private start(head: Buffer, final: boolean): string {
    let body = head;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.bom = true;
      this.mode = 'utf8';
      body = head.subarray(3);
    } else if (head[0] === 0xff && head[1] === 0xfe) {
      this.mode = 'utf16le';
      body = head.subarray(2);
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      this.mode = 'utf16be';
      body = head.subarray(2);
    } else {
      for (const signature of signatures) {
        if (signature.bytes.every((byte, i) => head[i] === byte)) throw new CsvFileError('binary', signature.message);
      }
      this.mode = 'ascii';
    }
    if (this.mode === 'ascii' || this.mode === 'utf8') assertText(body);
    if (this.mode === 'utf16le' || this.mode === 'utf16be') this.utf16 = new TextDecoder(this.mode === 'utf16le' ? 'utf-16le' : 'utf-16be');
    return this.next(body, final);
  }

  private next(chunk: Buffer, final: boolean): string {
    if (this.utf16) return this.utf16.decode(chunk, { stream: !final });
    if (this.mode === 'cp1252') return decodeWindows1252(chunk);
    const data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = final ? data.length : completeUtf8Length(data);
    const part = data.subarray(0, end);
    this.carry = Buffer.from(data.subarray(end));
    if (this.mode === 'ascii') {
      // The first non-ASCII character decides: valid UTF-8 or not.
      const first = part.findIndex((byte) => byte >= 0x80);
      if (first >= 0 && !isUtf8SequenceAt(part, first)) {
        // Everything before was ASCII, which reads the same in Windows-1252.
        this.mode = 'cp1252';
        const rest = Buffer.concat([part, this.carry]);
        this.carry = Buffer.alloc(0);
        return decodeWindows1252(rest);
      }
      if (first >= 0) this.mode = 'utf8';
    }
    try {
      return this.strictUtf8.decode(part);
    } catch {
      throw new CsvFileError(
        'mixed_encoding',
        'The file mixes text encodings (UTF-8 at first, then bytes that are not UTF-8): save it again from your spreadsheet as “CSV UTF-8”',
      );
    }
  }
}

function isUtf8SequenceAt(data: Buffer, i: number): boolean {
  const lead = data[i];
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > data.length) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(i, i + length));
    return true;
  } catch {
    return false;
  }
}

// Windows-1252 is Latin-1 except for 0x80-0x9F, where it has printable characters
// (€, curly quotes, dashes, Œ œ…). Node's TextDecoder reads that range as Latin-1
// control characters, so the table is here (undefined positions stay as they are).
const cp1252High = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => cp1252High[c.charCodeAt(0) - 0x80]) : latin1;
}

/** Up to where `data` holds whole UTF-8 sequences (a character may straddle two chunks). */
function completeUtf8Length(data: Buffer): number {
  let i = data.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (data[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0 || data[i] < 0xc0) return data.length;
  const needed = data[i] >= 0xf0 ? 4 : data[i] >= 0xe0 ? 3 : 2;
  return data.length - i < needed ? i : data.length;
}

// PostgreSQL text cannot hold NUL. A stray one in a cell (a copy and paste, an old
// system) stands as SUB, "substitute", which every text field refuses as a control
// character: the row is refused with its field named, the rest of the file is read.
// eslint-disable-next-line no-control-regex
const nul = /\u0000/g;
const storable = (cell: string) => (cell.includes('\u0000') ? cell.replace(nul, '\u001a') : cell);

/** Control bytes beyond a stray few do not belong in a text file (UTF-16 without BOM is half NUL). */
function assertText(head: Buffer): void {
  let control = 0;
  for (const byte of head) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) control++;
  }
  if (control > Math.max(2, head.length / 200)) throw new CsvFileError('binary', 'This is not a text file (it contains binary data): upload a CSV file');
}

const delimiters = [',', ';', '\t', '|'];

/** The separator that occurs most often, outside quotes, in the first line (Excel in French writes `;`). */
export function detectDelimiter(text: string): string {
  const counts = new Map(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const d of delimiters) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const lineBreak = /\r\n|\r|\n/g;

function countMatches(cells: string[], pattern: RegExp): number {
  let count = 0;
  for (const cell of cells) count += cell.match(pattern)?.length ?? 0;
  return count;
}

function parserMessage(error: ParserError | Error): string {
  const code = (error as ParserError).code;
  const line = (error as ParserError & { lines?: number }).lines;
  const at = line ? `Line ${line}: ` : '';
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at}a quoted cell is never closed (a " is missing): the file is cut short or is not a CSV file`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${at}a row is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters: this does not look like a CSV file`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${at}a quoted cell is followed by other characters: put the whole cell in quotes, with quotes inside doubled ("")`;
    default:
      return `${at}the file cannot be read as CSV (${error.message})`;
  }
}

/**
 * Reads an uploaded CSV as it streams in: encoding and separator detected, the
 * header checked, rows yielded one at a time (blank rows skipped, quoted line
 * breaks kept). Throws CsvFileError with a message for the uploader.
 */
export async function readCsv(source: AsyncIterable<Buffer | string>, options: { maxBytes: number }): Promise<CsvFile> {
  const counter = { bytes: 0 };
  const decoder = new CsvDecoder();
  const text = decoder.decode(limitBytes(source, options.maxBytes, counter));

  // Enough text to see the first line.
  let head = '';
  let done = false;
  while (!/[\r\n]/.test(head) && head.length < 64 * 1024) {
    const next = await text.next();
    if (next.done) {
      done = true;
      break;
    }
    head += next.value;
  }
  if (head.trim() === '') throw new CsvFileError('empty', 'The file is empty');
  const delimiter = detectDelimiter(head.replace(/^\s*[\r\n]+/, ''));

  async function* all(): AsyncGenerator<string> {
    yield head;
    if (!done) yield* text;
  }
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  pipeline(Readable.from(all(), { objectMode: false }), parser, () => undefined);

  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const read = async () => {
    try {
      return await records.next();
    } catch (error) {
      if (error instanceof CsvFileError) throw error;
      throw new CsvFileError('malformed', parserMessage(error as Error));
    }
  };

  const first = await read();
  if (first.done) throw new CsvFileError('empty', 'The file is empty');
  const headers = checkHeaders(first.value.record.map(storable));

  // csv-parse counts a CRLF inside a quoted cell as two lines; editors count one.
  let crlfInCells = countMatches(first.value.record, /\r\n/g);

  async function* rows(): AsyncGenerator<CsvRow> {
    let rowNumber = 0;
    try {
      for (;;) {
        const next = await read();
        if (next.done) break;
        const { record, info } = next.value;
        crlfInCells += countMatches(record, /\r\n/g);
        const lastLine = info.lines - crlfInCells;
        yield { rowNumber: ++rowNumber, lineNumber: lastLine - countMatches(record, lineBreak), cells: record.map(storable) };
      }
    } finally {
      parser.destroy();
    }
    if (rowNumber === 0) throw new CsvFileError('no_rows', 'The file has a header row but no data rows');
  }

  return { headers, delimiter, encoding: () => decoder.encoding, bytes: () => counter.bytes, rows: rows() };
}

const looksLikeData = /@|^[\d\s()+\-.,/]{4,}$/;

/** The first row must name the columns: no blanks between names, no data. */
export function checkHeaders(raw: string[]): string[] {
  const headers = raw.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  while (headers.length > 1 && headers[headers.length - 1] === '') headers.pop();
  const blank = headers.findIndex((h) => h === '');
  if (blank >= 0) {
    throw new CsvFileError('no_header', `Column ${blank + 1} has no name: the first row must name every column (First Name, Email…)`);
  }
  const data = headers.find((h) => looksLikeData.test(h));
  if (data !== undefined) {
    throw new CsvFileError(
      'no_header',
      'The first row looks like data (an e-mail address or a number), not column names: add a first row naming the columns (First Name, Email…)',
    );
  }
  const long = headers.find((h) => h.length > 200);
  if (long !== undefined) throw new CsvFileError('no_header', 'The first row is not a row of column names (a name is longer than 200 characters)');
  return headers;
}
