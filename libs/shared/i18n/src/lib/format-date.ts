import type { Language } from './language';

const locales: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

// Formats a calendar date ("2025-06-20") as "June 20, 2025" / "20 juin 2025".
// Read and printed in UTC so the day never shifts with the server's time zone.
export function formatDate(lang: Language, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
