import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { demo, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// Toolkit materials from the public form to delivery: someone who is not a member asks for
// French booklets on the public page (in French, no sign-in); national staff approve the request,
// assign it to a member organization, print the packing slip and labels and ship it (the
// stock goes down by what shipped); the member organization's contact, on a phone, marks it
// delivered; the organization's timeline tells each step.
// Long: three people, eight pages checked with axe, on a machine that may be busy.
const timeout = 480_000;
const memberOrganizationId = 'c0a11710-0000-4000-8000-000000000001';
const booklet = 'Livret de campagne (français)';

/** Nothing wider than the window: no sideways scroll. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function onHand(page: Page, title: string): Promise<number> {
  await page.goto(staffUrl('/toolkit/inventory'));
  const row = page.getByTestId('inventory-row').filter({ hasText: title });
  return Number((await row.getByTestId('on-hand').textContent())?.replace(/\D/g, ''));
}

describe('toolkit: from the public form to delivered', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'staff add a material in the catalogue editor: its first stock is a received movement, the public form offers it, at 1366 and 390 px',
    async () => {
      const staff = await newVisitor(browser);
      const visitor = await newVisitor(browser);
      for (const person of [staff, visitor]) {
        person.context.setDefaultTimeout(30_000);
        person.context.setDefaultNavigationTimeout(90_000);
      }
      // The staff account may read either language: rows are found by a stamp both names carry.
      const stamp = Date.now().toString(36);
      const titleEn = `Welcome poster ${stamp}`;
      try {
        await staff.page.setViewportSize({ width: 1366, height: 900 });
        await signIn(staff.page, demo.staff);
        await staff.page.goto(staffUrl('/toolkit'));
        await staff.page.getByTestId('toolkit-catalogue').click();
        await staff.page.waitForURL(/\/toolkit\/catalogue$/);
        await staff.page.getByTestId('catalogue-row').first().waitFor();
        await expectAccessible(staff.page);
        await staff.page.getByTestId('catalogue-new').click();
        await staff.page.waitForURL(/\/toolkit\/catalogue\/new$/);

        // A bilingual poster with 40 on the shelf; the French name left out is said beside its field.
        await staff.page.getByTestId('item-kind').selectOption('poster');
        await staff.page.getByTestId('item-language').selectOption('bilingual');
        await staff.page.getByTestId('item-titleEn').fill(titleEn);
        await staff.page.getByTestId('item-descriptionEn').fill('A2 poster, printed on both sides.');
        await staff.page.getByTestId('item-lowStockThreshold').fill('10');
        await staff.page.getByTestId('item-initialStock').fill('40');
        // A poster has no file to download: that field is not offered.
        await staff.page.getByTestId('item-downloadUrl').waitFor({ state: 'detached' });
        await staff.page.getByTestId('save-toolkit-item').click();
        await staff.page.locator('[data-testid="item-titleFr"][aria-invalid="true"]').waitFor();
        await expectAccessible(staff.page);
        await staff.page.getByTestId('item-titleFr').fill(`Affiche d’accueil ${stamp}`);
        await staff.page.getByTestId('save-toolkit-item').click();
        await staff.page.waitForURL(/\/toolkit\/catalogue\/[0-9a-f-]{36}\?created=1$/);
        const itemPath = new URL(staff.page.url()).pathname;
        expect(await staff.page.getByTestId('item-on-hand').textContent()).toMatch(/^40\b/);
        // Its kind is fixed now, and its stock changes in the inventory, not here.
        await staff.page.getByTestId('item-kind-fixed').waitFor();
        expect(await staff.page.getByTestId('item-kind').count()).toBe(0);
        expect(await staff.page.getByTestId('item-initialStock').count()).toBe(0);
        await expectAccessible(staff.page);

        // The edit saves at the version read.
        await staff.page.getByTestId('item-lowStockThreshold').fill('45');
        await staff.page.getByTestId('save-toolkit-item').click();
        await staff.page.waitForURL(/\?saved=1$/);
        await staff.page.getByTestId('item-low-stock').waitFor();

        // The inventory has it, with its received movement.
        expect(await onHand(staff.page, stamp)).toBe(40);
        await staff.page.goto(staffUrl(`/toolkit/inventory?item=${itemPath.split('/').pop()}`));
        await staff.page.getByTestId('movement-row').first().waitFor();
        expect(await staff.page.getByTestId('movement-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')))).toEqual(['received']);

        // On a phone: the list and the edit page, no sideways scroll.
        await staff.page.setViewportSize({ width: 390, height: 844 });
        await staff.page.goto(staffUrl('/toolkit/catalogue'));
        await staff.page.getByTestId('catalogue-row').filter({ hasText: stamp }).waitFor();
        await expectNoSidewaysScroll(staff.page);
        await expectAccessible(staff.page);
        await staff.page.goto(staffUrl(itemPath));
        await staff.page.getByTestId('toolkit-item-form').waitFor();
        await expectNoSidewaysScroll(staff.page);
        await expectAccessible(staff.page);

        // The public form offers it, with its kind, edition and description, at both widths.
        for (const width of [1366, 390]) {
          await visitor.page.setViewportSize({ width, height: 900 });
          await visitor.page.goto(staffUrl('/public/toolkit?lang=en'));
          const field = visitor.page.getByLabel(titleEn);
          await field.waitFor();
          const description = await field.evaluate((input) =>
            (input.getAttribute('aria-describedby') ?? '')
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' '),
          );
          expect(description).toContain('Poster · Bilingual edition');
          expect(description).toContain('A2 poster, printed on both sides.');
          await expectNoSidewaysScroll(visitor.page);
          await expectAccessible(visitor.page);
        }

        // Archived, it leaves the public form and moves to the archived list.
        await staff.page.goto(staffUrl(itemPath));
        await staff.page.getByTestId('archive').click();
        await staff.page.getByTestId('confirm-archive').click();
        await staff.page.getByTestId('item-archived').waitFor();
        await visitor.page.goto(staffUrl('/public/toolkit?lang=en'));
        await visitor.page.getByTestId('public-toolkit-form').waitFor();
        expect(await visitor.page.getByLabel(titleEn).count()).toBe(0);
        await staff.page.goto(staffUrl('/toolkit/catalogue?archived=1'));
        await staff.page.getByTestId('catalogue-row').filter({ hasText: stamp }).waitFor();
      } finally {
        await Promise.all([staff.context.close(), visitor.context.close()]);
      }
    },
    timeout,
  );

  it(
    'a non-member asks, staff approve, assign, pack and ship, the member organization delivers; stock and the timeline follow',
    async () => {
      const visitor = await newVisitor(browser, 'fr-CA');
      const staff = await newVisitor(browser);
      const member = await newVisitor(browser);
      // A busy machine renders slowly: each step may wait longer than the journeys' default.
      for (const person of [visitor, staff, member]) {
        person.context.setDefaultTimeout(30_000);
        person.context.setDefaultNavigationTimeout(90_000);
      }
      try {
        // The public form, in French, without signing in; its limits answer beside the fields.
        await visitor.page.goto(staffUrl('/public/toolkit?lang=fr'));
        await visitor.page.getByTestId('public-toolkit-form').waitFor();
        expect(await visitor.page.locator('h1').textContent()).toBe('Demander du matériel de campagne');
        await expectAccessible(visitor.page);
        await visitor.page.getByLabel(booklet).fill('10');
        await visitor.page.getByTestId('name').fill('Amélie Tremblay');
        await visitor.page.getByTestId('email').fill(`amelie.${Date.now()}@example.org`);
        await visitor.page.getByTestId('addressLine').fill('45 rue Laurier');
        await visitor.page.getByTestId('city').fill('Gatineau');
        await visitor.page.getByTestId('provinceCode').selectOption('QC');
        // A postal code that is not Canadian: said beside the field, nothing sent.
        await visitor.page.getByTestId('postalCode').fill('90210');
        await visitor.page.getByTestId('public-toolkit-submit').click();
        await visitor.page.getByText('Entrez un code postal canadien').first().waitFor();
        await visitor.page.getByTestId('postalCode').fill('j8p 7h2');
        await visitor.page.getByTestId('language').selectOption('fr');
        await visitor.page.getByTestId('public-toolkit-submit').click();
        await visitor.page.waitForURL(/\/public\/toolkit\/thanks\?/);
        const reference = (await visitor.page.getByTestId('public-toolkit-reference').getAttribute('data-reference'))!;
        expect(reference).toMatch(/^[0-9A-F]{8}$/);
        await expectAccessible(visitor.page);

        // National staff find it on the board and approve it.
        await signIn(staff.page, demo.staff);
        await staff.page.goto(staffUrl('/toolkit'));
        const card = staff.page.getByTestId('toolkit-card').filter({ hasText: reference });
        await card.waitFor();
        await expectAccessible(staff.page);
        const before = await onHand(staff.page, booklet);
        await staff.page.goto(staffUrl('/toolkit'));
        await card.getByTestId('toolkit-card-link').click();
        await staff.page.waitForURL(/\/toolkit\/requests\/[0-9a-f-]{36}$/);
        const requestPath = new URL(staff.page.url()).pathname;
        expect(await staff.page.getByTestId('toolkit-recipient').textContent()).toBe('Amélie Tremblay');
        await expectAccessible(staff.page);
        await staff.page.getByTestId('step-approve').click();
        await staff.page.waitForURL(/\?moved=approved$/);

        // Assigned to the member organization, found by name.
        await staff.page.getByTestId('assign-search').fill('Ottawa Community');
        await staff.page.getByTestId('assign-search-submit').click();
        await staff.page.waitForURL(/assignSearch=/);
        await staff.page.getByTestId('assign-organization').selectOption(memberOrganizationId);
        await staff.page.getByTestId('step-assign').click();
        await staff.page.waitForURL(/\?moved=assigned$/);
        await staff.page.getByTestId('toolkit-assignee').filter({ hasText: "Centre d'accueil communautaire d'Ottawa" }).waitFor();

        // The packing slip and labels: one PDF.
        await staff.page.goto(staffUrl('/toolkit/packing'));
        await staff.page.getByTestId('packing-row').first().waitFor();
        await expectAccessible(staff.page);
        const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.page.getByTestId('packing-pdf').click()]);
        expect(download.suggestedFilename()).toMatch(/^toolkit-packing-\d{4}-\d{2}-\d{2}\.pdf$/);
        expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

        // Shipped: the stock goes down by what shipped.
        await staff.page.goto(staffUrl(requestPath));
        await staff.page.getByTestId('step-ship').click();
        await staff.page.waitForURL(/\?moved=shipped$/);
        expect(await onHand(staff.page, booklet)).toBe(before - 10);

        // The member organization's contact, on a phone: the board is one status at a time, no sideways scroll.
        await member.page.setViewportSize({ width: 390, height: 844 });
        await signIn(member.page, demo.member);
        await member.page.goto(staffUrl('/toolkit?status=shipped'));
        const memberCard = member.page.getByTestId('toolkit-card').filter({ hasText: reference });
        await memberCard.waitFor();
        await expectNoSidewaysScroll(member.page);
        await expectAccessible(member.page);
        await memberCard.getByTestId('card-deliver').click();
        await member.page.getByTestId('toolkit-notice').waitFor();
        await member.page.goto(staffUrl(requestPath));
        expect(await member.page.getByTestId('toolkit-status').first().getAttribute('data-status')).toBe('delivered');
        await expectNoSidewaysScroll(member.page);
        await expectAccessible(member.page);

        // Stock unchanged by delivery; the organization's timeline tells assignment, shipping and delivery.
        expect(await onHand(staff.page, booklet)).toBe(before - 10);
        await staff.page.goto(staffUrl(`/organizations/${memberOrganizationId}`));
        await staff.page.getByTestId('timeline').waitFor();
        const kinds = await staff.page.getByTestId('timeline-entry').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-kind')));
        expect(kinds).toEqual(expect.arrayContaining(['toolkitRequest.assigned', 'toolkitRequest.shipped', 'toolkitRequest.delivered']));

        // The inventory (where the stock was read) and the bulk screen pass axe too.
        await staff.page.goto(staffUrl('/toolkit/inventory'));
        await expectAccessible(staff.page);
        await staff.page.goto(staffUrl('/toolkit/bulk'));
        await staff.page.getByTestId('bulk-preview-form').waitFor();
        await expectAccessible(staff.page);
      } finally {
        await Promise.all([visitor.context.close(), staff.context.close(), member.context.close()]);
      }
    },
    timeout,
  );
});
