import { defaultLanguage, isLanguage, negotiateLanguage, type Language } from '@crm/i18n';
import { takesLanguageFromAddress } from './public-pages';

// The language choice is a plain `lang=fr` cookie (not signed: it is a preference,
// not a secret), kept a year, sent on top-level navigations (SameSite=Lax).
const cookieName = 'lang';
const oneYearInSeconds = 365 * 24 * 60 * 60;

export function readLanguageCookie(request: Request): Language | undefined {
  const header = request.headers.get('Cookie') ?? '';
  for (const pair of header.split(';')) {
    const [name, ...value] = pair.trim().split('=');
    if (name === cookieName) {
      const lang = decodeURIComponent(value.join('='));
      return isLanguage(lang) ? lang : undefined;
    }
  }
  return undefined;
}

export function serializeLanguageCookie(lang: Language): string {
  return `${cookieName}=${lang}; Path=/; Max-Age=${oneYearInSeconds}; SameSite=Lax`;
}

// Cookie first, then the browser's Accept-Language, then English.
export function getLanguage(request: Request): Language {
  return readLanguageCookie(request) ?? negotiateLanguage(request.headers.get('Accept-Language')) ?? defaultLanguage;
}

/** `/public/stories?lang=fr`, `/invitation/…?lang=fr`: the language a page's address asks for, if any. */
export function publicPageLanguage(request: Request): Language | undefined {
  const url = new URL(request.url);
  const lang = url.searchParams.get('lang');
  return takesLanguageFromAddress(url.pathname) && lang && isLanguage(lang) ? lang : undefined;
}
