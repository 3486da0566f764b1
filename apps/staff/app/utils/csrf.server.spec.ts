import { assertCsrf, ensureCsrfToken, isSameOrigin, newCsrfToken, readCsrfToken } from './csrf.server';
import { cookiePair, csrfCookie } from './test-requests';

const token = newCsrfToken();

async function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams(fields);
  const request = new Request('http://staff.test/account', { method: 'POST', body, headers: { host: 'staff.test', ...headers } });
  return { request, formData: await request.clone().formData() };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error as { data?: unknown; init?: { status?: number } } | undefined;
}

describe('CSRF token', () => {
  it('is minted on a first visit, with an httpOnly same-site cookie', async () => {
    const { token: minted, setCookie } = await ensureCsrfToken(new Request('http://staff.test/'));
    expect(minted).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie).toMatch(/^crm_csrf=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
  });

  it('is reused while the browser has it', async () => {
    const request = new Request('http://staff.test/', { headers: { Cookie: await csrfCookie(token) } });
    expect(await ensureCsrfToken(request)).toEqual({ token, setCookie: null });
  });

  it('is refused when its cookie was not signed by us', async () => {
    const request = new Request('http://staff.test/', { headers: { Cookie: `crm_csrf=${Buffer.from(JSON.stringify(token)).toString('base64')}` } });
    expect(await readCsrfToken(request)).toBeUndefined();
  });

  it('differs from one browser to the next', async () => {
    const [a, b] = await Promise.all([ensureCsrfToken(new Request('http://staff.test/')), ensureCsrfToken(new Request('http://staff.test/'))]);
    expect(a.token).not.toBe(b.token);
    expect(cookiePair(a.setCookie ?? '')).not.toBe(cookiePair(b.setCookie ?? ''));
  });
});

describe('assertCsrf', () => {
  it('lets a form through when its hidden token matches the cookie', async () => {
    const { request, formData } = await post({ csrf: token }, { Cookie: await csrfCookie(token) });
    await expect(assertCsrf(request, formData)).resolves.toBeUndefined();
  });

  it.each([
    ['no token in the form', {}, true],
    ['a token that is not the cookie’s', { csrf: newCsrfToken() }, true],
    ['no cookie at all', { csrf: token }, false],
  ])('answers 403 "csrf" for %s', async (_name, fields, withCookie) => {
    const { request, formData } = await post(fields, withCookie ? { Cookie: await csrfCookie(token) } : {});
    expect(await refusal(assertCsrf(request, formData))).toMatchObject({ data: { reason: 'csrf' }, init: { status: 403 } });
  });

  it('answers 403 "csrf" for a post from another site, even with the right token, in the visitor’s language', async () => {
    const { request, formData } = await post({ csrf: token }, { Cookie: `lang=fr; ${await csrfCookie(token)}`, Origin: 'https://evil.example' });
    expect(await refusal(assertCsrf(request, formData))).toMatchObject({ data: { reason: 'csrf', lang: 'fr' }, init: { status: 403 } });
  });
});

describe('isSameOrigin', () => {
  const request = (headers: Record<string, string>) => new Request('http://staff.test/x', { method: 'POST', headers: { host: 'staff.test', ...headers } });

  it('accepts a post without Origin (the token still decides) or from this site', () => {
    expect(isSameOrigin(request({}))).toBe(true);
    expect(isSameOrigin(request({ Origin: 'http://staff.test' }))).toBe(true);
  });

  it('follows the host a proxy forwarded', () => {
    expect(isSameOrigin(request({ Origin: 'https://crm.coalition.example', 'x-forwarded-host': 'crm.coalition.example' }))).toBe(true);
    expect(isSameOrigin(request({ Origin: 'http://staff.test', 'x-forwarded-host': 'crm.coalition.example' }))).toBe(false);
  });

  it('refuses another site, and the opaque "null" origin', () => {
    expect(isSameOrigin(request({ Origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOrigin(request({ Origin: 'null' }))).toBe(false);
  });
});
