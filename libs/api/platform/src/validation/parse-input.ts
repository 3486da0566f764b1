import { problemOf } from '@crm/contracts';
import type { z } from 'zod';
import { BadUserInputException, problemMessage } from '../errors/domain.exception';

/**
 * Validates resolver input with the shared zod schema (the same one the staff
 * form uses). Throws BAD_USER_INPUT naming each field; nothing is changed.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, path: (string | number)[] = ['input']): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: [...path, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    ...problemOf(issue),
  }));
  const summary = fields.map((f) => `${f.path.slice(path.length).join('.') || path.join('.')}: ${problemMessage(f)}`).join('; ');
  throw new BadUserInputException(fields, `Invalid input — ${summary}`);
}
