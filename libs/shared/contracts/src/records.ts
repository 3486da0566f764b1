import { z } from 'zod';
import { Email, Id, lineOfText, noControlCharacters, noControlCharactersInText } from './common';
import { normalizePhone } from './phone';

// Building blocks shared by the organization and person inputs (and, later, the
// CSV import, which validates each row with the same schemas).

export const provinceCodeValues = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export const ProvinceCode = z.enum(provinceCodeValues, { error: 'province' });
export type ProvinceCode = z.infer<typeof ProvinceCode>;

/**
 * Optional free text: trimmed, empty means none (null), at most `max` characters, no
 * control characters (notes, `lines: 'many'`, keep their tabs and line breaks).
 */
export const optionalText = (max: number, { lines = 'one' }: { lines?: 'one' | 'many' } = {}) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(lines === 'one' ? noControlCharacters : noControlCharactersInText, { error: 'controlCharacters' })
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const requiredText = (max: number) => lineOfText(max);

// Tags come from the `tag` vocabulary (the API checks they exist); their form is checked here.
export const tagPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const Tag = z.string().trim().max(30).regex(tagPattern, { error: 'tag' });
export const Tags = z
  .array(Tag)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

export const Emails = z
  .array(Email)
  .max(5)
  .transform((emails) => [...new Set(emails)]);

export const Phone = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }
    return phone;
  });
export const Phones = z
  .array(Phone)
  .max(5)
  .transform((phones) => [...new Set(phones)]);

// Canada Post: no D, F, I, O, Q, U anywhere; no W or Z as the first letter.
// Written by hand and by other systems with a space, a hyphen, both or neither between the halves.
const postalCodePattern = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])[\s-]*(\d[ABCEGHJ-NPRSTV-Z]\d)$/i;

/** `k1a0b1`, `T2P-1J9`, `t2p 1j9` → `K1A 0B1`, `T2P 1J9`; null when it is not a Canadian postal code. Every input path (GraphQL, CSV) reads through it. */
export function normalizePostalCode(input: string): string | null {
  const match = postalCodePattern.exec(input.trim());
  return match ? `${match[1]} ${match[2]}`.toUpperCase() : null;
}

export const PostalCode = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const code = normalizePostalCode(value);
    if (code === null) {
      ctx.addIssue({ code: 'custom', message: 'postalCode' });
      return z.NEVER;
    }
    return code;
  })
  .nullable();

// The first letter of a postal code names its province or territory.
const postalPrefixes: Record<ProvinceCode, string> = {
  NL: 'A',
  NS: 'B',
  PE: 'C',
  NB: 'E',
  QC: 'GHJ',
  ON: 'KLMNP',
  MB: 'R',
  SK: 'S',
  AB: 'T',
  BC: 'V',
  NT: 'X',
  NU: 'X',
  YT: 'Y',
};

export function postalCodeMatchesProvince(postalCode: string, provinceCode: string): boolean {
  const prefixes = postalPrefixes[provinceCode as ProvinceCode];
  return prefixes !== undefined && prefixes.includes(postalCode.charAt(0).toUpperCase());
}

export const Website = z
  .string()
  .trim()
  .max(300)
  .transform((value) => (value === '' ? null : /^https?:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, hostname: /\./, error: 'website' }).nullable())
  .nullable();

export const OptionalEmail = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(Email.nullable())
  .nullable();

export const OptionalPhone = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(Phone.nullable())
  .nullable();

/** ISO calendar date (`2024-06-20`). */
export const IsoDate = z.iso.date();

export const UpdatedSince = z.iso.datetime({ offset: true });

export const SearchText = lineOfText(100);

/** Shared by both lists: where the records are, their tags, owner, freshness. */
/** The order of a records list: by name (the default) or most recently changed first. */
export const recordSortValues = ['NAME', 'UPDATED'] as const;
export const RecordSort = z.enum(recordSortValues);
export type RecordSort = z.infer<typeof RecordSort>;

export const recordFilterFields = {
  provinceCodes: z.array(ProvinceCode).max(13).optional(),
  regionId: Id.optional(),
  tags: Tags.optional(),
  ownerId: Id.optional(),
  updatedSince: UpdatedSince.optional(),
  /** Only these records (at most 50): a short list the screen already knows, such as "recently viewed". */
  ids: z.array(Id).max(50).optional(),
  archived: z.boolean().default(false),
  search: SearchText.optional(),
  // The order travels with the filters, so an export holds the rows in the order the list showed them.
  sort: RecordSort.default('NAME'),
};
