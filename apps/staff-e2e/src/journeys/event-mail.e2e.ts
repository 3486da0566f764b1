import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/stack';
import { api, demo, demoPassword, expectAccessible, newVisitor, signIn, staffUrl } from './journey-helpers';

// Mail to an event's guests (decision 117): staff invite a French-speaking leader who agreed
// to e-mail and one who asked not to be contacted; the event page says what went to whom and
// what was withheld and why; the leader answers from the invitation's link on a phone, in
// French, without signing in, and the page then shows her confirmation.
const timeout = 180_000;

const signInApi = async (email: string) =>
  (
    await api<{ signIn: { token: string } }>('mutation($input: SignInInputType!) { signIn(input: $input) { token } }', {
      input: { email, password: demoPassword },
    })
  ).signIn.token;

/** The mail panel's badge for one guest and kind. */
const notice = (page: Page, personId: string, kind: string) =>
  page.locator(`[data-testid="event-mail-guest"][data-person-id="${personId}"] [data-testid="event-mail-notice"][data-kind="${kind}"]`);

describe('mail to an event’s guests', () => {
  let browser: Browser;
  const suffix = `${Date.now() % 1_000_000}`;
  const guest = { id: '', email: `elodie.${suffix}@example.org` };
  const withheld = { id: '' };
  let eventId = '';
  let token = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    const staffToken = await signInApi(demo.staff);
    const person = async (input: Record<string, unknown>) =>
      (
        await api<{ createPerson: { id: string } }>(
          'mutation($input: CreatePersonInputType!) { createPerson(input: $input) { id } }',
          { input: { provinceCode: 'QC', city: 'Montréal', ...input } },
          staffToken,
        )
      ).createPerson.id;
    guest.id = await person({ firstName: 'Élodie', lastName: `Courriel${suffix}`, preferredLanguage: 'fr', emails: [guest.email], consentEmail: true });
    withheld.id = await person({
      firstName: 'Marc',
      lastName: `Retrait${suffix}`,
      emails: [`marc.${suffix}@example.org`],
      consentEmail: true,
      doNotContact: true,
    });
    eventId = (
      await api<{ createEvent: { id: string } }>(
        'mutation($input: CreateEventInputType!) { createEvent(input: $input) { id } }',
        {
          input: {
            titleEn: `Welcome forum ${suffix}`,
            titleFr: `Forum d’accueil ${suffix}`,
            kind: 'forum',
            provinceCode: 'QC',
            timeZone: 'America/Toronto',
            startsAt: '2031-06-20T19:00',
            endsAt: '2031-06-20T21:00',
            place: 'Centre communautaire, Montréal',
          },
        },
        staffToken,
      )
    ).createEvent.id;
    await api(
      'mutation($input: InviteToEventInputType!) { inviteToEvent(input: $input) }',
      { input: { eventId, personIds: [guest.id, withheld.id] } },
      staffToken,
    );
    // The invitation as it was written (ADMIN reads sent mail): its answer link.
    const { mailMessages } = await api<{ mailMessages: { nodes: { toAddress: string; bodyText: string }[] } }>(
      '{ mailMessages(first: 50) { nodes { toAddress bodyText } } }',
      {},
      await signInApi(demo.admin),
    );
    const invitation = mailMessages.nodes.find((message) => message.toAddress === guest.email);
    token = /\/public\/rsvp\/([A-Za-z0-9_-]{43})/.exec(invitation?.bodyText ?? '')?.[1] ?? '';
    expect(token).toHaveLength(43);
    expect(mailMessages.nodes.some((message) => message.toAddress === `marc.${suffix}@example.org`)).toBe(false);
  }, timeout);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'shows staff what was sent and withheld, and the guest answers from her link on a phone, in French',
    async () => {
      const staff = await newVisitor(browser, 'en-CA', 'America/Toronto');
      const visitor = await newVisitor(browser, 'fr-CA', 'America/Toronto');
      try {
        await signIn(staff.page, demo.staff);
        await staff.page.goto(staffUrl(`/events/${eventId}`));
        await notice(staff.page, guest.id, 'invitation').waitFor();
        expect(await notice(staff.page, withheld.id, 'invitation').getAttribute('data-outcome')).toBe('withheld');
        expect(await notice(staff.page, withheld.id, 'invitation').getAttribute('data-reason')).toBe('doNotContact');
        expect(await notice(staff.page, guest.id, 'invitation').getAttribute('data-outcome')).not.toBe('withheld');
        await expectAccessible(staff.page);

        // The guest, on her phone, from the e-mail's link (no account, no sign-in).
        await visitor.page.setViewportSize({ width: 390, height: 844 });
        await visitor.page.goto(staffUrl(`/public/rsvp/${token}?lang=fr`));
        await visitor.page.getByTestId('public-rsvp').waitFor();
        await expect(visitor.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(`Forum d’accueil ${suffix}`);
        await expectAccessible(visitor.page);
        expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await visitor.page.getByTestId('public-rsvp-yes').click();
        await visitor.page.getByTestId('public-rsvp-saved').waitFor();
        expect(await visitor.page.getByTestId('public-rsvp-saved').textContent()).toContain('votre place est confirmée');
        expect(await visitor.page.getByTestId('public-rsvp-current').getAttribute('data-response')).toBe('yes');
        await expectAccessible(visitor.page);

        // A wrong link says so, and nothing else.
        await visitor.page.goto(staffUrl(`/public/rsvp/${'A'.repeat(43)}?lang=fr`));
        await visitor.page.getByTestId('public-rsvp-invalid').waitFor();

        // Back on the event page: her confirmation is there.
        await staff.page.reload();
        await notice(staff.page, guest.id, 'confirmation').waitFor();
        expect(await notice(staff.page, guest.id, 'confirmation').getAttribute('data-outcome')).not.toBe('withheld');
      } finally {
        await staff.context.close();
        await visitor.context.close();
      }
    },
    timeout,
  );
});
