import type { Language } from './language';

const locales: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

// Building an Intl.DateTimeFormat costs about a millisecond, using one microseconds: a daily
// digest formats thousands of dates, a list hundreds. One formatter per language and options.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[lang], options);
    formatters.set(key, formatter);
  }
  return formatter;
}

// Formats a calendar date ("2025-06-20") as "June 20, 2025" / "20 juin 2025".
// Read and printed in UTC so the day never shifts with the server's time zone.
export function formatDate(lang: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return format(lang, formatterFor(lang, { dateStyle: 'long', timeZone: 'UTC' }), date);
}

// French writes the first of the month as an ordinal: "1er décembre", "1er déc." (Intl says "1").
function format(lang: Language, formatter: Intl.DateTimeFormat, date: Date): string {
  if (lang !== 'fr') return formatter.format(date);
  return formatter
    .formatToParts(date)
    .map((part) => (part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

// The national office's time zone: every timestamp on a staff screen reads the
// same for everyone, with its zone spelled out ("EST", "HNE").
export const officeTimeZone = 'America/Toronto';

const instantParts = {
  // "Nov 26, 2026, 5:27 p.m. EST" / "26 nov. 2026, 17 h 27 HNE"
  both: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  // "Nov 26, 2026" / "26 nov. 2026"
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  // "5:27 p.m. EST" / "17 h 27 HNE"
  time: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Formats an instant ("2026-11-26T22:27:07Z") in the national office's zone:
// all of it, or only its date or its time (tables show them on two lines).
export function formatDateTime(
  lang: Language,
  iso: string,
  { part = 'both', timeZone = officeTimeZone }: { part?: keyof typeof instantParts; timeZone?: string } = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return format(lang, formatterFor(lang, { ...instantParts[part], timeZone }), date);
}
