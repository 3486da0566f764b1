import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { api, demo, demoPassword, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// An event from planning to held: national staff (in Halifax) plan a forum in Toronto
// and invite two leaders; an Ontario coordinator checks people in at the door on a
// phone, adds a walk-in and marks the event held; the leaders climb the ladder (the
// host to champion, the guest who came to engaged).
const timeout = 180_000;

/** Nothing wider than the phone's screen (no sideways scroll). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

/**
 * Picks a person or organization in a searchable picker by typing part of their name.
 * `atBottom`: the field is first scrolled to the bottom of the screen, where the list opens
 * upwards (it was drawn inside the card and cut by its edge: its first options hidden).
 */
async function pick(page: Page, testId: string, text: string, name: string, { atBottom = false } = {}): Promise<void> {
  const search = page.getByTestId(`${testId}-search`);
  if (atBottom) await search.evaluate((field) => field.scrollIntoView({ block: 'end' }));
  await search.fill(text);
  // The list shows its options as they come, with no second click into the field.
  try {
    await page.getByTestId(`${testId}-option`).filter({ hasText: name }).first().click();
  } catch (error) {
    await page.screenshot({ path: `/tmp/events-pick-${testId}.png`, fullPage: true });
    console.log(
      await page.evaluate((tid) => {
        const option = document.querySelector(`[data-testid="${tid}-option"]`);
        const dropdown = option?.closest('.mantine-Popover-dropdown');
        const box = (el: Element | null | undefined) => (el ? JSON.stringify(el.getBoundingClientRect()) : null);
        return JSON.stringify({
          style: dropdown?.getAttribute('style'),
          dropdown: box(dropdown),
          input: box(document.querySelector(`[data-testid="${tid}-search"]`)),
          scrollY: window.scrollY,
          height: window.innerHeight,
        });
      }, testId),
    );
    throw error;
  }
  await page.getByTestId(`${testId}-chosen`).filter({ hasText: name }).waitFor();
}

describe('an event from planning to held', () => {
  let browser: Browser;
  const suffix = `${Date.now() % 1_000_000}`;
  // Names of letters only, unlike any other (people search forgives typos and splits digits off).
  const letters = [...suffix].map((digit) => 'qwzxkvjybp'[Number(digit)]).join('');
  const host = { id: '', firstName: 'Amara', lastName: `Hostq${letters}` };
  const guest = { id: '', firstName: 'Tomasz', lastName: `Guestz${letters}` };
  // The host's namesakes, after them in the list: searching the name lists five, the host first.
  const namesakes = ['Bela', 'Chidi', 'Dalia', 'Emeka'].map((firstName) => ({ id: '', firstName, lastName: host.lastName }));
  const title = `Forum on refugee rights ${suffix}`;
  const titleFr = `Forum sur les droits des réfugiés ${suffix}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { signIn: session } = await api<{ signIn: { token: string } }>('mutation($input: SignInInputType!) { signIn(input: $input) { token } }', {
      input: { email: demo.ontario, password: demoPassword },
    });
    for (const person of [host, guest, ...namesakes]) {
      const created = await api<{ createPerson: { id: string } }>(
        'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }',
        { input: { firstName: person.firstName, lastName: person.lastName, provinceCode: 'ON', city: 'Toronto' } },
        session.token,
      );
      person.id = created.createPerson.id;
    }
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'is planned, confirmed, checked in on a phone with a walk-in, held, and moves its leaders up the ladder',
    async () => {
      const staff = await newVisitor(browser, 'en-CA', 'America/Halifax');
      const coordinator = await newVisitor(browser, 'en-CA', 'America/Toronto');
      try {
        // Staff plan it, from Halifax: 19:00 in Toronto is 20:00 for them.
        await signIn(staff.page, demo.staff);
        await staff.page.goto(staffUrl('/events'));
        await staff.page.getByTestId('events-table').waitFor();
        await expectAccessible(staff.page);
        await staff.page.getByTestId('new-event').click();
        await staff.page.getByTestId('event-form').waitFor();
        await staff.page.getByTestId('titleEn').fill(title);
        await staff.page.getByTestId('titleFr').fill(titleFr);
        await staff.page.getByTestId('kind').selectOption('forum');
        await staff.page.getByTestId('provinceCode').selectOption('ON');
        await staff.page.getByTestId('timeZone').selectOption('America/Toronto');
        await staff.page.getByTestId('startsAt').fill('2027-03-10T19:00');
        await staff.page.getByTestId('endsAt').fill('2027-03-10T21:00');
        await staff.page.getByTestId('place').fill('Toronto Reference Library');
        await staff.page.getByTestId('capacity').fill('30');
        await pick(staff.page, 'host-leaders', `${host.firstName} ${host.lastName}`, `${host.firstName} ${host.lastName}`);
        // The Ontario coordinator runs it: as its owner they may mark it held.
        const coordinatorOption = staff.page.getByTestId('ownerId').locator('option', { hasText: 'Olivia Ontario' }).first();
        await staff.page.getByTestId('ownerId').selectOption((await coordinatorOption.getAttribute('value')) ?? '');
        await expectAccessible(staff.page);
        await staff.page.getByTestId('save-event').click();
        await staff.page.waitForURL(/\/events\/[0-9a-f-]{36}\?created=1$/);
        const eventPath = new URL(staff.page.url()).pathname;
        // The staff account may read French (another journey may have switched it): either title is right.
        expect([title, titleFr]).toContain(await staff.page.getByTestId('event-title').textContent());
        const when = staff.page.getByTestId('event-time').first();
        await when.getByTestId('event-viewer-time').waitFor();
        // (The staff account may read French: the times, not the words, are checked.)
        expect(await when.locator('time').textContent()).toMatch(/19(:| h )00–21(:| h )00 Toronto$/);
        expect(await when.getByTestId('event-viewer-time').textContent()).toMatch(/20(:| h )00/);
        expect(await staff.page.getByTestId('event-hosts').textContent()).toContain(host.lastName);

        // They invite both leaders, then confirm it.
        // With the field at the bottom of the screen, the list of five opens upwards, whole.
        await pick(staff.page, 'invite-people', host.lastName, `${host.firstName} ${host.lastName}`, { atBottom: true });
        await pick(staff.page, 'invite-people', `${guest.firstName} ${guest.lastName}`, guest.lastName, { atBottom: true });
        await staff.page.getByTestId('invite-submit').click();
        // The "created" notice is already showing: wait for the invitees' rows, not for a notice.
        await staff.page.getByTestId('rsvp-row').nth(1).waitFor();
        expect(await staff.page.getByTestId('rsvp-row').count()).toBe(2);
        await staff.page.getByTestId('move-confirmed').click();
        await staff.page.locator('[data-testid="event-status"][data-status="confirmed"]').waitFor();
        // Only the moves the status allows are offered.
        expect(await staff.page.getByTestId('move-confirmed').count()).toBe(0);
        expect(await staff.page.getByTestId('move-held').count()).toBe(1);
        await expectAccessible(staff.page);

        // It is on the calendar, in the week it happens.
        await staff.page.goto(staffUrl('/events/calendar?view=week&date=2027-03-07'));
        await staff.page.getByTestId('calendar-event').filter({ hasText: suffix }).waitFor();
        await expectAccessible(staff.page);
        await staff.page.goto(staffUrl('/events/calendar?view=month&date=2027-03-01'));
        await staff.page.getByTestId('calendar-event').filter({ hasText: suffix }).waitFor();
        await expectAccessible(staff.page);

        // At the door: the Ontario coordinator, on a phone, one thumb.
        await coordinator.page.setViewportSize({ width: 390, height: 844 });
        await signIn(coordinator.page, demo.ontario);
        await coordinator.page.goto(staffUrl(`${eventPath}/check-in`));
        await coordinator.page.getByTestId('check-in-list').waitFor();
        await expectAccessible(coordinator.page);
        await expectNoSidewaysScroll(coordinator.page);
        // Search as you type: only the guest is left.
        await coordinator.page.getByTestId('check-in-search').fill(guest.firstName.slice(0, 4).toLowerCase());
        await coordinator.page.locator(`[data-testid="check-in-row"][data-person-id="${host.id}"]`).waitFor({ state: 'detached' });
        expect(await coordinator.page.getByTestId('check-in-row').count()).toBe(1);
        const guestRow = coordinator.page.locator(`[data-testid="check-in-row"][data-person-id="${guest.id}"]`);
        await guestRow.getByTestId('check-in-arrive').click();
        await coordinator.page.locator(`[data-testid="check-in-row"][data-person-id="${guest.id}"][data-arrived="true"]`).waitFor();
        await coordinator.page.getByTestId('check-in-search').fill('');
        await coordinator.page.locator(`[data-testid="check-in-row"][data-person-id="${host.id}"]`).getByTestId('check-in-arrive').click();
        await coordinator.page.locator(`[data-testid="check-in-row"][data-person-id="${host.id}"][data-arrived="true"]`).waitFor();

        // A walk-in, in a few fields.
        const walkIn = `Walkin${suffix}`;
        await coordinator.page.getByTestId('walk-in-first-name').fill('Leila');
        await coordinator.page.getByTestId('walk-in-last-name').fill(walkIn);
        await coordinator.page.getByTestId('walk-in-add').click();
        await coordinator.page.getByTestId('walk-in-added').waitFor();
        await coordinator.page.getByTestId('check-in-row').filter({ hasText: walkIn }).waitFor();
        const summary = coordinator.page.getByTestId('check-in-summary');
        expect([await summary.getAttribute('data-attended'), await summary.getAttribute('data-walk-ins')]).toEqual(['3', '1']);
        await expectNoSidewaysScroll(coordinator.page);

        // The coordinator marks it held, from the event's page.
        await coordinator.page.goto(staffUrl(eventPath));
        await coordinator.page.getByTestId('move-held').click();
        await coordinator.page.locator('[data-testid="event-status"][data-status="held"]').waitFor();
        expect(await coordinator.page.getByTestId('move-cancelled').count()).toBe(0);
        await expectAccessible(coordinator.page);
        await expectNoSidewaysScroll(coordinator.page);

        // The ladder: the host of a held event is a champion, the guest who came is engaged.
        await coordinator.page.goto(staffUrl(`/people/${host.id}`));
        expect(await coordinator.page.getByTestId('stage-badge').first().getAttribute('data-stage')).toBe('champion');
        await coordinator.page.goto(staffUrl(`/people/${guest.id}`));
        expect(await coordinator.page.getByTestId('stage-badge').first().getAttribute('data-stage')).toBe('engaged');
      } finally {
        await staff.context.close();
        await coordinator.context.close();
      }
    },
    timeout,
  );
});
