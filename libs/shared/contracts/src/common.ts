import { z } from 'zod';

export const roleValues = ['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'] as const;
export const Role = z.enum(roleValues);
export type Role = z.infer<typeof Role>;

export const Language = z.enum(['en', 'fr']);
export type Language = z.infer<typeof Language>;

export const Id = z.uuid({ error: 'must be a valid id' });

// Trimmed, lower-cased: e-mail identity is case-insensitive.
export const Email = z
  .string()
  .trim()
  .max(254, { error: 'must be at most 254 characters' })
  .pipe(z.email({ error: 'must be a valid e-mail address' }))
  .transform((value) => value.toLowerCase());

export const PersonName = z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' });

// OWASP ASVS: length over composition rules; long passphrases welcome.
export const NewPassword = z
  .string()
  .min(12, { error: 'must be at least 12 characters' })
  .max(128, { error: 'must be at most 128 characters' })
  .refine((value) => value.trim().length === value.length, { error: 'must not start or end with a space' });

export const Version = z.number().int().min(1);

/** Cursor pagination arguments shared by every list. */
export const PageArgs = z.object({
  first: z.number().int().min(1, { error: 'must be at least 1' }).max(200, { error: 'must be at most 200' }).default(50),
  after: z.string().max(500).optional().nullable(),
});
export type PageArgs = z.infer<typeof PageArgs>;
