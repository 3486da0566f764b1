import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { api, demo, demoPassword, newVisitor, signIn, staffUrl } from './journey-helpers';

// A coordinator's morning on a phone: logs a contact while the connection drops
// during the save, reconnects and finds it recorded once; sets a follow-up, sees it
// due, and closes it by logging the next contact. The person climbs the ladder.
const timeout = 120_000;

describe('outreach on a phone', () => {
  let browser: Browser;
  let personId: string;
  const lastName = `Okonkwo${Date.now() % 100000}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { signIn: session } = await api<{ signIn: { token: string } }>('mutation($input: SignInInputType!) { signIn(input: $input) { token } }', {
      input: { email: demo.ontario, password: demoPassword },
    });
    const created = await api<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }',
      { input: { firstName: 'Chidinma', lastName, provinceCode: 'ON', city: 'Hamilton' } },
      session.token,
    );
    personId = created.createPerson.id;

    // More overdue follow-ups than the home shows of them: today's must still be on the home.
    const other = await api<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }',
      { input: { firstName: 'Overdue', lastName: `Callback${lastName.slice(-5)}`, provinceCode: 'ON', city: 'Hamilton' } },
      session.token,
    );
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 7; i += 1) {
      await api(
        'mutation($input: LogOutreachInputType!) { logOutreach(input: $input) { id } }',
        { input: { personId: other.createPerson.id, channel: 'call', outcome: 'followUpNeeded', occurredOn: daysAgo(40), followUpOn: daysAgo(30 - i) } },
        session.token,
      );
    }
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'logs a contact through a dropped connection once, follows up, and closes the follow-up',
    async () => {
      const { context, page } = await newVisitor(browser);
      try {
        await page.setViewportSize({ width: 390, height: 844 });
        await signIn(page, demo.ontario);
        await page.goto(staffUrl('/outreach/log'));

        // Search as you type, misspelled.
        await page.getByTestId('person-search').fill(`Chidimna ${lastName}`);
        const match = page.getByRole('radio', { name: new RegExp(`Chidinma ${lastName}`) });
        await match.waitFor();
        await match.check();
        await page.getByTestId('channel-meeting').check();
        await page.getByTestId('outcome-interested').check();
        const today = await page.locator('input[name="occurredOn"]').inputValue();
        await page.getByTestId('follow-up-on').fill(today);

        // The save reaches the API but its answer is lost: the browser keeps the entry.
        let cut = true;
        await page.route('**/outreach/sync', async (route) => {
          if (!cut) return route.continue();
          await route.fetch();
          await context.setOffline(true);
          return route.abort('internetdisconnected');
        });
        await page.getByTestId('save-outreach').click();
        await page.getByTestId('outreach-queued').waitFor();
        expect(await page.getByTestId('outreach-pending').textContent()).toContain('1');

        // Back online: the kept entry is sent again with its client id, and recorded once.
        cut = false;
        await context.setOffline(false);
        await page.getByTestId('outreach-pending').waitFor({ state: 'detached', timeout: 45_000 });
        expect(await page.getByTestId('outreach-sent').count()).toBe(1);

        await page.goto(staffUrl(`/people/${personId}`));
        await page.getByTestId('engagement-panel').waitFor();
        expect(await page.getByTestId('person-outreach').locator('[data-testid="outreach-item"]').count()).toBe(1);
        expect(await page.getByTestId('ladder-reason').textContent()).toContain('Showed interest during a contact (meeting)');

        // The follow-up is due today: on the home page, and in "My follow-ups".
        await page.goto(staffUrl('/'));
        await page.getByTestId('home-follow-ups-today').getByTestId('follow-up').filter({ hasText: lastName }).waitFor();
        await page.goto(staffUrl('/follow-ups'));
        const due = page.getByTestId('follow-ups-today').getByTestId('follow-up').filter({ hasText: lastName });
        await due.waitFor();
        await due.getByTestId('log-closing').click();

        // The next contact closes it.
        await page.getByTestId('chosen-person').waitFor();
        await page.getByTestId('channel-call').check();
        await page.getByTestId('outcome-committed').check();
        await page.getByTestId('save-outreach').click();
        await page.getByTestId('outreach-saved').waitFor();

        await page.goto(staffUrl('/follow-ups'));
        await page.getByRole('heading', { name: 'My follow-ups' }).waitFor();
        expect(await page.getByTestId('follow-up').filter({ hasText: lastName }).count()).toBe(0);

        await page.goto(staffUrl(`/people/${personId}`));
        expect(await page.getByTestId('person-outreach').locator('[data-testid="outreach-item"]').count()).toBe(2);
        expect(await page.getByTestId('stage-badge').first().getAttribute('data-stage')).toBe('committed');
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
