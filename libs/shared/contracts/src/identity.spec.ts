import { ChangePasswordInput, InviteUserInput, SignInInput } from './identity';

const regionId = '6f1c2a4e-0000-4000-8000-000000000001';

describe('identity contracts', () => {
  it('normalises e-mail case and spaces on sign-in', () => {
    expect(SignInInput.parse({ email: '  Amina@Example.ORG ', password: 'x' }).email).toBe('amina@example.org');
  });

  it('names the field of an invalid e-mail', () => {
    const result = SignInInput.safeParse({ email: 'not-an-email', password: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['email']);
  });

  it('requires a region for a coordinator and an organization for a member', () => {
    const coordinator = InviteUserInput.safeParse({ email: 'c@example.org', name: 'C', role: 'COORDINATOR' });
    expect(coordinator.error?.issues.map((i) => i.path.join('.'))).toEqual(['regionIds']);
    const member = InviteUserInput.safeParse({ email: 'm@example.org', name: 'M', role: 'MEMBER' });
    expect(member.error?.issues.map((i) => i.path.join('.'))).toEqual(['organizationId']);
    expect(InviteUserInput.safeParse({ email: 'c@example.org', name: 'C', role: 'COORDINATOR', regionIds: [regionId] }).success).toBe(true);
  });

  it('refuses short new passwords and reusing the current one', () => {
    expect(ChangePasswordInput.safeParse({ currentPassword: 'a', newPassword: 'short' }).error?.issues[0].path).toEqual(['newPassword']);
    const same = ChangePasswordInput.safeParse({ currentPassword: 'correct horse battery', newPassword: 'correct horse battery' });
    expect(same.error?.issues[0].message).toBe('passwordSameAsCurrent');
  });
});
