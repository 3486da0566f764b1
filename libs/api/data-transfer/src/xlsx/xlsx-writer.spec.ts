import { xlsxValue } from './xlsx-writer';

describe('xlsxValue', () => {
  it('writes an instant as the office wall clock (America/Toronto) with a date-time format', () => {
    expect(xlsxValue(new Date('2024-01-25T14:00:00Z'))).toEqual({ value: new Date('2024-01-25T09:00:00Z'), numFmt: 'yyyy-mm-dd hh:mm' });
    expect(xlsxValue(new Date('2024-07-01T03:30:00Z'))).toEqual({ value: new Date('2024-06-30T23:30:00Z'), numFmt: 'yyyy-mm-dd hh:mm' });
  });

  it('writes a calendar date of a date column as a date, and leaves other text as text', () => {
    expect(xlsxValue('2020-02-29', 'date')).toEqual({ value: new Date('2020-02-29T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
    expect(xlsxValue('2020-02-29')).toEqual({ value: '2020-02-29' });
    expect(xlsxValue('soon', 'date')).toEqual({ value: 'soon' });
  });

  it('keeps phones, postal codes and would-be formulas as text, numbers as numbers, empty as empty', () => {
    expect(xlsxValue('+16135550199')).toEqual({ value: '+16135550199' });
    expect(xlsxValue('K1A 0B1')).toEqual({ value: 'K1A 0B1' });
    expect(xlsxValue('=SUM(A1)')).toEqual({ value: '=SUM(A1)' });
    expect(xlsxValue(42)).toEqual({ value: 42 });
    expect(xlsxValue('')).toEqual({ value: null });
    expect(xlsxValue(null)).toEqual({ value: null });
  });
});
