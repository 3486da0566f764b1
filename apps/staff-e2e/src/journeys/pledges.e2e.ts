import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { api, demo, demoPassword, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// A pledge's life on the staff screens: an Ontario coordinator records a person's pledge
// from the person's page, moves it to in progress, then fulfils it with its evidence; the
// person's ladder says why they stand where they do (the pledge), and the list shows it.
// Then the same screens on a phone: no sideways scroll, and accessible.
const timeout = 150_000;

/** Nothing wider than the phone's screen, once the shell has settled. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, null, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** The pledge page's status badge comes to say `status` (the page reloads its data after a move); else the page as it stands. */
async function expectStatus(page: Page, status: string): Promise<void> {
  const badge = page.locator(`[data-testid="pledge-title"] ~ [data-testid="pledge-status"]`);
  try {
    await page.locator(`[data-testid="pledge-title"] ~ [data-testid="pledge-status"][data-status="${status}"]`).waitFor({ timeout: 10_000 });
  } catch {
    throw new Error(`status ${await badge.getAttribute('data-status')} instead of ${status} on ${page.url()}:\n${await page.locator('main').innerText()}`);
  }
}

describe('a pledge: recorded from a person’s page, in progress, fulfilled', () => {
  let browser: Browser;
  let personId: string;
  let pledgePath = '';
  const lastName = `Mensah${Date.now() % 100000}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { signIn: session } = await api<{ signIn: { token: string } }>('mutation($input: SignInInputType!) { signIn(input: $input) { token } }', {
      input: { email: demo.ontario, password: demoPassword },
    });
    const created = await api<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }',
      { input: { firstName: 'Abena', lastName, provinceCode: 'ON', city: 'Kingston' } },
      session.token,
    );
    personId = created.createPerson.id;
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'moves only along its lifecycle, takes evidence when fulfilled, explains the ladder, and is on the list',
    async () => {
      const { context, page } = await newVisitor(browser);
      try {
        await page.setViewportSize({ width: 1366, height: 900 });
        await signIn(page, demo.ontario);

        // From the person's page: the section offers to record one, pre-filled with them.
        await page.goto(staffUrl(`/people/${personId}`));
        await page.getByTestId('pledges-section-empty').waitFor();
        await page.getByTestId('record-pledge').click();
        await page.waitForURL(new RegExp(`/pledges/new\\?personId=${personId}$`));
        expect(await page.getByTestId('pledge-pledger-fixed').textContent()).toContain(`Abena ${lastName}`);
        await expectAccessible(page, 'the pledge form');

        // Contacting an MP names one of the campaign's policy asks.
        await page.getByTestId('pledge-kind').selectOption('contact_mp');
        const ask = await page.getByTestId('pledge-policy-ask').locator('option').nth(1).getAttribute('value');
        await page.getByTestId('pledge-policy-ask').selectOption(ask!);
        await page.getByTestId('pledge-due').fill('2026-12-31');
        await page.getByTestId('save-pledge').click();
        await page.waitForURL(/\/pledges\/[0-9a-f-]{36}\?created=1$/);
        pledgePath = new URL(page.url()).pathname;
        await page.getByTestId('record-notice').waitFor();
        await expectStatus(page, 'pledged');
        expect(await page.getByTestId('pledge-policy-ask').count()).toBe(1);
        await expectAccessible(page, 'a pledged pledge');

        // Only the allowed moves: from pledged, in progress or lapsed (not fulfilled).
        expect(await page.getByTestId('move-fulfilled').count()).toBe(0);
        expect(await page.getByTestId('move-lapsed').count()).toBe(1);
        await page.getByTestId('move-in_progress').click();
        await page.getByTestId('pledge-moved').waitFor();
        await expectStatus(page, 'in_progress');
        expect(await page.getByTestId('move-in_progress').count()).toBe(0);

        // Fulfilled, with its evidence: final, no move left.
        await page.getByTestId('evidence').fill('https://example.org/letter-to-mp');
        await page.getByTestId('move-fulfilled').click();
        await page.getByTestId('pledge-evidence').waitFor();
        await expectStatus(page, 'fulfilled');
        expect(await page.getByTestId('pledge-evidence').textContent()).toContain('https://example.org/letter-to-mp');
        expect(await page.getByTestId('pledge-moves').count()).toBe(0);
        // Its history: recorded, then the two moves.
        expect(await page.locator('[data-testid="timeline-entry"][data-kind="pledge.updated"]').count()).toBe(2);
        expect(await page.locator('[data-testid="timeline-entry"][data-kind="pledge.created"]').count()).toBe(1);

        // The person's ladder names the pledge as the reason for their stage; their section lists it.
        await page.goto(staffUrl(`/people/${personId}`));
        expect(await page.getByTestId('ladder-reason').textContent()).toMatch(/Fulfilled a pledge/);
        const item = page.getByTestId('pledge-item').first();
        expect(await item.getByTestId('pledge-status').getAttribute('data-status')).toBe('fulfilled');

        // The list, filtered to them, shows it with its total.
        await page.goto(staffUrl(`/pledges?person=${personId}`));
        const row = page.locator(`[data-testid="pledge-row"][data-id="${pledgePath.split('/').pop()}"]`);
        await row.waitFor();
        expect(await row.getByTestId('pledge-status').getAttribute('data-status')).toBe('fulfilled');
        expect(await page.getByTestId('pledges-count').textContent()).toMatch(/^1\b/);
        await expectAccessible(page, 'the pledges list');
      } finally {
        await context.close();
      }
    },
    timeout,
  );

  it(
    'fits a phone: the list, a pledge and the form, without sideways scroll, accessible',
    async () => {
      const { context, page } = await newVisitor(browser);
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await signIn(page, demo.ontario);
        for (const [path, ready] of [
          ['/pledges', 'pledges-table'],
          [pledgePath, 'pledge-title'],
          [`/pledges/new?personId=${personId}`, 'pledge-form'],
          [`/people/${personId}`, 'pledges-section'],
        ] as const) {
          await page.goto(staffUrl(path));
          await page.getByTestId(ready).first().waitFor();
          await expectNoSidewaysScroll(page);
          await expectAccessible(page, `${path} on a phone`);
        }
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
