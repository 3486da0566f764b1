import type { Page } from 'playwright-core';
import { demo, expectAccessible, journeyBrowser, newVisitor, signIn, staffUrl } from './journey-helpers';

// National staff set up a campaign: names and descriptions in both languages, dates,
// policy asks in their order, and goals national and per region; mistakes are shown
// beside their field; then they change it. A coordinator may only read it.
const timeout = 150_000;

const asksEnFr = [
  ['Raise the cap on private sponsorship', 'Relever le plafond du parrainage privé'],
  ['Fund settlement services', 'Financer les services d’établissement'],
] as const;
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const cell = (page: Page, metric: string, place: string) =>
  page.locator(`[data-testid="goal-cell"][data-metric="${metric}"][data-place="${place}"]`).getByTestId('goal-target');

describe('campaigns', () => {
  it(
    'staff create a campaign with asks and regional goals, see errors beside the fields, and edit it',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser());
      try {
        await signIn(page, demo.staff);
        await page.goto(staffUrl('/campaigns'));
        await page.getByTestId('new-campaign').click();
        await page.getByTestId('campaign-form').waitFor();
        const name = `Welcome Week ${Date.now() % 100000}`;
        const frenchName = `Semaine d’accueil ${name.split(' ').pop()}`;

        // Mistakes first: no French name, an end before the start, a target of 0.
        await page.getByTestId('campaign-nameEn').fill(name);
        await page.getByTestId('campaign-startsOn').fill('2027-06-20');
        await page.getByTestId('campaign-endsOn').fill('2027-06-01');
        // Ontario's column of the goals table.
        const places = await page.getByTestId('goals-table').locator('thead th').allTextContents();
        const ontario = await page
          .locator('[data-testid="goal-cell"][data-metric="leadersContacted"]')
          .nth(places.indexOf('Ontario') - 1)
          .getAttribute('data-place');
        await cell(page, 'leadersContacted', 'national').fill('0');
        // Leaving the cell shows its error (the rows move): wait for it before aiming at Save.
        await cell(page, 'leadersContacted', 'national').press('Tab');
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="goal-cell"][data-metric="leadersContacted"] [data-testid="goal-target"]')?.getAttribute('aria-invalid') ===
            'true',
        );
        await page.getByTestId('save-campaign').click();
        await page.waitForFunction(() => document.querySelector('[data-testid="campaign-nameFr"]')?.getAttribute('aria-invalid') === 'true');
        expect(await cell(page, 'leadersContacted', 'national').getAttribute('aria-invalid')).toBe('true');
        expect(page.url()).toContain('/campaigns/new');
        // Once the names and targets are right, the dates' order is checked.
        await page.getByTestId('campaign-nameFr').fill(frenchName);
        await cell(page, 'leadersContacted', 'national').fill('300');
        await page.getByTestId('save-campaign').click();
        await page.waitForFunction(() => document.querySelector('[data-testid="campaign-endsOn"]')?.getAttribute('aria-invalid') === 'true');
        expect(page.url()).toContain('/campaigns/new');

        // Put right, with two asks (the second moved up) and goals national and for one region.
        await page.getByTestId('campaign-endsOn').fill('2027-06-27');
        await page.getByTestId('campaign-status').selectOption('active');
        await cell(page, 'leadersContacted', 'national').fill('300');
        await cell(page, 'leadersContacted', ontario!).fill('40');
        await cell(page, 'storiesGathered', 'national').fill('12');
        for (const [en, fr] of asksEnFr) {
          await page.getByTestId('policy-ask-add').click();
          await page.getByTestId('policy-ask-row').last().getByTestId('policy-ask-titleEn').fill(en);
          await page.getByTestId('policy-ask-row').last().getByTestId('policy-ask-titleFr').fill(fr);
        }
        await page.getByTestId('policy-ask-row').nth(1).getByTestId('policy-ask-up').click();
        await page.waitForFunction(
          (first) => (document.querySelector('[data-testid="policy-ask-titleEn"]') as HTMLInputElement | null)?.value === first,
          asksEnFr[1][0],
        );
        await expectAccessible(page, 'new campaign form');
        await page.getByTestId('save-campaign').click();

        await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\?created=1$/);
        // The page speaks the staff member's language (a preference other journeys may have set).
        expect([name, frenchName]).toContain(await page.getByTestId('campaign-name').textContent());
        const goals = page.getByTestId('goals').getByTestId('goal');
        expect(await goals.count()).toBe(3);
        // Shown in the page's language, the second ask first.
        const shown = (await page.locator('html').getAttribute('lang'))?.startsWith('fr') ? 1 : 0;
        expect(await page.locator('ol li').allTextContents()).toEqual([asksEnFr[1][shown], asksEnFr[0][shown]]);

        // Edit: a goal changes, one goes, an ask is removed; the page says it was saved.
        await page.getByTestId('edit-campaign').click();
        await page.getByTestId('campaign-form').waitFor();
        expect(await cell(page, 'leadersContacted', ontario!).inputValue()).toBe('40');
        await cell(page, 'leadersContacted', ontario!).fill('55');
        await cell(page, 'storiesGathered', 'national').fill('');
        await page.getByTestId('policy-ask-row').nth(1).getByTestId('policy-ask-remove').click();
        await page.getByTestId('policy-ask-row').nth(1).waitFor({ state: 'detached' });
        await page.getByTestId('save-campaign').click();
        await page.waitForURL(/\?saved=1$/);
        await page.getByTestId('record-notice').waitFor();
        expect(await goals.count()).toBe(2);
        expect(await page.getByTestId('goals').getByTestId('goal-figure').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/\b55$/)]));
        expect(await page.locator('ol li').allTextContents()).toEqual([asksEnFr[1][shown]]);

        // On a phone the form fits the screen (the goals table scrolls in its own frame).
        await page.setViewportSize({ width: 390, height: 844 });
        await page.getByTestId('edit-campaign').click();
        await page.getByTestId('campaign-form').waitFor();
        expect(await noSidewaysScroll(page)).toBe(true);
        await expectAccessible(page, 'campaign form on a phone');
      } finally {
        await context.close();
      }
    },
    timeout,
  );

  it(
    'a coordinator reads campaigns but is offered no way to create or change them',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser());
      try {
        await signIn(page, demo.ontario);
        await page.goto(staffUrl('/campaigns'));
        await page.getByTestId('campaigns').waitFor();
        expect(await page.getByTestId('new-campaign').count()).toBe(0);
        await page.getByTestId('campaigns').getByRole('link').first().click();
        await page.getByTestId('campaign-name').waitFor();
        expect(await page.getByTestId('edit-campaign').count()).toBe(0);
        const refused = await page.goto(staffUrl('/campaigns/new'));
        expect(refused?.status()).toBe(403);
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
