import { readFile } from 'node:fs/promises';
import { Workbook } from 'exceljs';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { getStack } from '../support/stack';
import { asUser, demo, expectAccessible, signIn, signOut, staffUrl } from './journey-helpers';

// Lists for daily use (issue 10, decisions 025 and 026): headers that sort, "Mine"
// as a view, rows as cards and filters behind one button on a phone, and the
// Excel export of the list as shown. axe-core checks each screen on the way.
const timeout = 240_000;
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

async function noSidewaysScroll(page: Page): Promise<void> {
  // The shell animates its navigation away when the window narrows: judge the layout once it settles.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }))).toEqual({
    page: phone.width,
    window: phone.width,
  });
}

describe('lists for daily use', () => {
  it(
    'a coordinator sorts people by a column header, with the keyboard, and the order says so',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/people?province=ON'));
        const name = page.locator('th', { has: page.getByTestId('sort-name') });
        const updated = page.locator('th', { has: page.getByTestId('sort-updated') });
        expect(await name.getAttribute('aria-sort')).toBe('ascending');
        expect(await updated.getAttribute('aria-sort')).toBeNull();
        await expectAccessible(page, 'people, by name');

        // Keyboard only: the header is a link.
        await page.getByTestId('sort-updated').focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(/sort=UPDATED/);
        expect(new URL(page.url()).searchParams.get('province')).toBe('ON');
        await page.locator('th[aria-sort="descending"]', { has: page.getByTestId('sort-updated') }).waitFor();
        const ids = await page.getByTestId('person-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
        const stamps = await query<{ id: string }>(`SELECT id FROM person WHERE id = ANY($1::uuid[]) ORDER BY updated_at DESC, id DESC`, [ids]);
        expect(ids.length).toBeGreaterThan(5);
        expect(ids).toEqual(stamps.map((row) => row.id));
        // The export link carries the order the list shows.
        expect(await page.getByTestId('export-people-xlsx').getAttribute('href')).toContain('sort=UPDATED');

        await page.getByTestId('sort-name').click();
        await page.waitForURL((url) => !url.searchParams.has('sort'));
        await page.locator('th[aria-sort="ascending"]', { has: page.getByTestId('sort-name') }).waitFor();
      }),
    timeout,
  );

  it(
    'a coordinator opens "Mine" as a view, keeps it while filtering, and exports it to Excel',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/people'));
        expect(await page.getByTestId('view-all').getAttribute('aria-current')).toBe('page');
        await page.getByTestId('view-mine').click();
        await page.waitForURL(/mine=1/);
        await page.locator('[data-testid="view-mine"][aria-current="page"]').waitFor();
        const [{ count }] = await query<{ count: number }>(
          `SELECT count(*)::int AS count FROM person p JOIN app_user u ON u.id = p.owner_id
            WHERE lower(u.email) = $1 AND p.archived_at IS NULL`,
          [demo.ontario],
        );
        expect(count).toBeGreaterThan(0);
        expect(Number(await page.getByTestId('list-total').getAttribute('data-count'))).toBe(count);
        await expectAccessible(page, 'people, mine');

        // A filter applied in "Mine" stays in "Mine".
        await page.getByTestId('filter-sort').selectOption('UPDATED');
        await page.getByTestId('apply-filters').click();
        await page.waitForURL(/sort=UPDATED/);
        expect(new URL(page.url()).searchParams.get('mine')).toBe('1');
        await page.locator('[data-testid="export-people-xlsx"][href*="sort=UPDATED"]').waitFor();

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-people-xlsx').click()]);
        expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.xlsx$/);
        const workbook = new Workbook();
        await workbook.xlsx.load((await readFile((await download.path()) ?? '')) as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0];
        const exported = sheet.getRows(2, sheet.rowCount - 1)!.map((row) => String(row.getCell(1).value));
        const shown = await page.getByTestId('person-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
        expect(exported.slice(0, shown.length)).toEqual(shown);
        expect(exported).toHaveLength(count);
        const updated = (sheet.getRow(1).values as unknown[]).indexOf('Updated');
        expect(sheet.getRow(2).getCell(updated).value).toBeInstanceOf(Date);
      }),
    timeout,
  );

  it(
    'a coordinator hides a column, and the list remembers it for them (not for another account)',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/organizations'));
        await page.locator('th', { hasText: 'Kind' }).waitFor();
        await page.getByTestId('column-chooser').locator('summary').click();
        await page.getByTestId('column-kind').uncheck();
        await page.getByTestId('column-tags').uncheck();
        await page.getByTestId('save-columns').click();
        await page.waitForURL(/\/organizations$/);
        await page.getByTestId('organization-row').first().waitFor();
        expect(await page.locator('th', { hasText: 'Kind' }).count()).toBe(0);
        expect(await page.locator('td[data-col="tags"]').count()).toBe(0);
        expect(await page.locator('td[data-col="membership"]').count()).toBeGreaterThan(0);
        await expectAccessible(page, 'organizations, columns chosen');
        // Another visit: still hidden.
        await page.goto(staffUrl('/organizations?province=ON'));
        await page.getByTestId('organization-row').first().waitFor();
        expect(await page.locator('td[data-col="kind"]').count()).toBe(0);
        // Someone else signing in on the same browser sees every column.
        await signOut(page);
        await signIn(page, demo.staff);
        await page.goto(staffUrl('/organizations'));
        await page.getByTestId('organization-row').first().waitFor();
        expect(await page.locator('td[data-col="kind"]').count()).toBeGreaterThan(0);
      }),
    timeout,
  );

  it(
    'a coordinator saves the list as a view shared with their team, reopens it, and deletes it',
    () =>
      asUser(demo.ontario, async (page) => {
        await page.goto(staffUrl('/people?stage=committed&sort=UPDATED'));
        await page.getByTestId('save-view').locator('summary').click();
        await page.getByTestId('view-name').fill('Committed, newest first');
        await page.getByTestId('view-shared').check();
        await page.getByTestId('save-view-submit').click();
        await page.waitForURL(/view=/);
        const tab = page.locator('[data-testid="saved-view"][data-name="Committed, newest first"]');
        expect(await tab.getAttribute('aria-current')).toBe('page');
        await expectAccessible(page, 'people, saved view');

        // Back to everyone, then the view again: its filters and order come back.
        await page.getByTestId('view-all').click();
        await page.waitForURL((url) => !url.searchParams.has('view') && !url.searchParams.has('stage'));
        await tab.click();
        await page.waitForURL(/view=/);
        const params = new URL(page.url()).searchParams;
        expect([params.get('stage'), params.get('sort')]).toEqual(['committed', 'UPDATED']);
        await page.locator('th[aria-sort="descending"]', { has: page.getByTestId('sort-updated') }).waitFor();

        // The same name again is refused beside the field.
        await page.getByTestId('save-view').locator('summary').click();
        await page.getByTestId('view-name').fill('committed, NEWEST first');
        await page.getByTestId('save-view-submit').click();
        await page.waitForURL(/viewProblem=viewNameTaken/);
        await page.getByText('You already have a view of this list with this name.').waitFor();

        await tab.click();
        await page.waitForURL(/view=/);
        await page.getByTestId('delete-view').click();
        await page.waitForURL((url) => !url.searchParams.has('view'));
        expect(await tab.count()).toBe(0);
      }),
    timeout,
  );

  const phoneLists = [
    { path: '/people', row: 'person-row' },
    { path: '/organizations', row: 'organization-row' },
    { path: '/outreach', row: 'outreach-item' },
    { path: '/stories', row: 'story-row' },
  ];
  it.each(phoneLists)(
    'on a phone, $path shows its rows as cards and its filters behind one button, with no sideways scroll',
    ({ path, row }) =>
      asUser(
        demo.ontario,
        async (page) => {
          await page.goto(staffUrl(path));
          const filters = page.getByTestId('filters-button');
          await filters.waitFor();
          // The list's filter form, not the header's search (also role="search").
          const form = page.locator('main form[role="search"]');
          expect(await form.isVisible()).toBe(false);
          await noSidewaysScroll(page);
          const first = page.getByTestId(row).first();
          if (await first.count()) {
            const box = (await first.boundingBox())!;
            // The first record is on the first screen, and the card fits the width.
            expect(box.y).toBeLessThan(phone.height);
            expect(box.x + box.width).toBeLessThanOrEqual(phone.width);
            // No badge is cut ("COMMITT…").
            const cut = await page
              .locator('.mantine-Badge-root')
              .evaluateAll((badges) => badges.filter((badge) => badge.scrollWidth > badge.clientWidth + 1).map((badge) => badge.textContent));
            expect(cut).toEqual([]);
          }
          await expectAccessible(page, `${path} on a phone`);
          await filters.click();
          await form.waitFor({ state: 'visible' });
          await noSidewaysScroll(page);
          await expectAccessible(page, `${path} on a phone, filters open`);
        },
        { viewport: phone },
      ),
    timeout,
  );
});
