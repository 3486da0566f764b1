import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { demo, newVisitor, signIn, staffUrl } from './journey-helpers';

// One person's session, in order: sign in (English), see the dashboard, switch
// to French, come back later, switch back. The tests share the page on purpose.
const timeout = 30_000;

const campaignEn = 'Protecting Refugees = Stronger Communities';
const campaignFr = 'Protéger les réfugiés = des communautés plus fortes';

describe('staff dashboard', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newVisitor(browser, 'en-CA'));
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'asks a visitor to sign in first, then shows the default campaign in English',
    async () => {
      const response = await page.goto(staffUrl('/'));
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(response?.status()).toBe(200);

      await signIn(page, demo.funder);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect((await page.getByTestId('campaign-name').textContent())?.trim()).toBe(campaignEn);
    },
    timeout,
  );

  it(
    'lists the campaign’s three policy asks',
    async () => {
      const asks = page.getByTestId('policy-asks').getByRole('listitem');
      await asks.first().waitFor();
      expect(await asks.count()).toBe(3);
    },
    timeout,
  );

  it(
    'shows the services’ health to an administrator only, with the database and redis up',
    async () => {
      expect(await page.getByTestId('api-health').count()).toBe(0);
      const admin = await newVisitor(browser, 'en-CA');
      try {
        await signIn(admin.page, demo.admin);
        const health = admin.page.getByTestId('api-health');
        for (const component of ['database', 'redis']) {
          expect(await health.locator(`[data-component="${component}"]`).getAttribute('data-status')).toBe('up');
        }
      } finally {
        await admin.context.close();
      }
    },
    timeout,
  );

  it(
    'switches to French and remembers it after a reload',
    async () => {
      await page.getByTestId('language-fr').click();
      await page.locator('html[lang="fr"]').waitFor();
      await page.getByTestId('campaign-name').filter({ hasText: campaignFr }).waitFor();

      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'lang')?.value).toBe('fr');

      await page.reload();
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect((await page.getByTestId('campaign-name').textContent())?.trim()).toBe(campaignFr);
      expect(await page.getByTestId('policy-asks').getByRole('listitem').count()).toBe(3);
    },
    timeout,
  );

  it(
    'keeps French as the user’s preference in another browser, until switched back',
    async () => {
      const other = await newVisitor(browser, 'en-CA');
      try {
        await signIn(other.page, demo.funder);
        expect(await other.page.getAttribute('html', 'lang')).toBe('fr');
        await other.page.getByTestId('language-en').click();
        await other.page.locator('html[lang="en"]').waitFor();
      } finally {
        await other.context.close();
      }
    },
    timeout,
  );
});
