import { createCookie } from '@remix-run/node';
import { cookieIsSecure, cookieSecrets, type CookieEnv } from './cookie-options.server';

// "Recently viewed" on the home (issue 10, decision 033): the last people and
// organizations this user opened on this browser, newest first. A signed, httpOnly
// cookie bound to the user's id (like the column chooser's, decision 025): ids only,
// never a name, so nothing personal is stored or logged; the home resolves the ids
// through the normal scoped reads, so what the user may no longer see does not show.

export type ViewedKind = 'person' | 'organization';
export interface Viewed {
  kind: ViewedKind;
  id: string;
}

type Stored = { user: string; items: string[] };

/** How many entries the cookie keeps (the home shows them all). */
export const viewedLimit = 8;

const thirtyDays = 30 * 24 * 60 * 60;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const prefixes: Record<ViewedKind, string> = { person: 'p', organization: 'o' };

function viewedCookie(env: CookieEnv = process.env) {
  return createCookie('crm_viewed', {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieIsSecure(env),
    path: '/',
    maxAge: thirtyDays,
    secrets: cookieSecrets(env),
  });
}

function parseItem(item: unknown): Viewed | null {
  if (typeof item !== 'string') return null;
  const [prefix, id] = item.split(':');
  const kind = (Object.keys(prefixes) as ViewedKind[]).find((key) => prefixes[key] === prefix);
  return kind && id && uuid.test(id) ? { kind, id: id.toLowerCase() } : null;
}

async function storedItems(request: Request, userId: string): Promise<Viewed[]> {
  const value = (await viewedCookie().parse(request.headers.get('cookie'))) as Stored | null;
  if (!value || value.user !== userId || !Array.isArray(value.items)) return [];
  return value.items
    .map(parseItem)
    .filter((item): item is Viewed => item !== null)
    .slice(0, viewedLimit);
}

/** What `userId` opened last on this browser, newest first (another account's cookie reads as empty). */
export function recentlyViewed(request: Request, userId: string): Promise<Viewed[]> {
  return storedItems(request, userId);
}

/** The Set-Cookie that puts `viewed` first in `userId`'s list (once), keeping the newest `viewedLimit`. */
export async function rememberViewed(request: Request, userId: string, viewed: Viewed): Promise<string> {
  const id = viewed.id.toLowerCase();
  const items = (await storedItems(request, userId)).filter((item) => !(item.kind === viewed.kind && item.id === id));
  const next = [{ kind: viewed.kind, id }, ...items].slice(0, viewedLimit);
  return viewedCookie().serialize({ user: userId, items: next.map((item) => `${prefixes[item.kind]}:${item.id}`) } satisfies Stored);
}

/** Who keeps a "recently viewed" list: those who work from people and organizations day to day. */
export function keepsViewed(role: string): boolean {
  return role === 'ADMIN' || role === 'STAFF' || role === 'COORDINATOR';
}

export type ViewedEntry<P, O> = { kind: 'person'; record: P } | { kind: 'organization'; record: O };

/** The ids resolved by the home's scoped reads, back in the order they were viewed (the missing ones dropped). */
export function inViewedOrder<P extends { id: string }, O extends { id: string }>(
  viewed: readonly Viewed[],
  people: readonly P[],
  organizations: readonly O[],
): ViewedEntry<P, O>[] {
  const byPerson = new Map(people.map((person) => [person.id.toLowerCase(), person]));
  const byOrganization = new Map(organizations.map((organization) => [organization.id.toLowerCase(), organization]));
  return viewed.flatMap((item): ViewedEntry<P, O>[] => {
    if (item.kind === 'person') {
      const record = byPerson.get(item.id);
      return record ? [{ kind: 'person' as const, record }] : [];
    }
    const record = byOrganization.get(item.id);
    return record ? [{ kind: 'organization' as const, record }] : [];
  });
}
