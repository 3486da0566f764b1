import { BadUserInputException, parseInput } from '@crm/platform';
import type { z } from 'zod';

type Query = Record<string, string | string[] | undefined>;
type FieldKind = 'list' | 'boolean' | 'one';

interface ZodDefLike {
  type: string;
  innerType?: { _zod: { def: ZodDefLike } };
  in?: { _zod: { def: ZodDefLike } };
}

/** What a filter field takes, read from its schema: a list (comma-separated in a URL), a boolean, or one value. */
function fieldKind(field: unknown): FieldKind {
  let def = (field as { _zod: { def: ZodDefLike } })._zod.def;
  for (;;) {
    if (def.type === 'array') return 'list';
    if (def.type === 'boolean') return 'boolean';
    const inner = def.innerType ?? def.in;
    if (!inner) return 'one';
    def = inner._zod.def;
  }
}

/**
 * A list's filter from a URL's query string (`?provinceCodes=ON,QC&tags=faith&archived=true`),
 * validated by the list's own zod schema: BAD_USER_INPUT names the field as
 * `filter.<name>`, as the GraphQL list would. `reserved` keys (e.g. `lang`) are
 * not filters; any other unknown key is refused rather than silently ignored.
 */
export function filterFromQuery<S extends z.ZodObject>(schema: S, query: Query, reserved: string[] = []): z.infer<S> {
  const shape = schema.shape as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || reserved.includes(key)) continue;
    if (!Object.hasOwn(shape, key)) {
      unknown.push(key);
      continue;
    }
    const kind = fieldKind(shape[key]);
    const values = (Array.isArray(value) ? value : [value]).flatMap((v) => (kind === 'list' ? v.split(',') : [v])).map((v) => v.trim());
    if (kind === 'list') raw[key] = values.filter((v) => v !== '');
    else if (kind === 'boolean') raw[key] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0];
    else raw[key] = values[0] === '' ? undefined : values[0];
  }
  if (unknown.length) {
    throw new BadUserInputException(
      unknown.map((key) => ({ path: ['filter', key], code: 'unknownFilter' })),
      `Unknown filter: ${unknown.join(', ')}`,
    );
  }
  return parseInput(schema, raw, ['filter']);
}
