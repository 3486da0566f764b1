import { request as httpRequest } from 'node:http';
import type { APIRequestContext } from 'playwright-core';
import { demo, journeyBrowser, newVisitor, signIn, staffUrl } from './journey-helpers';

// The hardening issue, as a person meets it: a sign-in link that names another
// site still lands on ours; every page is served with a Content-Security-Policy
// whose nonce is new each time and is carried by every inline script and style;
// one person's failed sign-ins do not lock out another (the staff server tells
// the API who the client is).
const timeout = 45_000;

describe('security of the staff app', () => {
  it.each([
    // The reported one: a tab the URL parser drops turns "/\t/evil…" into "//evil…".
    ['%2F%09%2Fevil.example%2Fphish', '/'],
    ['%2F%5Cevil.example', '/'],
    ['https%3Aevil.example', '/'],
    ['%2F%2E%2F%2Fevil.example%2Fphish', '/evil.example/phish'],
    ['%2Fpeople%3Fpage%3D2', '/people'],
  ])(
    'signing in from /sign-in?redirectTo=%s lands on the app (%s)',
    async (redirectTo, expectedPath) => {
      const { context, page } = await newVisitor(await journeyBrowser());
      const elsewhere: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== new URL(staffUrl()).origin) elsewhere.push(request.url());
      });
      try {
        await page.goto(staffUrl(`/sign-in?redirectTo=${redirectTo}`));
        await page.getByTestId('email').fill(demo.staff);
        await page.getByTestId('password').fill('coalition-demo-password');
        await page.getByTestId('sign-in-submit').click();
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
        const landed = new URL(page.url());
        expect(landed.origin).toBe(new URL(staffUrl()).origin);
        expect(landed.pathname).toBe(expectedPath);
        expect(elsewhere).toEqual([]);
      } finally {
        await context.close();
      }
    },
    timeout,
  );

  it(
    'answers every page with a Content-Security-Policy whose fresh nonce every inline script and style carries',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser());
      try {
        // Signed out, other pages redirect to /sign-in (no body).
        const signedOut = ['/sign-in', '/sign-in', '/forgot-password', '/reset-password/not-a-token'];
        const signedIn = ['/', '/people', '/organizations', '/search?q=a', '/account', '/admin/users', '/no-such-page'];
        const nonces = [...(await policiesOf(context.request, signedOut))];
        await signIn(page, demo.admin);
        nonces.push(...(await policiesOf(context.request, signedIn)));
        // Fresh every time: no two responses share one.
        expect(new Set(nonces).size).toBe(signedOut.length + signedIn.length);
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});

describe('failed sign-ins through the staff app', () => {
  // This host answers on all of 127.0.0.0/8: two "people" on their own addresses,
  // both behind the same staff server, which reaches the API from 127.0.0.1.
  const mallory = '127.0.0.2';
  const alice = '127.0.0.3';
  let attempt = 0;

  it(
    "are counted per person: one exhausting their budget, even naming another's address, does not lock the other out",
    async () => {
      const limit = 30; // SIGNIN_MAX_FAILURES_PER_ADDRESS, default
      const outcomes: string[] = [];
      for (let i = 0; i <= limit; i++) outcomes.push(await failedSignIn(mallory, `${alice}, 198.51.100.${i}`));
      expect(outcomes.slice(0, limit).every((outcome) => outcome === 'incorrect')).toBe(true);
      expect(outcomes[limit]).toBe('too many');
      expect(await failedSignIn(alice)).toBe('incorrect');
      expect(await failedSignIn(mallory)).toBe('too many');
    },
    timeout,
  );

  /** A wrong password (a new unknown account each time), from `from`, as a browser without JavaScript posts it. */
  async function failedSignIn(from: string, forwardedFor?: string): Promise<'incorrect' | 'too many' | string> {
    const form = await send(from, 'GET', '/sign-in');
    const cookie = (form.setCookie.find((c) => c.startsWith('crm_csrf=')) ?? '').split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const body = new URLSearchParams({ csrf, email: `nobody.${Date.now()}.${++attempt}@example.org`, password: 'wrong-password-123', redirectTo: '' });
    const answer = await send(from, 'POST', '/sign-in', body.toString(), {
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    });
    if (answer.body.includes('Too many attempts.')) return 'too many';
    if (answer.body.includes('The e-mail or password is incorrect.')) return 'incorrect';
    return `status ${answer.status}`;
  }

  function send(from: string, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    const url = new URL(staffUrl(path));
    return new Promise<{ status: number; body: string; setCookie: string[] }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method, localAddress: from, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, setCookie: res.headers['set-cookie'] ?? [] }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
});

/** Fetches each page, checks its policy and its inline elements; answers the nonces seen. */
async function policiesOf(request: APIRequestContext, paths: string[]): Promise<string[]> {
  const nonces: string[] = [];
  for (const path of paths) {
    const response = await request.get(staffUrl(path), { maxRedirects: 0 });
    expect([path, response.headers()['content-type']]).toEqual([path, 'text/html; charset=utf-8']);
    const policy = response.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([A-Za-z0-9+/]{22}==)'/.exec(policy)?.[1];
    expect([path, nonce !== undefined]).toEqual([path, true]);
    const directives = Object.fromEntries(
      policy
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toMatchObject({
      'script-src': `'self' 'nonce-${nonce}'`,
      'style-src-elem': `'self' 'nonce-${nonce}'`,
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    });
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // Every inline <script> and every <style> of the page carries this response's nonce.
    const html = await response.text();
    const elements = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    expect(elements.length).toBeGreaterThan(2);
    for (const element of elements) expect([path, element]).toEqual([path, expect.stringContaining(`nonce="${nonce}"`)]);
    nonces.push(nonce as string);
  }
  return nonces;
}
