import type { Page } from 'playwright-core';
import { asUser, demo, journeyBrowser, newVisitor, staffUrl } from './journey-helpers';

// Each demo role signs in in a browser context of its own and sees only what
// the shared ability allows; the server refuses the rest anyway (403).
const timeout = 30_000;

async function adminPageStatus(page: Page): Promise<number | undefined> {
  const response = await page.goto(staffUrl('/admin/users'));
  return response?.status();
}

describe('what each role sees', () => {
  it(
    'admin sees the Admin section and can open the users list',
    () =>
      asUser(demo.admin, async (page) => {
        expect(await page.getByTestId('user-role').textContent()).toBe('Administrator');
        const admin = page.getByTestId('nav-admin');
        await admin.waitFor();
        expect(await admin.getByRole('link').count()).toBe(3);

        expect(await adminPageStatus(page)).toBe(200);
        await page.getByTestId('users-table').waitFor();
        expect(await page.getByTestId('user-row').count()).toBeGreaterThanOrEqual(6);
      }),
    timeout,
  );

  // Everyone signs in from an English-speaking browser: the UI language is the
  // user's own preference (staff@ and quebec@ chose French).
  it.each([
    { who: 'national staff', email: demo.staff, lang: 'fr', role: 'Personnel national', forbidden: 'Vous n’avez pas accès à cette page' },
    { who: 'an Ontario coordinator', email: demo.ontario, lang: 'en', role: 'Coordinator', forbidden: 'You do not have access to this page' },
    { who: 'a Quebec coordinator', email: demo.quebec, lang: 'fr', role: 'Coordination régionale', forbidden: 'Vous n’avez pas accès à cette page' },
    { who: 'a member organization contact', email: demo.member, lang: 'en', role: 'Member organization', forbidden: 'You do not have access to this page' },
    { who: 'a funder', email: demo.funder, lang: 'en', role: 'Funder', forbidden: 'You do not have access to this page' },
  ])(
    '$who sees the dashboard in their language, no Admin section, and a 403 page at /admin/users',
    ({ email, lang, role, forbidden }) =>
      asUser(email, async (page) => {
        expect(new URL(page.url()).pathname).toBe('/');
        await page.getByTestId('campaign-name').waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.getByTestId('user-role').textContent()).toBe(role);
        await page.getByTestId('nav-main').waitFor();
        expect(await page.getByTestId('nav-admin').count()).toBe(0);

        expect(await adminPageStatus(page)).toBe(403);
        await page.getByTestId('forbidden').waitFor();
        expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe(forbidden);
      }),
    timeout,
  );

  it(
    'a form sent without its CSRF token is refused, and says why',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser(), 'fr-CA');
      try {
        await page.goto(staffUrl('/sign-in'));
        // Same cookies as the page, but the form's hidden token left out.
        const response = await context.request.post(staffUrl('/sign-in'), {
          form: { email: demo.admin, password: 'coalition-demo-password' },
          headers: { Origin: new URL(staffUrl()).origin, 'Accept-Language': 'fr-CA' },
          maxRedirects: 0,
        });
        expect(response.status()).toBe(403);
        const body = await response.text();
        expect(body).toContain('data-testid="csrf-error"');
        expect(body).toContain('Ce formulaire n’a pas pu être envoyé');
        expect(response.headers()['set-cookie'] ?? '').not.toContain('crm_session=');
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
