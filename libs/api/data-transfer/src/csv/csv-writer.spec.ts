import { csvCell, csvLine } from './csv-writer';

describe('csvCell', () => {
  it.each([
    ['plain', 'Amina', 'Amina'],
    ['empty for null', null, ''],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['comma quoted', 'Ottawa, ON', '"Ottawa, ON"'],
    ['line breaks quoted', 'a\nb', '"a\nb"'],
    ['formula escaped', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['plus escaped', '+16135550199', "'+16135550199"],
    ['minus escaped', '-2+3', "'-2+3"],
    ['at escaped', '@SUM(A1)', "'@SUM(A1)"],
    ['tab escaped', '\t=1', "'\t=1"],
    ['carriage return escaped', '\r=1', `"'\r=1"`],
    ['formula sign elsewhere kept', 'a=b', 'a=b'],
    ['leading space kept by quoting', ' x', '" x"'],
    ['numbers and booleans', 3, '3'],
  ])('%s', (_name, value, expected) => {
    expect(csvCell(value as string)).toBe(expected);
  });

  it('ends records with CRLF', () => {
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});
