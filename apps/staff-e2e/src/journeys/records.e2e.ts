import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { getStack, launchBrowser } from '../support/stack';
import { demo, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// People and organizations in the staff app: find a leader by a misspelled
// name, edit them and see it on their timeline, merge a duplicate, export the
// filtered list; a coordinator's list stays within their regions. Assertions use
// test ids and data attributes: staff@ reads the app in French.
const timeout = 90_000;
const screenshots = process.env.E2E_SCREENSHOTS;

describe('records: people and organizations', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  async function asUser<T>(email: string, check: (page: Page) => Promise<T>): Promise<T> {
    const { context, page } = await newVisitor(browser);
    try {
      await signIn(page, email);
      return await check(page);
    } finally {
      await context.close();
    }
  }

  async function addPerson(page: Page, person: { firstName: string; lastName: string; email: string; province: string }): Promise<string> {
    await page.goto(staffUrl('/people/new'));
    await page.getByTestId('firstName').fill(person.firstName);
    await page.getByTestId('lastName').fill(person.lastName);
    await page.getByTestId('provinceCode').selectOption(person.province);
    await page.getByTestId('emails').fill(person.email);
    await page.getByTestId('save-person').click();
    // A close name already there is shown first (decision 032): these journeys add it all the same.
    const created = /\/people\/[0-9a-f-]{36}\?created=1$/;
    const warning = page.getByTestId('duplicate-warning');
    await Promise.race([page.waitForURL(created), warning.waitFor()]);
    if (await warning.isVisible()) await page.getByTestId('save-anyway').click();
    await page.waitForURL(created);
    return new URL(page.url()).pathname.split('/')[2];
  }

  it(
    'national staff find a leader by a misspelled name, edit them, see it on the timeline, and merge their duplicate',
    () =>
      asUser(demo.staff, async (page) => {
        await page.getByTestId('nav-records').waitFor();
        const id = await addPerson(page, { firstName: 'Zénobie', lastName: 'Kowalczyk', email: 'zenobie.k@example.org', province: 'ON' });
        const duplicate = await addPerson(page, { firstName: 'Zenobie', lastName: 'Kowalczik', email: 'z.kowalczyk@example.org', province: 'ON' });

        // No accent, one letter wrong, lower case.
        await page.goto(staffUrl('/search?q=zenobie%20kowalcyk'));
        const hit = page.getByTestId('search-person').filter({ has: page.locator(`a[href="/people/${id}"]`) });
        await hit.waitFor();
        await hit.locator(`a[href="/people/${id}"]`).click();
        await page.waitForURL(staffUrl(`/people/${id}`));
        expect(await page.getByTestId('person-name').textContent()).toBe('Zénobie Kowalczyk');
        if (screenshots) await page.screenshot({ path: `${screenshots}/person.png`, fullPage: true });

        await page.getByTestId('edit-person').click();
        await page.getByTestId('city').fill('Thunder Bay');
        await page.getByTestId('save-person').click();
        await page.waitForURL(staffUrl(`/people/${id}?saved=1`));
        expect(await page.getByTestId('person-city').textContent()).toBe('Thunder Bay');
        const edit = page.getByTestId('timeline-entry').and(page.locator('[data-kind="record.updated"]'));
        await edit.first().waitFor();

        // A bad e-mail is refused beside the field, in the user's language; nothing saved.
        await page.goto(staffUrl(`/people/${id}/edit`));
        await page.getByTestId('emails').fill('not-an-e-mail');
        await page.getByTestId('save-person').click();
        await page.getByText('Saisissez une adresse courriel valide.').waitFor();

        // Merge the duplicate into the person found above.
        await page.goto(staffUrl(`/people/${id}/merge?with=${duplicate}`));
        await page.getByTestId('merge-table').waitFor();
        expect(await page.locator('[data-differs="true"]').count()).toBeGreaterThan(0);
        await page.getByTestId('merge').click();
        await page.getByTestId('confirm-merge').click();
        await page.waitForURL(staffUrl(`/people/${id}?merged=1`));
        await page.getByTestId('timeline-entry').and(page.locator('[data-kind="record.merged"]')).first().waitFor();
        const gone = await page.goto(staffUrl(`/people/${duplicate}`));
        expect(gone?.status()).toBe(200);
        await page.getByTestId('archived-badge').first().waitFor();
      }),
    timeout,
  );

  it(
    'national staff add an affiliation with a title from the keyboard, hand the person to a coordinator, and page back through the timeline',
    () =>
      asUser(demo.staff, async (page) => {
        const id = await addPerson(page, { firstName: 'Ifeoma', lastName: 'Okonkwo', email: 'ifeoma.o@example.org', province: 'ON' });
        const welcomeCentre = 'c0a11710-0000-4000-8000-000000000001';

        await page.goto(staffUrl(`/people/${id}/edit`));
        // Search, move down to the organization with the arrow keys, Enter adds it (and does not submit).
        await page.getByTestId('affiliation-search').fill('Ottawa Community Welcome');
        await page.getByTestId('affiliation-option').first().waitFor();
        const selected = page.locator('[data-testid="affiliation-option"][data-combobox-selected]');
        const isWelcomeCentre = async () => /Welcome Centre|communautaire d'Ottawa/.test((await selected.textContent()) ?? '');
        for (let step = 0; step < 10 && !(await isWelcomeCentre()); step += 1) {
          await page.getByTestId('affiliation-search').press('ArrowDown');
        }
        await page.getByTestId('affiliation-search').press('Enter');
        const row = page.locator(`[data-testid="affiliation-row"][data-organization-id="${welcomeCentre}"]`);
        await row.waitFor();
        expect(page.url()).toBe(staffUrl(`/people/${id}/edit`));
        await row.getByTestId('affiliation-title').fill('Board chair');
        // Another owner: the Ontario coordinator, chosen by name.
        const ontario = await page.getByTestId('ownerId').locator('option', { hasText: 'Olivia Ontario' }).getAttribute('value');
        await page.getByTestId('ownerId').selectOption(ontario ?? '');
        await page.getByTestId('save-person').click();
        await page.waitForURL(staffUrl(`/people/${id}?saved=1`));
        expect(await page.getByTestId('record-owner').textContent()).toBe('Olivia Ontario');
        const affiliation = page
          .getByTestId('affiliations')
          .locator('a[href="/organizations/' + welcomeCentre + '"]')
          .locator('..');
        expect(await affiliation.textContent()).toContain('Board chair');

        // Removing the row on the edit form removes the affiliation.
        await page.goto(staffUrl(`/people/${id}/edit`));
        await row.getByTestId('affiliation-remove').click();
        await row.waitFor({ state: 'detached' });
        await page.getByTestId('save-person').click();
        await page.waitForURL(staffUrl(`/people/${id}?saved=1`));
        await page.getByTestId('person-name').waitFor();
        expect(await page.getByTestId('affiliations').count()).toBe(0);

        // More history than one page: "Show older" is a link that pages back, and back again.
        const db = new Client({ connectionString: getStack().databaseUrl });
        await db.connect();
        try {
          await db.query(
            `INSERT INTO activity (subject_type, subject_id, kind, record_type, record_id, at, summary)
             SELECT 'Person', $1, 'record.updated', 'Person', $1, now() - make_interval(mins => n), '{"fields":["notes"]}' FROM generate_series(1, 40) n`,
            [id],
          );
        } finally {
          await db.end();
        }
        await page.goto(staffUrl(`/people/${id}`));
        expect(await page.getByTestId('timeline-entry').count()).toBe(30);
        const newest = await page.getByTestId('timeline-entry').first().textContent();
        await page.getByTestId('timeline-older').click();
        await page.waitForURL(/\?timelineAfter=/);
        await page.getByTestId('timeline-newest').waitFor();
        const older = await page.getByTestId('timeline-entry').count();
        expect(older).toBeGreaterThan(0);
        expect(older).toBeLessThanOrEqual(30);
        await page.getByTestId('timeline-newest').click();
        await page.getByTestId('timeline-newest').waitFor({ state: 'detached' });
        expect(page.url()).toBe(staffUrl(`/people/${id}`));
        expect(await page.getByTestId('timeline-entry').first().textContent()).toBe(newest);
      }),
    timeout,
  );

  it(
    'national staff export the list they filtered',
    () =>
      asUser(demo.staff, async (page) => {
        await page.goto(staffUrl('/people?province=ON'));
        if (screenshots) await page.screenshot({ path: `${screenshots}/people.png`, fullPage: false });
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-people').click()]);
        const csv = await readFile((await download.path()) ?? '', 'utf8');
        const [header, ...rows] = parse(csv, { bom: true }) as string[][];
        expect(header.length).toBeGreaterThan(10);
        expect(rows.length).toBeGreaterThan(10);
        expect(csv).toContain('Kowalczyk');
        // The rows of the list as filtered: Ontario only.
        const province = header.indexOf('Province');
        expect(new Set(rows.map((row) => row[province]))).toEqual(new Set(['ON']));

        // Ordered by last change instead: the list and its export, newest first.
        await page.getByTestId('filter-sort').selectOption('UPDATED');
        await page.getByTestId('apply-filters').click();
        await page.waitForURL(/sort=UPDATED/);
        await page.locator('[data-testid="export-people"][href*="sort=UPDATED"]').waitFor();
        expect(new URL(page.url()).searchParams.get('province')).toBe('ON');
        const [recent] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-people').click()]);
        const [head, ...records] = parse(await readFile((await recent.path()) ?? ''), { bom: true }) as string[][];
        const updated = head.findIndex((name) => name === 'Updated' || name === 'Modifié le');
        expect(updated).toBeGreaterThan(-1);
        const stamps = records.map((record) => record[updated]);
        expect(stamps.length).toBeGreaterThan(10);
        // ISO timestamps: newest first is non-increasing text.
        expect([...stamps].sort().reverse()).toEqual(stamps);
        expect(records[0][0]).toBe(await page.getByTestId('person-row').first().getAttribute('data-id'));
      }),
    timeout,
  );

  it(
    'national staff import the demo organizations, then the demo people, through the wizard',
    () =>
      asUser(demo.staff, async (page) => {
        // The people file names its people's organizations: those come first.
        await page.goto(staffUrl('/imports/new'));
        await page.getByTestId('import-kind').selectOption('organizations');
        await page.getByTestId('import-file').setInputFiles(path.resolve(__dirname, '../../../../tools/demo-csv/organizations-civicrm.csv'));
        await page.getByTestId('import-upload-submit').click();
        await page.getByTestId('import-mapping').waitFor();
        await page.getByTestId('dry-run').click();
        await page.getByTestId('run-import').click({ timeout: 45_000 });
        await page.getByTestId('import-done').waitFor({ timeout: 45_000 });

        await page.goto(staffUrl('/imports/new'));
        await page.getByTestId('import-kind').selectOption('people');
        await page.getByTestId('import-file').setInputFiles(path.resolve(__dirname, '../../../../tools/demo-csv/people-civicrm.csv'));
        await page.getByTestId('import-upload-submit').click();
        await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
        // The CiviCRM headers are recognized: most columns come pre-mapped.
        await page.getByTestId('import-mapping').waitFor();
        const mapped = await page
          .getByTestId('mapping-select')
          .evaluateAll((selects) => selects.filter((select) => (select as HTMLSelectElement).value !== '').length);
        expect(mapped).toBeGreaterThan(2);
        await page.getByTestId('dry-run').click();
        // The dry run runs as a job; the page polls until its results show.
        await page.getByTestId('run-import').waitFor({ timeout: 45_000 });
        expect(await page.getByTestId('import-row').count()).toBeGreaterThan(0);
        if (screenshots) await page.screenshot({ path: `${screenshots}/dry-run.png`, fullPage: true });
        // Invalid rows never block the import: they are left out, as the page says.
        await page.getByTestId('import-left-out').waitFor();
        // staff@ reads French: the invalid rows say why in French, from the problems' codes.
        const batchUrl = page.url();
        await page.goto(`${batchUrl}?fate=ERROR`);
        const problems = (await page.getByTestId('import-rows').textContent()) ?? '';
        expect(problems).toContain('Saisissez une adresse courriel valide.');
        expect(problems).toContain('n’est pas une province ni un territoire du Canada');
        expect(problems).not.toMatch(/must be|is not a Canadian|Enter a valid|This field is required/);
        await expectAccessible(page, 'staff: import rows in French');
        await page.goto(batchUrl);
        await page.getByTestId('run-import').click();
        await page.getByTestId('import-done').waitFor({ timeout: 45_000 });
        // The finished page says what happened to each row (no plan, no “dry run”), and links a skipped row's match.
        expect(await page.getByTestId('import-rows').textContent()).not.toMatch(/Dry run|Essai|Create\b/);
        const created = Number((await page.getByTestId('count-created').locator('p').last().textContent())?.replace(/\D/g, ''));
        expect(created).toBeGreaterThanOrEqual(40);
      }),
    timeout,
  );

  it(
    'an Ontario coordinator’s people list shows no one from Quebec, even when asked',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/people'));
        await page.getByTestId('person-row').first().waitFor();
        const provinces = await page.getByTestId('person-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-province')));
        expect(provinces.length).toBeGreaterThan(0);
        expect(new Set(provinces)).toEqual(new Set(['ON']));
        await page.goto(staffUrl('/people?province=QC'));
        await page.getByTestId('people-empty').waitFor();
      }),
    timeout,
  );

  it(
    'a funder sees no records in the navigation and gets a 403 from the people and organization pages',
    () =>
      asUser(demo.funder, async (page) => {
        expect(await page.getByTestId('nav-records').count()).toBe(0);
        expect((await page.goto(staffUrl('/people')))?.status()).toBe(403);
        expect((await page.goto(staffUrl('/organizations')))?.status()).toBe(403);
        expect((await page.goto(staffUrl('/search?q=kowalczyk')))?.status()).toBe(403);
      }),
    timeout,
  );
});
