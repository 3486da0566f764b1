import type { Language } from './language';

type Suffix<L extends Language> = L extends 'en' ? 'En' : 'Fr';

const suffixes: { [L in Language]: Suffix<L> } = { en: 'En', fr: 'Fr' };

// Records carry both languages side by side (`nameEn`/`nameFr`, `titleEn`/`titleFr`):
// picks the one for `lang`. `localized(lang, campaign, 'name')`.
export function localized<F extends string>(lang: Language, record: { readonly [K in `${F}En` | `${F}Fr`]: string }, field: F): string {
  return record[`${field}${suffixes[lang]}`];
}

// The common case: `nameEn`/`nameFr`.
export function localizedName(lang: Language, record: { readonly nameEn: string; readonly nameFr: string }): string {
  return localized(lang, record, 'name');
}
