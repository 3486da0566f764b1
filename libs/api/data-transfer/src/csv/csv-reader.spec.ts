import { CsvFileError, detectDelimiter, readCsv, type CsvRow } from './csv-reader';

async function* chunks(buffer: Buffer, size = 7): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function read(input: Buffer | string, size = 7, maxBytes = 1024 * 1024) {
  const file = await readCsv(chunks(Buffer.isBuffer(input) ? input : Buffer.from(input, 'utf8'), size), { maxBytes });
  const rows: CsvRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return { headers: file.headers, delimiter: file.delimiter, encoding: file.encoding(), bytes: file.bytes(), rows };
}

async function problem(input: Buffer | string, maxBytes?: number): Promise<CsvFileError> {
  try {
    await read(input, 7, maxBytes);
  } catch (error) {
    if (error instanceof CsvFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('readCsv', () => {
  it('reads UTF-8 with a BOM, CRLF and quoted line breaks, numbering rows by their first line', async () => {
    const csv = '\uFEFFFirst Name,Notes\r\nAmina,"two\r\nlines"\r\n\r\nRené,"say ""hi"""\r\n';
    const result = await read(csv);
    expect(result.headers).toEqual(['First Name', 'Notes']);
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.rows).toEqual([
      { rowNumber: 1, lineNumber: 2, cells: ['Amina', 'two\r\nlines'] },
      { rowNumber: 2, lineNumber: 5, cells: ['René', 'say "hi"'] },
    ]);
  });

  it('reads UTF-8 whose multi-byte characters straddle chunks', async () => {
    const result = await read('Nom,Ville\nÉlodie,Montréal\nZoë,Trois-Rivières\n', 3);
    expect(result.encoding).toBe('utf-8');
    expect(result.rows.map((r) => r.cells)).toEqual([
      ['Élodie', 'Montréal'],
      ['Zoë', 'Trois-Rivières'],
    ]);
  });

  it('reads Windows-1252 (Latin-1) files from Excel', async () => {
    const ascii = 'First Name,City\n' + 'Sam,Ottawa\n'.repeat(2000);
    const latin1 = Buffer.concat([Buffer.from(ascii), Buffer.from('Fran\xe7ois,Qu\xe9bec \x80\n', 'latin1')]);
    const result = await read(latin1, 1000);
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.at(-1)!.cells).toEqual(['François', 'Québec €']);
    expect(result.rows).toHaveLength(2001);
  });

  it('reads UTF-16 with a BOM and detects semicolons and tabs as separators', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Prénom;Ville\r\nÉlise;Laval\r\n', 'utf16le')]);
    const result = await read(utf16);
    expect(result).toMatchObject({ encoding: 'utf-16le', delimiter: ';', headers: ['Prénom', 'Ville'] });
    expect(result.rows[0].cells).toEqual(['Élise', 'Laval']);
    expect(detectDelimiter('a\tb\tc\n1,2')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
  });

  it('skips blank rows and rows of empty cells, and drops trailing unnamed columns', async () => {
    const result = await read('Email,Name,,\n\n,,,\nx@example.org,X,,\n   \n');
    expect(result.headers).toEqual(['Email', 'Name']);
    expect(result.rows).toEqual([{ rowNumber: 1, lineNumber: 4, cells: ['x@example.org', 'X', '', ''] }]);
  });

  it.each([
    ['an empty file', '', 'empty', /empty/],
    ['blank lines only', '\n\r\n  \n', 'empty', /empty/],
    ['a header without rows', 'First Name,Email\n', 'no_rows', /no data rows/],
    ['a first row of data', 'amina@example.org,Amina\nsam@example.org,Sam\n', 'no_header', /looks like data/],
    ['a column without a name', 'First Name,,Email\nA,B,C\n', 'no_header', /Column 2 has no name/],
    ['an unclosed quote', 'First Name,Notes\nA,"never closed\n', 'malformed', /Line 2: a quoted cell is never closed/],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'binary', /Excel workbook/],
    ['binary junk', Buffer.from([0x41, 0x00, 0x42, 0x10, 0x11]), 'binary', /not a text file/],
  ])('refuses %s', async (_name, input, code, message) => {
    const error = await problem(input as string | Buffer);
    expect(error.problem).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a UTF-8 file that turns into another encoding', async () => {
    const mixed = Buffer.concat([Buffer.from('Nom,Ville\nÉlodie,Montréal\n'), Buffer.from('Fran\xe7ois,X\n', 'latin1')]);
    expect((await problem(mixed)).problem).toBe('mixed_encoding');
  });

  it('stops reading past the size limit', async () => {
    const error = await problem('Name,City\n' + 'a,b\n'.repeat(1000), 2000);
    expect(error.problem).toBe('too_large');
  });

  describe('cells PostgreSQL cannot store', () => {
    it('reads a stray NUL as SUB, a control character every text field refuses (the row, not the file)', async () => {
      const file = await readCsv(
        (async function* () {
          yield Buffer.from('First Name,Email\r\nAn\u0000a,a@example.org\r\nBob,b@example.org\r\n');
        })(),
        { maxBytes: 1000 },
      );
      const rows = [];
      for await (const row of file.rows) rows.push(row.cells);
      expect(rows).toEqual([
        ['An\u001aa', 'a@example.org'],
        ['Bob', 'b@example.org'],
      ]);
    });
  });
});
