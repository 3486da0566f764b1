import { defaultLanguage, translator, type Language, type Translate } from '@crm/i18n';
import { isRouteErrorResponse, useRouteError } from '@remix-run/react';
import { refusalLanguage } from './refusal';
import { useRootData } from './root-data';

// The language chosen for this request, as the root loader worked it out (the
// signed-in user's preference, else the `lang` cookie, else Accept-Language).
// An error page without the root's data reads it from the refusal, else English.
export function useLanguage(): Language {
  const fromRoot = useRootData()?.lang;
  const error = useRouteError();
  return fromRoot ?? (isRouteErrorResponse(error) ? refusalLanguage(error.data) : undefined) ?? defaultLanguage;
}

// `const t = useT(); t('nav.dashboard')`: every string shown comes from here.
export function useT(): Translate {
  return translator(useLanguage());
}

// A count as the language writes it: 1,234 in English, 1 234 in French.
export function formatCount(lang: Language, value: number): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA').format(value);
}
