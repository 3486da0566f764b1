import { z } from 'zod';

export const roleValues = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'] as const;
export const Role = z.enum(roleValues);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

// Any 8-4-4-4-12 hex value PostgreSQL stores as uuid, whatever its version and variant bits:
// ids made elsewhere (md5-based, imported) are ids too. The format is guarded, not the generator.
export const Id = z.guid({ error: 'id' });

// C0 and C1 control characters, DEL, line and paragraph separators: nothing a person types into
// a one-line field (and a NUL cannot even be stored in PostgreSQL text).
// eslint-disable-next-line no-control-regex
const controlInLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// In multi-line text, tabs and line breaks are what people type.
// eslint-disable-next-line no-control-regex
const controlInText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const noControlCharacters = (value: string) => !controlInLine.test(value);
export const noControlCharactersInText = (value: string) => !controlInText.test(value);

/** One line of text, trimmed: required, at most `max` characters, no control characters. */
export const lineOfText = (max: number) => z.string().trim().min(1).max(max).refine(noControlCharacters, { error: 'controlCharacters' });

// Trimmed, lower-cased: e-mail identity is case-insensitive.
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase());

export const PersonName = lineOfText(200);

// OWASP ASVS: length over composition rules; long passphrases welcome.
export const NewPassword = z
  .string()
  .min(12)
  .max(128)
  .refine((value) => value.trim().length === value.length, { error: 'passwordSpaces' });

export const Version = z.number().int().min(1);

/** The page a list answers when the query does not say (no list's default is larger). */
export const defaultPageSize = 50;

/** Cursor pagination arguments shared by every list. */
export const PageArgs = z.object({
  first: z.number().int().min(1).max(200).default(defaultPageSize),
  after: z.string().max(500).refine(noControlCharacters, { error: 'cursor' }).optional().nullable(),
});
export type PageArgs = z.infer<typeof PageArgs>;
