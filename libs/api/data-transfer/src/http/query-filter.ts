import { BadUserInputException, parseInput } from '@crm/platform';
import type { z } from 'zod';

const listKeys = new Set(['provinceCodes', 'tags', 'engagementStages', 'leaderCategories', 'kinds', 'memberships']);
const booleanKeys = new Set(['archived']);

type Query = Record<string, string | string[] | undefined>;

/**
 * A list's filter from a URL's query string (`?provinceCodes=ON,QC&tags=faith&archived=true`),
 * validated by the list's own zod schema: BAD_USER_INPUT names the field as
 * `filter.<name>`, as the GraphQL list would. `reserved` keys (e.g. `lang`) are
 * not filters; any other unknown key is refused rather than silently ignored.
 */
export function filterFromQuery<S extends z.ZodObject>(schema: S, query: Query, reserved: string[] = []): z.infer<S> {
  const known = new Set(Object.keys(schema.shape));
  const raw: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || reserved.includes(key)) continue;
    if (!known.has(key)) {
      unknown.push(key);
      continue;
    }
    const values = (Array.isArray(value) ? value : [value]).flatMap((v) => (listKeys.has(key) ? v.split(',') : [v])).map((v) => v.trim());
    if (listKeys.has(key)) raw[key] = values.filter((v) => v !== '');
    else if (booleanKeys.has(key)) raw[key] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0];
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
