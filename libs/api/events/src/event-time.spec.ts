import { instantOf, localOf } from './event-time';

describe('event times in their own zone', () => {
  it('19:00 in Halifax is 18:00 in Toronto and 22:00 UTC (daylight time)', () => {
    const instant = instantOf('2026-06-20T19:00', 'America/Halifax');
    expect(instant.toISOString()).toBe('2026-06-20T22:00:00.000Z');
    expect(localOf(instant, 'America/Toronto')).toBe('2026-06-20T18:00');
  });

  it('St. John’s is half an hour off: 19:00 there is 21:30 UTC in April', () => {
    expect(instantOf('2026-04-04T19:00', 'America/St_Johns').toISOString()).toBe('2026-04-04T21:30:00.000Z');
  });

  it('Vancouver in winter is UTC-8', () => {
    expect(instantOf('2026-12-03T19:00', 'America/Vancouver').toISOString()).toBe('2026-12-04T03:00:00.000Z');
  });

  it('round-trips a wall-clock time', () => {
    for (const zone of ['America/St_Johns', 'America/Vancouver', 'America/Regina']) {
      expect(localOf(instantOf('2026-11-01T01:30', zone), zone)).toBe('2026-11-01T01:30');
    }
  });
});
