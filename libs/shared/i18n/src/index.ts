export { en, type MessageKey } from './lib/en';
export { fr } from './lib/fr';
export { languages, defaultLanguage, isLanguage, negotiateLanguage, type Language } from './lib/language';
export { translate, translator, type Translate, type MessageParams, type PlainMessageKey } from './lib/translate';
export { localized, localizedName } from './lib/localized';
export { formatDate, formatDateTime, officeTimeZone } from './lib/format-date';
