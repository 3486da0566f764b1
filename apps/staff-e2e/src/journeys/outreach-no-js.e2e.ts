import { demo, journeyBrowser, signIn, staffUrl } from './journey-helpers';

// The quick log is an HTML form first: with JavaScript off, a coordinator on a
// phone finds the person, picks channel and outcome, and saves.
const timeout = 90_000;

describe('the quick log without JavaScript', () => {
  it(
    'records a contact with plain form posts',
    async () => {
      const context = await (await journeyBrowser()).newContext({ locale: 'en-CA', javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      try {
        await signIn(page, demo.ontario);
        await page.goto(staffUrl('/outreach/log'));
        await page.getByTestId('person-search').fill('abdi');
        await page.getByTestId('person-search-button').click();
        await page.waitForURL(/\/outreach\/log\?q=abdi/);
        const first = page.getByTestId('person-matches').getByRole('radio').first();
        await first.check();
        await page.getByTestId('channel-call').check();
        await page.getByTestId('outcome-noAnswer').check();
        await page.getByTestId('save-outreach').click();
        await page.waitForURL(/\/outreach\/log\?saved=/);
        await page.getByTestId('outreach-saved').waitFor();

        // Saving with no person chosen says so, next to the form, and records nothing.
        await page.goto(staffUrl('/outreach/log'));
        await page.getByTestId('channel-call').check();
        await page.getByTestId('outcome-noAnswer').check();
        await page.getByTestId('save-outreach').click();
        await page.getByRole('alert').first().waitFor();
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
