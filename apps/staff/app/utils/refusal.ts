import { isLanguage, type Language } from '@crm/i18n';

// Why a page could not be shown: the data of a thrown 403/503, read by the root
// error boundary to say it in the user's language. The language travels with it:
// when an action is refused, the root loader does not run for the error page.
export type RefusalReason = 'forbidden' | 'csrf' | 'unavailable';
export type Refusal = { reason: RefusalReason; lang: Language };

export function refusalReason(data: unknown): RefusalReason | undefined {
  const reason = (data as { reason?: unknown } | null)?.reason;
  return reason === 'forbidden' || reason === 'csrf' || reason === 'unavailable' ? reason : undefined;
}

export function refusalLanguage(data: unknown): Language | undefined {
  const lang = (data as { lang?: unknown } | null)?.lang;
  return isLanguage(lang) ? lang : undefined;
}
