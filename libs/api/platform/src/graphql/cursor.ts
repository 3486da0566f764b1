import { BadUserInputException } from '../errors/domain.exception';
import { decodeCursor } from './page-info.object';

/** What one value of a keyset cursor must be before it may reach SQL; `['enum', values]`: one of these (a list ordered by a coded column). */
export type CursorPart = 'timestamp' | 'uuid' | 'bigint' | 'int' | 'text' | readonly ['enum', readonly string[]];

type PartValue<P> = P extends 'int' ? number : P extends readonly ['enum', readonly (infer V)[]] ? V : string;

// A timestamp as our cursors write it: PostgreSQL's text form or ISO 8601, to the microsecond.
const timestampText = /^([1-9]\d{3})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001f\u007f]/;
const maxBigint = 9223372036854775807n;

function isTimestamp(text: string): boolean {
  const m = timestampText.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

function fits(value: unknown, part: CursorPart): boolean {
  if (part === 'int') return typeof value === 'number' && Number.isSafeInteger(value);
  if (typeof part !== 'string') return typeof value === 'string' && part[1].includes(value);
  if (typeof value !== 'string' || value.length > 300 || control.test(value)) return false;
  if (part === 'timestamp') return isTimestamp(value);
  if (part === 'uuid') return uuidText.test(value);
  if (part === 'bigint') return /^\d{1,19}$/.test(value) && BigInt(value) <= maxBigint;
  return true;
}

/**
 * The values of a keyset cursor, each checked for the column it will be compared
 * with: a cursor of the wrong shape, tampered or crafted, is BAD_USER_INPUT naming
 * `after`, never a failed statement (a 500). Null when there is no cursor.
 */
export function readCursor<const P extends readonly CursorPart[]>(after: string | null | undefined, parts: P): { [K in keyof P]: PartValue<P[K]> } | null {
  if (!after) return null;
  const values = decodeCursor(after, parts.length);
  if (!values || !parts.every((part, index) => fits(values[index], part))) throw invalidCursor();
  return values as { [K in keyof P]: PartValue<P[K]> };
}

export function invalidCursor(): BadUserInputException {
  return new BadUserInputException([{ path: ['after'], code: 'cursor' }], 'The page cursor is not valid; start from the first page');
}
