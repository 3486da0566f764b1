import { en, type MessageKey } from './en';
import { fr } from './fr';
import { defaultLanguage, isLanguage, type Language } from './language';

const catalogues: Record<Language, Record<MessageKey, string>> = { en, fr };

// "{start} to {end}" -> "start" | "end", read from the English string's type.
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

// Keys whose message takes no parameter: safe to pass around as data (nav labels…).
export type PlainMessageKey = { [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never }[MessageKey];

export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

// Messages with placeholders require their parameters; the others take none.
type ParamsArg<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [params: MessageParams<K>];

export function translate<K extends MessageKey>(lang: Language | (string & {}), key: K, ...args: ParamsArg<K>): string {
  const catalogue = catalogues[isLanguage(lang) ? lang : defaultLanguage];
  const message = catalogue[key] ?? en[key];
  const params: Record<string, string | number> | undefined = args[0];
  if (!params) return message;
  // An unknown placeholder stays visible rather than silently disappearing.
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

// Binds a language once: `const t = translator('fr'); t('nav.dashboard')`.
export type Translate = <K extends MessageKey>(key: K, ...args: ParamsArg<K>) => string;

export function translator(lang: Language): Translate {
  return (key, ...args) => translate(lang, key, ...args);
}
