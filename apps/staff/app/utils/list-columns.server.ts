import { createCookie } from '@remix-run/node';
import { cookieIsSecure, cookieSecrets, type CookieEnv } from './cookie-options.server';

// The columns each person hid, per list (decision 025): a signed cookie bound to the
// user's id, so it is theirs alone on this browser and another account ignores it.
// Lists and column keys are checked against what the screens offer before use.

export const columnLists = {
  people: ['organizations', 'province', 'stage', 'category', 'owner', 'updated'],
  organizations: ['kind', 'membership', 'place', 'tags', 'updated'],
  stories: ['kind', 'status', 'consent', 'province', 'gatheredBy', 'updated'],
} as const;
export type ColumnList = keyof typeof columnLists;

type Stored = { user: string; hidden: Partial<Record<ColumnList, string[]>> };

const oneYear = 365 * 24 * 60 * 60;

function columnsCookie(env: CookieEnv = process.env) {
  return createCookie('crm_columns', { httpOnly: true, sameSite: 'lax', secure: cookieIsSecure(env), path: '/', maxAge: oneYear, secrets: cookieSecrets(env) });
}

export function isColumnList(list: unknown): list is ColumnList {
  return typeof list === 'string' && Object.hasOwn(columnLists, list);
}

async function stored(request: Request, userId: string): Promise<Stored> {
  const value = (await columnsCookie().parse(request.headers.get('cookie'))) as Stored | null;
  return value && value.user === userId && typeof value.hidden === 'object' ? value : { user: userId, hidden: {} };
}

/** The columns `userId` hid on `list` (only keys the list has). */
export async function hiddenColumns(request: Request, userId: string, list: ColumnList): Promise<string[]> {
  const hidden = (await stored(request, userId)).hidden[list];
  const known: readonly string[] = columnLists[list];
  return Array.isArray(hidden) ? hidden.filter((key) => known.includes(key)) : [];
}

/** The Set-Cookie that remembers `shown` as the columns of `list` (the others are hidden). */
export async function rememberColumns(request: Request, userId: string, list: ColumnList, shown: string[]): Promise<string> {
  const value = await stored(request, userId);
  value.hidden[list] = columnLists[list].filter((key) => !shown.includes(key));
  return columnsCookie().serialize(value);
}
