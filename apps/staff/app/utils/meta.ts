import { isLanguage, translate, type Language, type PlainMessageKey } from '@crm/i18n';

type Match = { id: string; data: unknown };

// Meta functions run outside React: read the language from the root match.
export function languageFromMatches(matches: Match[]): Language {
  const data = matches.find((match) => match.id === 'root')?.data as { lang?: unknown } | undefined;
  return isLanguage(data?.lang) ? data.lang : 'en';
}

// `<title>` for a page: "Dashboard · Coalition CRM", or the app name alone.
export function pageTitle(matches: Match[], page?: PlainMessageKey): { title: string }[] {
  const lang = languageFromMatches(matches);
  return [{ title: page ? translate(lang, 'app.pageTitle', { page: translate(lang, page) }) : translate(lang, 'app.name') }];
}

// `<title>` for one record's pages: its name, or the list's title when it did not load.
export function recordPageTitle(matches: Match[], fallback: PlainMessageKey, name: ((lang: Language) => string) | null): { title: string }[] {
  const lang = languageFromMatches(matches);
  return [{ title: translate(lang, 'app.pageTitle', { page: name ? name(lang) : translate(lang, fallback) }) }];
}
