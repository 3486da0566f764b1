import { demo, journeyBrowser, newVisitor, signIn, signOut, staffUrl } from './journey-helpers';

// An administrator invites a new Ontario coordinator; without SMTP the
// invitation is read in "Sent e-mail"; the coordinator follows its link, chooses
// a password, lands signed in, signs out and signs in again with it.
const timeout = 45_000;

describe('inviting a coordinator', () => {
  const email = `new.coordinator.${Date.now()}@example.org`;
  const name = 'Nadia Nouvelle';
  const password = 'river-maple-lantern-42';

  it(
    'goes from invitation e-mail to a signed-in coordinator',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser());
      try {
        // The administrator invites them, Ontario region.
        await signIn(page, demo.admin);
        await page.goto(staffUrl('/admin/users'));
        await page.getByTestId('invite-user').click();
        await page.waitForURL(/\/admin\/users\/new$/);
        await page.getByTestId('email').fill(email);
        await page.getByTestId('name').fill(name);
        await page.getByTestId('role').selectOption('COORDINATOR');
        await page.getByRole('checkbox', { name: 'Ontario' }).check();
        await page.getByTestId('invite-submit').click();
        await page.getByTestId('invitation-sent').waitFor();
        expect(await page.getByTestId('user-title').textContent()).toBe(name);

        // … and reads the invitation among the stored e-mails.
        await page.goto(staffUrl('/admin/mail'));
        await page.locator(`[data-testid="mail-row"][data-to="${email}"] [data-testid="mail-open"]`).click();
        await page.getByTestId('mail-text').waitFor();
        expect(await page.getByTestId('mail-to').textContent()).toBe(email);
        expect(await page.getByTestId('mail-html').getAttribute('sandbox')).toBe('');
        const text = (await page.getByTestId('mail-text').textContent()) ?? '';
        const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(text)?.[0];
        expect(link).toBeDefined();

        await signOut(page);

        // The link names the API's STAFF_URL; open its path on the stack under test.
        await page.goto(staffUrl(new URL(link as string).pathname));
        await page.getByTestId('invitation').waitFor();
        // It greets them: whose account, which role.
        expect(await page.getByTestId('invitation-for').textContent()).toBe(`This account is for ${email}, as Coordinator.`);
        await page.getByTestId('new-password').fill(password);
        await page.getByTestId('confirm-password').fill(`${password}!`);
        await page.getByTestId('invitation-submit').click();
        await page.getByText('The two passwords are not the same.').waitFor();

        await page.getByTestId('confirm-password').fill(password);
        await page.getByTestId('invitation-submit').click();
        await page.waitForURL(staffUrl('/'));
        expect(await page.getByTestId('user-name').textContent()).toBe(name);
        expect(await page.getByTestId('user-role').textContent()).toBe('Coordinator');
        expect(await page.getByTestId('nav-admin').count()).toBe(0);

        await page.goto(staffUrl('/account'));
        expect(await page.getByTestId('profile-regions').textContent()).toBe('Ontario');

        // Signed out, then back in with the password they chose.
        await signOut(page);
        expect(await page.goto(staffUrl('/account')).then((r) => new URL(r?.url() ?? '').pathname)).toBe('/sign-in');
        await signIn(page, email, password);
        expect(await page.getByTestId('user-name').textContent()).toBe(name);
      } finally {
        await context.close();
      }
    },
    timeout,
  );

  it(
    'refuses the same invitation link a second time',
    async () => {
      const { context, page } = await newVisitor(await journeyBrowser());
      try {
        await signIn(page, demo.admin);
        await page.goto(staffUrl('/admin/mail'));
        await page.locator(`[data-testid="mail-row"][data-to="${email}"] [data-testid="mail-open"]`).click();
        const text = (await page.getByTestId('mail-text').textContent()) ?? '';
        const path = new URL(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(text)?.[0] as string).pathname;
        await signOut(page);

        // A used link says so at once: no form to fill in for nothing.
        await page.goto(staffUrl(path));
        await page.getByTestId('invitation-expired').waitFor();
        expect(await page.getByTestId('invitation-expired').textContent()).toBe(
          'This invitation link has expired or was already used. Ask the national office for a new one.',
        );
        expect(await page.getByTestId('new-password').count()).toBe(0);
      } finally {
        await context.close();
      }
    },
    timeout,
  );
});
