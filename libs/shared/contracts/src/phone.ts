import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js';

// Phone numbers are read, checked and written by libphonenumber-js (decision 031):
// stored in E.164 (`+16135550199`, `;ext=12` when there is an extension), read with
// Canada as the default region, shown in national format for Canadian numbers and
// in international format otherwise.

const defaultRegion = 'CA';

// French extension words ("poste 12", "p. 12") read as the "ext." the library knows.
const frenchExtension = /\s*(?:poste|p\.)\s*(\d{1,6})\s*$/i;

function parse(input: string): PhoneNumber | undefined {
  const text = input.trim().replace(frenchExtension, ' ext. $1');
  if (!text || /[^\d\s.\-()+,;=a-z]/i.test(text)) return undefined;
  return parsePhoneNumberFromString(text, defaultRegion);
}

/**
 * `613-555-0199`, `(613) 555 0199 poste 3`, `+44 20 7183 8750` → E.164
 * (`+16135550199`, `+15145550100;ext=3`, `+442071838750`); null when it is not a
 * valid phone number.
 */
export function normalizePhone(input: string): string | null {
  const phone = parse(input);
  if (!phone?.isValid()) return null;
  return phone.ext ? `${phone.number};ext=${phone.ext}` : phone.number;
}

/** A stored number as people read it: `(613) 555-0199` in Canada, `+44 20 7183 8750` elsewhere; the input itself when unreadable. */
export function formatPhone(stored: string): string {
  const phone = parse(stored);
  if (!phone) return stored;
  return phone.country === defaultRegion ? phone.formatNational() : phone.formatInternational();
}

/** The `tel:` link of a stored number (RFC 3966, with its extension). */
export function phoneHref(stored: string): string {
  return parse(stored)?.getURI() ?? `tel:${stored.replace(/[^\d+]/g, '')}`;
}
