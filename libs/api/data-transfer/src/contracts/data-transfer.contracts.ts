import { z } from 'zod';
import { Id } from '@crm/contracts';

// Inputs of the CSV import. Plain zod with no server imports, so the file can
// move to @crm/contracts as it is when the staff app's wizard needs it.

/** `?kind=` of an upload: a registered import target's name (the API refuses one nobody registered). */
export const ImportKindValue = z.string().trim().min(1).max(40);

export const duplicatePolicyValues = ['UPDATE', 'SKIP'] as const;
export const DuplicatePolicy = z.enum(duplicatePolicyValues);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

export const importRowFateValues = ['create', 'update', 'skip', 'error'] as const;
export const ImportRowFate = z.enum(importRowFateValues);
export type ImportRowFate = z.infer<typeof ImportRowFate>;

export const ImportColumnMapping = z.object({
  column: z.number().int().min(0, { error: 'must be a column of the file' }),
  field: z.string().trim().max(40).nullable(),
});
export type ImportColumnMapping = z.infer<typeof ImportColumnMapping>;

/** Which field each column feeds (null: not imported); checked against the batch's columns and kind by the API. */
export const SetImportMappingInput = z.object({
  batchId: Id,
  mapping: z.array(ImportColumnMapping).max(500, { error: 'at most 500 columns' }),
  duplicatePolicy: DuplicatePolicy,
  skipInvalidRows: z.boolean().default(false),
});
export type SetImportMappingInput = z.infer<typeof SetImportMappingInput>;

export const ImportRowsArgs = z.object({
  batchId: Id,
  fate: ImportRowFate.optional(),
  first: z.number().int().min(1, { error: 'must be at least 1' }).max(500, { error: 'must be at most 500' }).default(50),
  after: z.string().max(100).nullable().optional(),
});
export type ImportRowsArgs = z.infer<typeof ImportRowsArgs>;

/** `?lang=` of an export: the header language (else the user's). */
export const ExportLanguage = z.enum(['en', 'fr'], { error: 'must be en or fr' });
