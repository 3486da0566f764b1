import { action as languageAction } from '../routes/language';
import { action as signInAction, loader as signInLoader } from '../routes/sign-in';
import { endSession, startSession } from './session.server';
import { apiAnswer, csrfCookie, expectSameOriginPath, hostileRedirects, sessionCookie } from './test-requests';

// Every place where a redirect target comes from the request (the language
// switch, signing in while signed in, signing in, the session helpers) answers
// a Location on this site whatever the input. Lint keeps new redirects on the
// same helper (eslint.config.mjs: Remix's redirect is off limits in the app).
const csrf = 'c'.repeat(43);
const cases = hostileRedirects.map((to) => [JSON.stringify(to).slice(0, 50), to]);

async function post(path: string, fields: Record<string, string>, cookies: string[] = []): Promise<Request> {
  const body = new URLSearchParams({ csrf, ...fields });
  return new Request(`http://staff.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', Cookie: [await csrfCookie(csrf), ...cookies].join('; ') },
    body,
  });
}

async function location(result: Promise<unknown>): Promise<string> {
  const response = await result.catch((thrown: unknown) => thrown);
  expect(response).toBeInstanceOf(Response);
  expect((response as Response).status).toBe(302);
  return (response as Response).headers.get('Location') ?? '';
}

const viewer = {
  data: {
    me: { id: 'u1', email: 'a@example.org', name: 'A', role: 'STAFF', regionIds: [], organizationId: null, preferredLanguage: 'en' },
    regions: [],
  },
};
const signedIn = { data: { signIn: { token: 't1', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { preferredLanguage: 'en' } } } };

describe('redirect targets taken from the request', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each(cases)('the language switch sends %s back to this site', async (_label, to) => {
    expectSameOriginPath(await location(languageAction({ request: await post('/language', { lang: 'fr', redirectTo: to }), params: {}, context: {} })));
  });

  it.each(cases)('signing in sends %s to this site', async (_label, to) => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(apiAnswer(signedIn));
    const request = await post('/sign-in', { email: 'a@example.org', password: 'correct horse battery', redirectTo: to });
    expectSameOriginPath(await location(signInAction({ request, params: {}, context: {} }) as Promise<unknown>));
  });

  it.each(cases)('opening the sign-in page signed in sends %s to this site', async (_label, to) => {
    jest.spyOn(globalThis, 'fetch').mockResolvedValue(apiAnswer(viewer));
    const url = `http://staff.test/sign-in?${new URLSearchParams({ redirectTo: to })}`;
    const request = new Request(url, { headers: { Cookie: await sessionCookie('t1') } });
    expectSameOriginPath(await location(signInLoader({ request, params: {}, context: {} })));
  });

  it.each(cases)('startSession and endSession keep %s on this site', async (_label, to) => {
    const request = new Request('http://staff.test/');
    expectSameOriginPath(await location(startSession(request, { token: 't', expiresAt: signedIn.data.signIn.expiresAt, language: 'en' }, to)));
    expectSameOriginPath(await location(endSession(request, to)));
  });

  it('a real path survives the trip', async () => {
    expect(await location(languageAction({ request: await post('/language', { lang: 'fr', redirectTo: '/people?page=2' }), params: {}, context: {} }))).toBe(
      '/people?page=2',
    );
  });
});
