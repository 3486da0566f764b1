import { DateTime } from 'luxon';

/**
 * The instant of a wall-clock time (`2026-04-04T19:00`) in an IANA zone. A time
 * that does not exist there (the hour skipped when clocks go forward) moves
 * forward with the clocks, as a calendar app does.
 */
export function instantOf(local: string, timeZone: string): Date {
  const time = DateTime.fromISO(local, { zone: timeZone });
  if (!time.isValid) throw new Error(`not a local time in ${timeZone}`);
  return time.toJSDate();
}

/** The wall-clock time (`2026-04-04T19:00`) of an instant in an IANA zone. */
export function localOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
