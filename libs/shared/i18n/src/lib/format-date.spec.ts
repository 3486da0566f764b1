import { formatDate, formatDateTime } from './format-date';

describe('formatDate', () => {
  it('writes a calendar date the way each language does, whatever the server zone', () => {
    expect(formatDate('en', '2025-06-20')).toBe('June 20, 2025');
    expect(formatDate('fr', '2025-06-20')).toBe('20 juin 2025');
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

  it('leaves a value it cannot read as it is', () => {
    expect(formatDateTime('en', 'not a date')).toBe('not a date');
  });
});
