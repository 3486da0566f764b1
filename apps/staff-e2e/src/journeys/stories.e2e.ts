import type { Page } from 'playwright-core';
import { demo, journeyBrowser, newVisitor, signIn, staffUrl } from './journey-helpers';

// A story from gathering to withdrawal: an Ontario coordinator gathers it (anonymised
// public consent), national staff approve and publish it, anyone reads it on the
// public page without the storyteller's name; the coordinator withdraws consent and it
// is gone from the public page and from staff's list at once.
const timeout = 90_000;

describe('a story: gathered, approved, published, withdrawn', () => {
  const title = `A bakery in Kingston ${Date.now()}`;
  const storyteller = 'Samira Haddad';

  const publicTitles = async (page: Page, lang = 'en') => {
    await page.goto(staffUrl(`/public/stories?lang=${lang}`));
    await page.locator('main').waitFor();
    return page.locator('[data-testid="public-story"] h2').allTextContents();
  };

  it(
    'is on the public page once published, anonymised, and gone the moment consent is withdrawn',
    async () => {
      const coordinator = await newVisitor(await journeyBrowser());
      const staff = await newVisitor(await journeyBrowser());
      const visitor = await newVisitor(await journeyBrowser(), 'fr-CA');
      try {
        // The coordinator gathers it, on a phone.
        await coordinator.page.setViewportSize({ width: 390, height: 844 });
        await signIn(coordinator.page, demo.ontario);
        await coordinator.page.goto(staffUrl('/stories/new'));
        await coordinator.page.getByTestId('kind').selectOption('entrepreneurial');
        await coordinator.page.getByTestId('title').fill(title);
        await coordinator.page.getByTestId('text').fill('She opened a bakery that now employs six people from the neighbourhood.');
        await coordinator.page.getByTestId('storytellerName').fill(storyteller);
        await coordinator.page.getByTestId('consentLevel').selectOption('anonymised_public');
        await coordinator.page.getByTestId('consentMethod').selectOption('written');
        await coordinator.page.getByTestId('save-story').click();
        await coordinator.page.waitForURL(/\/stories\/[0-9a-f-]{36}\?created=1$/);
        const storyPath = new URL(coordinator.page.url()).pathname;
        expect(await coordinator.page.getByTestId('story-title').textContent()).toBe(title);
        expect(await coordinator.page.getByTestId('storyteller').textContent()).toBe(storyteller);
        // Reviewing is national staff's: the coordinator is offered no review step.
        expect(await coordinator.page.getByTestId('review-approved').count()).toBe(0);

        // Not public while a draft.
        expect(await publicTitles(visitor.page)).not.toContain(title);

        // Staff approve, then publish.
        await signIn(staff.page, demo.staff);
        await staff.page.goto(staffUrl(storyPath));
        await staff.page.getByTestId('review-approved').click();
        await staff.page.getByTestId('review-published').waitFor();
        await staff.page.getByTestId('review-published').click();
        await staff.page.getByTestId('review-approved').waitFor();
        expect(await staff.page.getByTestId('story-status').first().getAttribute('data-status')).toBe('published');

        // Anyone reads it, in French page chrome, without the storyteller's name.
        expect(await publicTitles(visitor.page, 'fr')).toContain(title);
        expect(await visitor.page.locator('h1').textContent()).toBe('Récits d’anciens réfugiés');
        const card = visitor.page.locator('[data-testid="public-story"]', { hasText: title });
        expect(await card.getByTestId('public-story-by').textContent()).toBe('Raconté de façon anonyme');
        expect(await visitor.page.content()).not.toContain(storyteller);

        // The storyteller withdraws consent: the coordinator records it.
        await coordinator.page.goto(staffUrl(storyPath));
        await coordinator.page.getByTestId('withdraw').click();
        await coordinator.page.getByTestId('confirm-withdraw').click();
        await coordinator.page.waitForURL(/\/stories\?done=withdraw$/);
        await coordinator.page.getByTestId('stories-notice').waitFor();

        // Gone at once: from the public page, from staff's list, and its page is not found.
        expect(await publicTitles(visitor.page)).not.toContain(title);
        await staff.page.goto(staffUrl(`/stories?q=${encodeURIComponent(title)}`));
        await staff.page.getByTestId('stories-empty').waitFor();
        const response = await staff.page.goto(staffUrl(storyPath));
        expect(response?.status()).toBe(404);
      } finally {
        await Promise.all([coordinator.context.close(), staff.context.close(), visitor.context.close()]);
      }
    },
    timeout,
  );
});
