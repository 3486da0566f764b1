import { cookieSecrets } from './cookie-options.server';
import { createSessionStorage } from './session-storage.server';
import { endSession, getViewer, requireUser, requireUserWithPermission, startSession } from './session.server';
import { apiAnswer, sessionCookie } from './test-requests';

const ontario = { id: 'region-on', provinces: [{ code: 'ON' }] };
const quebec = { id: 'region-qc', provinces: [{ code: 'QC' }] };

function me(role: string, regionIds: string[] = []) {
  return {
    data: {
      me: { id: 'user-1', email: 'olivia@example.org', name: 'Olivia', role, regionIds, organizationId: null, preferredLanguage: 'fr' },
      regions: [ontario, quebec],
    },
  };
}

async function signedIn(url = 'http://staff.test/admin/users?role=ADMIN', token = 'token-1') {
  return new Request(url, { headers: { Cookie: `lang=en; ${await sessionCookie(token)}` } });
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a throw');
    },
    (error: unknown) => error,
  );
}

describe('session cookie', () => {
  it('is crm_session: httpOnly, same-site, whole site, 12 hours, signed', async () => {
    const storage = createSessionStorage({ NODE_ENV: 'development' });
    const session = await storage.getSession();
    session.set('token', 't');
    const header = await storage.commitSession(session);
    expect(header).toMatch(/^crm_session=[^;]+\.[^;]+;/);
    expect(header).toContain('Path=/');
    expect(header).toContain('Max-Age=43200');
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).not.toContain('Secure');
  });

  it('is Secure in production', async () => {
    const storage = createSessionStorage({ NODE_ENV: 'production', SESSION_SECRET: 's3cret' });
    expect(await storage.commitSession(await storage.getSession())).toContain('Secure');
  });

  it('takes its secrets from SESSION_SECRET, several for a rotation', () => {
    expect(cookieSecrets({ SESSION_SECRET: 'new, old' })).toEqual(['new', 'old']);
    expect(cookieSecrets({ NODE_ENV: 'development' })).toHaveLength(1);
  });
});

describe('requireUser', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends someone without a session to sign in, then back to the page', async () => {
    const error = await thrown(requireUser(new Request('http://staff.test/admin/users?role=ADMIN')));
    expect(error).toBeInstanceOf(Response);
    const response = error as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers%3Frole%3DADMIN');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });

  it('loads the user with the session’s bearer token, with their regions’ provinces', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValue(apiAnswer(me('COORDINATOR', ['region-on'])));
    const viewer = await requireUser(await signedIn());
    expect(viewer).toMatchObject({ id: 'user-1', role: 'COORDINATOR', provinceCodes: ['ON'], preferredLanguage: 'fr' });
    const [, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(init.headers).toMatchObject({ authorization: 'Bearer token-1' });
  });

  it('clears a session the API no longer accepts and asks to sign in again', async () => {
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(apiAnswer({ data: null, errors: [{ message: 'Please sign in', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const response = (await thrown(requireUser(await signedIn('http://staff.test/account')))) as Response;
    expect(response.headers.get('Location')).toBe('/sign-in?redirectTo=%2Faccount');
    expect(response.headers.get('Set-Cookie')).toMatch(/^crm_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('answers 503 when the API cannot be reached, keeping the session', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await thrown(requireUser(await signedIn()))).toMatchObject({ data: { reason: 'unavailable' }, init: { status: 503 } });
  });
});

describe('requireUserWithPermission', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lets an admin manage users', async () => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(apiAnswer(me('ADMIN')));
    await expect(requireUserWithPermission(await signedIn(), 'manage', 'User')).resolves.toMatchObject({ role: 'ADMIN' });
  });

  it.each(['STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'])('answers 403 to a %s on user administration', async (role) => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(apiAnswer(me(role, ['region-on'])));
    expect(await thrown(requireUserWithPermission(await signedIn(), 'manage', 'User'))).toMatchObject({
      data: { reason: 'forbidden' },
      init: { status: 403 },
    });
  });
});

describe('getViewer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('is null without calling the API when nobody signed in', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch');
    expect(await getViewer(new Request('http://staff.test/'))).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('starting and ending a session', () => {
  it('keeps the token no longer than the API will, renews the CSRF token and remembers the language', async () => {
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const response = await startSession(new Request('http://staff.test/sign-in', { method: 'POST' }), { token: 'tok', expiresAt, language: 'fr' }, '/people');
    expect(response.headers.get('Location')).toBe('/people');
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('crm_session='))).toMatch(/Max-Age=(3599|3600);/);
    expect(cookies.some((c) => c.startsWith('crm_csrf='))).toBe(true);
    expect(cookies.some((c) => c.startsWith('lang=fr'))).toBe(true);
  });

  it('forgets the token and the CSRF token at sign-out', async () => {
    const response = await endSession(await signedIn(), '/sign-in');
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('crm_session='))).toContain('Expires=Thu, 01 Jan 1970');
    expect(cookies.some((c) => c.startsWith('crm_csrf='))).toBe(true);
    expect(cookies.some((c) => c.startsWith('lang='))).toBe(false);
  });
});
