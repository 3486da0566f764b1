import { randomUUID } from 'node:crypto';
import { inViewedOrder, keepsViewed, recentlyViewed, rememberViewed, viewedLimit } from './recently-viewed.server';

const alice = randomUUID();
const bob = randomUUID();

// The cookie a browser sends back after a Set-Cookie (name=value only).
const requestWith = (setCookie: string | null) => new Request('http://staff.test/', setCookie ? { headers: { cookie: setCookie.split(';')[0] } } : {});

async function view(cookie: string | null, user: string, kind: 'person' | 'organization', id: string): Promise<string> {
  return rememberViewed(requestWith(cookie), user, { kind, id });
}

describe('recently viewed (a signed cookie per user and browser)', () => {
  it('keeps what was opened, newest first, once each, signed and httpOnly', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    let cookie = await view(null, alice, 'person', a);
    cookie = await view(cookie, alice, 'organization', b);
    cookie = await view(cookie, alice, 'person', a);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await recentlyViewed(requestWith(cookie), alice)).toEqual([
      { kind: 'person', id: a },
      { kind: 'organization', id: b },
    ]);
  });

  it(`keeps the last ${viewedLimit} only`, async () => {
    const ids = Array.from({ length: viewedLimit + 3 }, () => randomUUID());
    let cookie: string | null = null;
    for (const id of ids) cookie = await view(cookie, alice, 'person', id);
    const kept = await recentlyViewed(requestWith(cookie), alice);
    expect(kept.map((item) => item.id)).toEqual(ids.slice(-viewedLimit).reverse());
  });

  it("is empty for another account on the same browser, and for a tampered cookie; the other account's list replaces it", async () => {
    const cookie = await view(null, alice, 'person', randomUUID());
    expect(await recentlyViewed(requestWith(cookie), bob)).toEqual([]);
    const bobs = await view(cookie, bob, 'person', randomUUID());
    expect(await recentlyViewed(requestWith(bobs), bob)).toHaveLength(1);
    expect(await recentlyViewed(requestWith(bobs), alice)).toEqual([]);

    const [name, value] = cookie.split(';')[0].split('=');
    const forged = `${name}=${Buffer.from(JSON.stringify({ user: alice, items: [`p:${randomUUID()}`] })).toString('base64')}.${value.split('.').pop()}`;
    expect(await recentlyViewed(requestWith(forged), alice)).toEqual([]);
  });

  it('resolves in the order viewed and leaves out what the reads did not return (out of scope, archived)', () => {
    const [p1, p2, o1] = [randomUUID(), randomUUID(), randomUUID()];
    const viewed = [
      { kind: 'person' as const, id: p1 },
      { kind: 'organization' as const, id: o1 },
      { kind: 'person' as const, id: p2 },
    ];
    const entries = inViewedOrder(viewed, [{ id: p2 }], [{ id: o1.toUpperCase() }]);
    expect(entries.map((entry) => [entry.kind, entry.record.id.toLowerCase()])).toEqual([
      ['organization', o1],
      ['person', p2],
    ]);
  });

  it('is kept by those who work from records, not by members or funders', () => {
    expect(['ADMIN', 'STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'].filter(keepsViewed)).toEqual(['ADMIN', 'STAFF', 'COORDINATOR']);
  });
});
