import { officeTimeZone } from '@crm/i18n';

// One formatter per zone: building an Intl.DateTimeFormat costs milliseconds, using one microseconds.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (an unknown zone falls back to the office's). */
export function localDate(at: Date, timeZone: string | null | undefined): string {
  try {
    return formatterFor(timeZone || officeTimeZone).format(at);
  } catch {
    return formatterFor(officeTimeZone).format(at);
  }
}

/** `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
