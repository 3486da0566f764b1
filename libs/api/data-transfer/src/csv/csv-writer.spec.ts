import { csvCell, csvDateTime, csvLine } from './csv-writer';

describe('csvCell', () => {
  it.each([
    ['plain', 'Amina', 'Amina'],
    ['empty for null', null, ''],
    ['quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['comma quoted', 'Ottawa, ON', '"Ottawa, ON"'],
    ['line breaks quoted', 'a\nb', '"a\nb"'],
    ['formula escaped', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a phone as stored, not escaped', '+16135550199', '+16135550199'],
    ['phones joined, with an extension, not escaped', '+16135550199;ext=12; +18195550162', '+16135550199;ext=12; +18195550162'],
    ['plus formula escaped', '+1+cmd|calc', "'+1+cmd|calc"],
    ['plus with a function escaped', '+SUM(A1)', "'+SUM(A1)"],
    ['plus and digits with a formula after escaped', '+16135550199; =1', "'+16135550199; =1"],
    ['too short to be a phone escaped', '+1-2', "'+1-2"],
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

  it('writes date-times as the office’s local date and time, which spreadsheets read as dates', () => {
    expect(csvDateTime(new Date('2024-01-25T14:00:00.000Z'))).toBe('2024-01-25 09:00');
    expect(csvDateTime(new Date('2024-07-01T03:30:00.000Z'))).toBe('2024-06-30 23:30');
    expect(csvCell(new Date('2024-01-25T14:00:00.000Z'))).toBe('2024-01-25 09:00');
  });

  it('ends records with CRLF', () => {
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});
