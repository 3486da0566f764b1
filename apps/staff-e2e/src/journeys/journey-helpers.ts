// What the journeys share: the demo accounts and signing in and out the way a
// person does (through the forms, in a browser context of their own).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { getStack, launchBrowser } from '../support/stack';

/** Seeded in development and tests (libs/api/seed-data/src/demo-users.ts); public on purpose. */
export const demoPassword = 'coalition-demo-password';

export const demo = {
  admin: 'admin@demo.coalition.invalid',
  staff: 'staff@demo.coalition.invalid',
  ontario: 'ontario@demo.coalition.invalid',
  quebec: 'quebec@demo.coalition.invalid',
  member: 'member@demo.coalition.invalid',
  funder: 'funder@demo.coalition.invalid',
} as const;

/** A GraphQL call straight to the stack's API (set-up and checks a person would not click through); errors throw. */
export async function api<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${getStack().apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export function staffUrl(path = '/'): string {
  return `${getStack().staffUrl}${path}`;
}

// One Chromium per journey file: launched on first use, closed after the file's last test.
let fileBrowser: Promise<Browser> | undefined;

export function journeyBrowser(): Promise<Browser> {
  fileBrowser ??= launchBrowser();
  return fileBrowser;
}

afterAll(async () => {
  const browser = fileBrowser;
  fileBrowser = undefined;
  await (await browser)?.close();
});

/** A fresh browser context (its own cookies) and page: one per person; `timezoneId` is where their browser thinks it is. */
export async function newVisitor(browser: Browser, locale = 'en-CA', timezoneId?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, ...(timezoneId ? { timezoneId } : {}) });
  context.setDefaultTimeout(15_000);
  await watchContentSecurityPolicy(context);
  return { context, page: await context.newPage() };
}

// Content-Security-Policy violations seen by any visitor's pages since the last
// test ended. Every journey fails on any (the afterEach below), so a page that
// needs an inline script, style or source the policy refuses shows up at once.
const cspViolations: string[] = [];

async function watchContentSecurityPolicy(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ frame }, report: string) => {
    cspViolations.push(`${frame.url()}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __reportCspViolation?: (report: string) => void }).__reportCspViolation;
        report?.(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
      },
      true,
    );
  });
  // Chromium also logs each refusal, from frames where no script runs too (the sandboxed e-mail preview).
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(`console: ${message.text()}`);
  });
}

/** The violations collected so far, emptying the list. */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

afterEach(() => {
  const found = takeCspViolations();
  if (found.length) throw new Error(`Content-Security-Policy violations during this journey:\n${found.join('\n')}`);
});

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto(staffUrl('/sign-in'));
  await page.getByTestId('email').fill(email);
  await page.getByTestId('password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  // The URL changes before React has drawn the signed-in page: wait for it.
  await page.getByTestId('user-menu').waitFor();
}

/** `check` run as `email`, signed in through the form in a browser context of their own (closed afterwards). */
export async function asUser<T>(
  email: string,
  check: (page: Page) => Promise<T>,
  { viewport, locale }: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<T> {
  const { context, page } = await newVisitor(await journeyBrowser(), locale);
  try {
    if (viewport) await page.setViewportSize(viewport);
    await signIn(page, email);
    return await check(page);
  } finally {
    await context.close();
  }
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByTestId('sign-in').waitFor();
}

/**
 * axe-core on the page as it is now: a serious or critical violation (WCAG 2.2 A/AA)
 * fails the journey, naming the rule and the elements.
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  // Only violations are read: axe then skips describing every passing node (much of its time on a long page).
  // Legacy mode runs axe in the page itself: the default opens a blank page per check to merge the frames' results
  // (our screens have no frames), which cost most of a check's time (french-walk-through.e2e.ts measured it).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const described = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  if (described.length) throw new Error(`axe-core on ${where}:\n${described.join('\n')}`);
}
