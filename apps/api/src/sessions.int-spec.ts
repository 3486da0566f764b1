import { randomBytes } from 'node:crypto';
import { demoPassword } from '@crm/seed-data';
import { ApiHarness } from './testing/api-harness';

const ME = `{ me { id role } }`;
const SIGN_IN = `mutation($input: SignInInputType!) { signIn(input: $input) { token user { id } } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

// Long enough for nine argon2 hashes on a loaded 2-core machine, short enough to wait out once.
const THROTTLE_WINDOW_SECONDS = 5;

describe('sessions and sign-in (real API, PostgreSQL, Redis)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start({
      SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3',
      SIGNIN_MAX_FAILURES_PER_ADDRESS: '8',
      SIGNIN_THROTTLE_WINDOW_SECONDS: String(THROTTLE_WINDOW_SECONDS),
    });
  });
  afterAll(() => api?.close());

  it('refuses a forged token', async () => {
    expect(code(await api.graphql(ME, {}, randomBytes(32).toString('base64url')))).toBe('UNAUTHENTICATED');
  });

  it('refuses a token after sign-out', async () => {
    const token = await api.tokenFor('STAFF', true);
    expect(code(await api.graphql(ME, {}, token))).toBeUndefined();
    await api.graphql(`mutation { signOut }`, {}, token);
    expect(code(await api.graphql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a session idle for more than 30 minutes', async () => {
    const token = await api.tokenFor('FUNDER', true);
    await api.dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE email = ` +
        `'funder@demo.coalition.invalid')`,
    );
    expect(code(await api.graphql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('refuses a session past its absolute expiry even if active', async () => {
    const token = await api.tokenFor('MEMBER', true);
    await api.dataSource.query(
      `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE email = ` +
        `'member@demo.coalition.invalid')`,
    );
    expect(code(await api.graphql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('ends the other sessions on password change and keeps the current one', async () => {
    const a = await api.signIn('quebec@demo.coalition.invalid', demoPassword);
    const b = await api.signIn('quebec@demo.coalition.invalid', demoPassword);
    const change = await api.graphql(
      `mutation($input: ChangePasswordInputType!) { changePassword(input: $input) }`,
      { input: { currentPassword: demoPassword, newPassword: 'a much longer new passphrase' } },
      a,
    );
    expect(change.errors).toBeUndefined();
    expect(code(await api.graphql(ME, {}, a))).toBeUndefined();
    expect(code(await api.graphql(ME, {}, b))).toBe('UNAUTHENTICATED');
    await expect(api.signIn('quebec@demo.coalition.invalid', 'a much longer new passphrase')).resolves.toEqual(expect.any(String));
  });

  it('refuses a wrong current password with a field error and changes nothing', async () => {
    const token = await api.tokenFor('ADMIN');
    const result = await api.graphql(
      `mutation($input: ChangePasswordInputType!) { changePassword(input: $input) }`,
      { input: { currentPassword: 'not it', newPassword: 'another long passphrase' } },
      token,
    );
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields?.[0].path).toEqual(['input', 'currentPassword']);
    await expect(api.signIn('admin@demo.coalition.invalid', demoPassword)).resolves.toEqual(expect.any(String));
  });

  it('signs a deactivated user out everywhere and refuses their sign-in with the usual message', async () => {
    const admin = await api.tokenFor('ADMIN');
    const victim = await api.signIn('ontario@demo.coalition.invalid', demoPassword);
    const me = (await api.graphql(`{ me { id version } }`, {}, victim)).data!.me as { id: string; version: number };
    const off = await api.graphql(
      `mutation($input: SetUserActiveInputType!) { setUserActive(input: $input) { active } }`,
      { input: { id: me.id, version: me.version, active: false } },
      admin,
    );
    expect(off.errors).toBeUndefined();
    expect(code(await api.graphql(ME, {}, victim))).toBe('UNAUTHENTICATED');
    const refused = await api.graphql(SIGN_IN, { input: { email: 'ontario@demo.coalition.invalid', password: demoPassword } });
    expect(refused.errors?.[0].message).toBe('E-mail or password is incorrect');
    const user = (await api.graphql(`query($id: ID!) { user(id: $id) { version } }`, { id: me.id }, admin)).data!.user as { version: number };
    await api.graphql(
      `mutation($input: SetUserActiveInputType!) { setUserActive(input: $input) { active } }`,
      { input: { id: me.id, version: user.version, active: true } },
      admin,
    );
  });

  it('applies a change of role on the very next request, although sessions are cached', async () => {
    const admin = await api.tokenFor('ADMIN');
    const staff = await api.signIn('staff@demo.coalition.invalid', demoPassword);
    const PEOPLE = `{ people(first: 1) { nodes { id } } }`;
    expect(code(await api.graphql(PEOPLE, {}, staff))).toBeUndefined(); // the session is now in the cache
    const me = (await api.graphql(`{ me { id version name } }`, {}, staff)).data!.me as { id: string; version: number; name: string };
    const UPDATE = `mutation($input: UpdateUserInputType!) { updateUser(input: $input) { version } }`;
    const demoted = await api.graphql(UPDATE, { input: { id: me.id, version: me.version, name: me.name, role: 'FUNDER' } }, admin);
    expect(demoted.errors).toBeUndefined();
    expect(code(await api.graphql(PEOPLE, {}, staff))).toBe('FORBIDDEN');
    const version = (demoted.data!.updateUser as { version: number }).version;
    await api.graphql(UPDATE, { input: { id: me.id, version, name: me.name, role: 'STAFF' } }, admin);
    expect(code(await api.graphql(PEOPLE, {}, staff))).toBeUndefined();
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const unknown = await api.graphql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'whatever' } }, undefined, { 'x-forwarded-for': '10.9.9.1' });
    const wrong = await api.graphql(SIGN_IN, { input: { email: 'staff@demo.coalition.invalid', password: 'whatever' } }, undefined, {
      'x-forwarded-for': '10.9.9.1',
    });
    expect(unknown.errors?.[0]).toEqual({ ...wrong.errors?.[0] });
    expect(code(unknown)).toBe('UNAUTHENTICATED');
  });

  it('throttles an account after repeated failures and releases it when the window ends', async () => {
    const email = 'funder@demo.coalition.invalid';
    const from = { 'x-forwarded-for': '10.1.1.1' };
    for (let i = 0; i < 3; i += 1) expect(code(await api.graphql(SIGN_IN, { input: { email, password: 'wrong' } }, undefined, from))).toBe('UNAUTHENTICATED');
    // Even the right password is refused while throttled, from another address too.
    expect(code(await api.graphql(SIGN_IN, { input: { email, password: demoPassword } }, undefined, { 'x-forwarded-for': '10.1.1.2' }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    await new Promise((resolve) => setTimeout(resolve, THROTTLE_WINDOW_SECONDS * 1000 + 100));
    expect(code(await api.graphql(SIGN_IN, { input: { email, password: demoPassword } }, undefined, from))).toBeUndefined();
  });

  it('throttles an address trying many accounts', async () => {
    const from = { 'x-forwarded-for': '10.2.2.2' };
    // In parallel: the eight guesses must fall inside the test's window even on a loaded machine (each costs a hash).
    await Promise.all(Array.from({ length: 8 }, (_, i) => api.graphql(SIGN_IN, { input: { email: `guess${i}@example.org`, password: 'x' } }, undefined, from)));
    expect(code(await api.graphql(SIGN_IN, { input: { email: 'admin@demo.coalition.invalid', password: demoPassword } }, undefined, from))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(
      code(
        await api.graphql(SIGN_IN, { input: { email: 'admin@demo.coalition.invalid', password: demoPassword } }, undefined, { 'x-forwarded-for': '10.2.2.3' }),
      ),
    ).toBeUndefined();
  });
});

describe('invitations, resets and the audit log', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start();
  });
  afterAll(() => api?.close());

  const linkToken = async (email: string, template: string) => {
    const [row] = await api.dataSource.query(`SELECT body_text FROM mail_message WHERE to_address = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1`, [
      email,
      template,
    ]);
    return /\/(?:invitation|reset-password)\/([A-Za-z0-9_-]+)/.exec(row.body_text)![1];
  };

  it('invites a coordinator who accepts once, then signs in; the link does not work twice', async () => {
    const admin = await api.tokenFor('ADMIN');
    const [ontario] = await api.dataSource.query(`SELECT id FROM region WHERE code = 'ontario'`);
    const invited = await api.graphql(
      `mutation($input: InviteUserInputType!) { inviteUser(input: $input) { id invitationPending role regionIds } }`,
      { input: { email: 'Nadia@Example.org', name: 'Nadia', role: 'COORDINATOR', regionIds: [ontario.id], preferredLanguage: 'fr' } },
      admin,
    );
    expect(invited.errors).toBeUndefined();
    expect(invited.data!.inviteUser).toMatchObject({ invitationPending: true, role: 'COORDINATOR', regionIds: [ontario.id] });
    const token = await linkToken('nadia@example.org', 'invitation');
    // The page reads whom the link is for, anonymously, without using it (twice: still there).
    const PREVIEW = `query($token: String!) { invitation(token: $token) { name email role } }`;
    for (let i = 0; i < 2; i++)
      expect((await api.graphql(PREVIEW, { token })).data!.invitation).toEqual({ name: 'Nadia', email: 'nadia@example.org', role: 'COORDINATOR' });
    const accept = `mutation($input: AcceptInvitationInputType!) { acceptInvitation(input: $input) { token user { name invitationPending } } }`;
    const accepted = await api.graphql(accept, { input: { token, newPassword: 'nadia chose a long one' } });
    expect(accepted.data!.acceptInvitation).toMatchObject({ user: { name: 'Nadia', invitationPending: false } });
    expect(code(await api.graphql(accept, { input: { token, newPassword: 'nadia chose a long one' } }))).toBe('BAD_USER_INPUT');
    expect(code(await api.graphql(PREVIEW, { token }))).toBe('BAD_USER_INPUT');
    expect(code(await api.graphql(PREVIEW, { token: 'x' }))).toBe('BAD_USER_INPUT');
    await expect(api.signIn('NADIA@example.org', 'nadia chose a long one')).resolves.toEqual(expect.any(String));
  });

  it('refuses a second account with the same e-mail in any case, naming the field', async () => {
    const admin = await api.tokenFor('ADMIN');
    const result = await api.graphql(
      `mutation($input: InviteUserInputType!) { inviteUser(input: $input) { id } }`,
      { input: { email: 'STAFF@demo.coalition.invalid', name: 'Dup', role: 'STAFF' } },
      admin,
    );
    expect(result.errors?.[0].extensions?.fields?.[0].path).toEqual(['input', 'email']);
  });

  it('resets a password by e-mail link and ends existing sessions', async () => {
    const old = await api.tokenFor('STAFF', true);
    expect(await api.graphql(`mutation { requestPasswordReset(input: { email: "staff@demo.coalition.invalid" }) }`)).toMatchObject({
      data: { requestPasswordReset: true },
    });
    // Same answer for an address with no account, and no mail for it.
    expect(await api.graphql(`mutation { requestPasswordReset(input: { email: "ghost@example.org" }) }`)).toMatchObject({
      data: { requestPasswordReset: true },
    });
    expect(await api.dataSource.query(`SELECT 1 FROM mail_message WHERE to_address = 'ghost@example.org'`)).toHaveLength(0);
    const token = await linkToken('staff@demo.coalition.invalid', 'password_reset');
    const reset = await api.graphql(`mutation($input: ResetPasswordInputType!) { resetPassword(input: $input) }`, {
      input: { token, newPassword: 'a brand new passphrase' },
    });
    expect(reset.errors).toBeUndefined();
    expect(code(await api.graphql(ME, {}, old))).toBe('UNAUTHENTICATED');
    await expect(api.signIn('staff@demo.coalition.invalid', 'a brand new passphrase')).resolves.toEqual(expect.any(String));
  });

  it('refuses an expired invitation link', async () => {
    const admin = await api.tokenFor('ADMIN');
    await api.graphql(
      `mutation($input: InviteUserInputType!) { inviteUser(input: $input) { id } }`,
      { input: { email: 'late@example.org', name: 'Late', role: 'FUNDER' } },
      admin,
    );
    const token = await linkToken('late@example.org', 'invitation');
    await api.dataSource.query(`UPDATE user_token SET expires_at = now() - interval '1 minute' WHERE kind = 'invitation' AND used_at IS NULL`);
    const result = await api.graphql(`mutation($input: AcceptInvitationInputType!) { acceptInvitation(input: $input) { token } }`, {
      input: { token, newPassword: 'too late for this' },
    });
    expect(result.errors?.[0].extensions?.fields?.[0]).toEqual({
      path: ['input', 'token'],
      code: 'tokenExpired',
      message: 'This link has expired or was already used. Ask for a new one.',
    });
  });

  it('records every change with masked personal values, and the log cannot be altered', async () => {
    const admin = await api.tokenFor('ADMIN');
    const log = await api.graphql(`{ auditEntries(first: 50, filter: { action: "user.invite" }) { nodes { action actorName changes } } }`, {}, admin);
    const invite = (log.data!.auditEntries as { nodes: { changes: Record<string, { to: unknown }> }[] }).nodes[0];
    expect(invite.changes.email.to).toBe('•••');
    expect(invite.changes.role.to).toBeDefined();
    // The API's role may not even try (roles.int-spec.ts); the owner is stopped by the triggers.
    await expect(api.dataSource.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/permission denied for table audit_entry/);
    await expect(api.ownerDataSource.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(api.ownerDataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('a stale version answers CONFLICT and changes nothing', async () => {
    const admin = await api.tokenFor('ADMIN');
    const [funder] = await api.dataSource.query(`SELECT id, version, name FROM app_user WHERE email = 'funder@demo.coalition.invalid'`);
    const update = `mutation($input: UpdateUserInputType!) { updateUser(input: $input) { name version } }`;
    const first = await api.graphql(update, { input: { id: funder.id, version: funder.version, name: 'Fatima F.', role: 'FUNDER' } }, admin);
    expect(first.errors).toBeUndefined();
    const stale = await api.graphql(update, { input: { id: funder.id, version: funder.version, name: 'Overwritten', role: 'FUNDER' } }, admin);
    expect(code(stale)).toBe('CONFLICT');
    const [after] = await api.dataSource.query(`SELECT name FROM app_user WHERE id = $1`, [funder.id]);
    expect(after.name).toBe('Fatima F.');
  });
});
