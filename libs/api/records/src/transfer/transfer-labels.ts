import { canReadField, type AppAbility } from '@crm/authz';
import { translate, type PlainMessageKey } from '@crm/i18n';
import type { ExportCell, TransferLang } from './transfer-registry';

// Helpers for domains' export columns. A CSV is a document for spreadsheets, so
// its cells say "Faith" / "Foi", not "faith"; the labels are the screens' own
// (@crm/i18n): a file and a screen never name a value differently.

export type Labels = { en: string; fr: string };

/** EN/FR labels of coded values from the catalogue. */
export function catalogueLabels<C extends string>(codes: readonly C[], key: (code: C) => PlainMessageKey): Record<C, Labels> {
  return Object.fromEntries(codes.map((code) => [code, { en: translate('en', key(code)), fr: translate('fr', key(code)) }])) as Record<C, Labels>;
}

export const yesNoLabels = catalogueLabels<'yes' | 'no'>(['yes', 'no'], (code) => `records.${code}`);
export const languageLabels = catalogueLabels<'en' | 'fr'>(['en', 'fr'], (code) => `languageName.${code}`);

/** Multi-valued fields (e-mails, phones, tags) in one cell; the import splits on ";". */
export const MULTI_VALUE_SEPARATOR = '; ';

export const exportCells = {
  label:
    <C extends string>(labels: Record<C, Labels>) =>
    (code: C | null, lang: TransferLang): ExportCell =>
      code ? (labels[code]?.[lang] ?? code) : null,
  yesNo: (value: boolean | null, lang: TransferLang): ExportCell => (value === null ? null : yesNoLabels[value ? 'yes' : 'no'][lang]),
  list: (values: string[]): ExportCell => values.join(MULTI_VALUE_SEPARATOR),
  /** A language code by its name ("French" / "Français"). */
  language: (code: string, lang: TransferLang): ExportCell => languageLabels[code as 'en' | 'fr']?.[lang] ?? code,
};

/** A user's e-mail is personal: shown only if the caller may read it (ADMIN; anyone for their own account). */
export function ownerEmailShaper(ability: AppAbility): (ownerId: string | null, email: string | null) => string | null {
  const allowed = new Map<string, boolean>();
  return (ownerId, email) => {
    if (!ownerId || !email) return null;
    if (!allowed.has(ownerId)) allowed.set(ownerId, canReadField(ability, 'read', 'User', 'email', { id: ownerId }));
    return allowed.get(ownerId) ? email : null;
  };
}
