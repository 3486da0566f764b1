import { formatDate, formatDateTime } from './format-date';

describe('formatDate', () => {
  it('writes a calendar date the way each language does, whatever the server zone', () => {
    expect(formatDate('en', '2025-06-20')).toBe('June 20, 2025');
    expect(formatDate('fr', '2025-06-20')).toBe('20 juin 2025');
  });

  it('writes the first of the month "1er" in French, and only the first', () => {
    expect(formatDate('fr', '2026-12-01')).toBe('1er décembre 2026');
    expect(formatDate('fr', '2026-12-11')).toBe('11 décembre 2026');
    expect(formatDate('en', '2026-12-01')).toBe('December 1, 2026');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the national office’s time zone, with the zone', () => {
    expect(formatDateTime('en', '2026-11-26T22:27:07Z')).toMatch(/^Nov\.? 26, 2026, 5:27\sp\.m\.\sEST$/);
    expect(formatDateTime('fr', '2026-11-26T22:27:07Z')).toMatch(/^26 nov\. 2026, 17\sh\s27\sHNE$/);
  });

  it('gives the date or the time alone', () => {
    expect(formatDateTime('en', '2026-11-27T03:05:00Z', { part: 'date' })).toMatch(/^Nov\.? 26, 2026$/);
    expect(formatDateTime('fr', '2026-11-27T03:05:00Z', { part: 'time' })).toMatch(/^22\sh\s05\sHNE$/);
  });

  it('writes "1er" for the first of the month in French dates and times', () => {
    expect(formatDateTime('fr', '2026-12-01T15:00:00Z', { part: 'date' })).toBe('1er déc. 2026');
    expect(formatDateTime('fr', '2026-12-01T15:00:00Z')).toMatch(/^1er déc\. 2026, 10\sh\s00\sHNE$/);
  });

  it('leaves a value it cannot read as it is', () => {
    expect(formatDateTime('en', 'not a date')).toBe('not a date');
  });
});
