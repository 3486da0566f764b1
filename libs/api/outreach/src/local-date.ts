import { officeTimeZone } from '@crm/i18n';

/** The calendar date (YYYY-MM-DD) of an instant in a time zone (an unknown zone falls back to the office's). */
export function localDate(at: Date, timeZone: string | null | undefined): string {
  const format = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  try {
    return format(timeZone || officeTimeZone);
  } catch {
    return format(officeTimeZone);
  }
}

/** `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
