import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { getStack, launchBrowser } from '../support/stack';
import { demo, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// Forms people fill every day (issue 10): a short new-person form that fits a phone,
// phones stored in E.164 and shown formatted and clickable, likely duplicates caught
// before saving (with or without JavaScript), and a refused field never "saved".
const timeout = 180_000;
const phone = { width: 390, height: 844 };

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: getStack().databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, values)).rows as T[];
  } finally {
    await db.end();
  }
}

const countNamed = async (lastName: string) =>
  (await query<{ count: number }>('SELECT count(*)::int AS count FROM person WHERE last_name = $1', [lastName]))[0].count;

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describe('forms: quick add, phones, duplicates at entry', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  async function asUser<T>(email: string, check: (page: Page) => Promise<T>, options: { viewport?: typeof phone; javaScript?: boolean } = {}): Promise<T> {
    const { context, page } =
      options.javaScript === false
        ? await (async () => {
            const noScript = await browser.newContext({ locale: 'en-CA', javaScriptEnabled: false });
            noScript.setDefaultTimeout(15_000);
            return { context: noScript, page: await noScript.newPage() };
          })()
        : await newVisitor(browser);
    try {
      if (options.viewport) await page.setViewportSize(options.viewport);
      await signIn(page, email);
      return await check(page);
    } finally {
      await context.close();
    }
  }

  it(
    'a coordinator adds a person from a phone: a short form, no sideways scroll, the phone shown formatted and clickable',
    () =>
      asUser(
        demo.ontario,
        async (page) => {
          await page.goto(staffUrl('/people/new'));
          await page.getByTestId('firstName').waitFor();
          await noSidewaysScroll(page);
          // The details are folded: the form is about one screen tall, not 1,970 px.
          expect(await page.getByTestId('more-details').getAttribute('open')).toBeNull();
          const height = await page.getByTestId('person-form').evaluate((form) => form.getBoundingClientRect().height);
          expect(height).toBeLessThan(900);
          // E-mail and phone bring their keyboards.
          expect(await page.getByTestId('emails').getAttribute('type')).toBe('email');
          expect(await page.getByTestId('phones').getAttribute('inputmode')).toBe('tel');
          await expectAccessible(page, 'coordinator: new person on a phone');

          // A phone number that is not one is refused beside the field; nothing is saved.
          await page.getByTestId('firstName').fill('Noor');
          await page.getByTestId('lastName').fill('Quickadd-Forms');
          await page.getByTestId('city').fill('Sudbury');
          await page.getByTestId('phones').fill('555-01');
          await page.getByTestId('save-person').click();
          await page.getByText('Enter a phone number like 613-555-0199 or +44 20 7183 8750.').waitFor();
          expect(await countNamed('Quickadd-Forms')).toBe(0);

          await page.getByTestId('emails').fill('noor.quickadd@example.org');
          await page.getByTestId('phones').fill('905 555 0142');
          await page.getByTestId('save-person').click();
          await page.waitForURL(/\/people\/[0-9a-f-]{36}\?created=1$/);
          const id = new URL(page.url()).pathname.split('/')[2];
          const [row] = await query<{ phones: string[] }>('SELECT phones FROM person WHERE id = $1', [id]);
          expect(row.phones).toEqual(['+19055550142']);

          const link = page.getByTestId('person-phone');
          expect(await link.textContent()).toBe('(905) 555-0142');
          expect(await link.getAttribute('href')).toBe('tel:+19055550142');
          expect(await page.locator('a[href="mailto:noor.quickadd@example.org"]').count()).toBe(1);
          await noSidewaysScroll(page);
          await expectAccessible(page, 'coordinator: person page on a phone');
        },
        { viewport: phone },
      ),
    timeout,
  );

  it(
    'a new person with no first name is refused beside the field, and nothing is saved',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/people/new'));
        expect(await page.getByTestId('firstName').getAttribute('required')).not.toBeNull();
        await page.getByTestId('lastName').fill('Nofirst-Forms');
        await page.getByTestId('save-person').click();
        await page.getByText('This field is required.').first().waitFor();
        expect(new URL(page.url()).pathname).toBe('/people/new');
        expect(await countNamed('Nofirst-Forms')).toBe(0);
      }),
    timeout,
  );

  it(
    'entering someone already there warns before saving, links to them, and saves only when told',
    () =>
      asUser(demo.ontario, async (page) => {
        const [existing] = await query<{ id: string }>(
          `INSERT INTO person (first_name, last_name, province_code, city, emails) VALUES ('Marguerite', 'Dupuis-Forms', 'ON', 'Timmins', '{}') RETURNING id`,
        );
        await page.goto(staffUrl('/people/new'));
        // One letter wrong, other case: the same person in the same city.
        await page.getByTestId('firstName').fill('marguerite');
        await page.getByTestId('lastName').fill('Dupuy-Forms');
        await page.getByTestId('city').fill('timmins');
        await page.getByTestId('save-person').click();
        const warning = page.getByTestId('duplicate-warning');
        await warning.waitFor();
        expect(await warning.locator(`a[href="/people/${existing.id}"]`).count()).toBe(1);
        expect(await countNamed('Dupuy-Forms')).toBe(0);
        // What was typed is still there.
        expect(await page.getByTestId('lastName').inputValue()).toBe('Dupuy-Forms');
        await expectAccessible(page, 'coordinator: likely duplicate');

        await page.getByTestId('save-anyway').click();
        await page.waitForURL(/\/people\/[0-9a-f-]{36}\?created=1$/);
        expect(await countNamed('Dupuy-Forms')).toBe(1);
      }),
    timeout,
  );

  it(
    'the duplicate warning works without JavaScript: the server answers the form with it, and "Save anyway" saves',
    () =>
      asUser(
        demo.ontario,
        async (page) => {
          await query(
            `INSERT INTO person (first_name, last_name, province_code, city, emails) VALUES ('Omar', 'Lefebvre-Forms', 'ON', 'Barrie', '{omar.l@example.org}')`,
          );
          await page.goto(staffUrl('/people/new'));
          await page.getByTestId('firstName').fill('O.');
          await page.getByTestId('lastName').fill('Nojs-Forms');
          await page.getByTestId('emails').fill('OMAR.L@example.org');
          await page.getByTestId('save-person').click();
          await page.getByTestId('duplicate-warning').waitFor();
          expect(await countNamed('Nojs-Forms')).toBe(0);
          await page.getByTestId('save-anyway').click();
          await page.waitForURL(/\/people\/[0-9a-f-]{36}\?created=1$/);
          expect(await countNamed('Nojs-Forms')).toBe(1);
        },
        { javaScript: false },
      ),
    timeout,
  );
});
