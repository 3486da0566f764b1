import type { APIRequestContext, Browser } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { demo, newVisitor, signIn, staffUrl } from './journey-helpers';

// The hardening issue, as a person meets it: a sign-in link that names another
// site still lands on ours; every page is served with a Content-Security-Policy
// whose nonce is new each time and is carried by every inline script and style.
const timeout = 45_000;

describe('security of the staff app', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

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
      const { context, page } = await newVisitor(browser);
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
      const { context, page } = await newVisitor(browser);
      try {
        const signedOut = ['/sign-in', '/sign-in', '/forgot-password', '/no-such-page'];
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
