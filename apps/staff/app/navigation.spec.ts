import { defineAbilityFor, type Actor, type Role } from '@crm/authz';
import { isActive, navSections, visibleSections } from './navigation';

const actor = (role: Role): Actor => ({ id: 'u1', role, provinceCodes: role === 'COORDINATOR' ? ['ON'] : [], organizationId: null });
const sectionsOf = (role: Role) => visibleSections(defineAbilityFor(actor(role))).map((section) => section.testId);

describe('navigation', () => {
  it('shows the Admin section, with users, audit log and e-mail, to an admin only', () => {
    expect(sectionsOf('ADMIN')).toEqual(['nav-main', 'nav-admin']);
    expect(visibleSections(defineAbilityFor(actor('ADMIN')))[1].items.map((item) => item.to)).toEqual(['/admin/users', '/admin/audit', '/admin/mail']);
    for (const role of ['STAFF', 'COORDINATOR', 'MEMBER', 'FUNDER'] as const) expect(sectionsOf(role)).toEqual(['nav-main']);
  });

  it('marks the dashboard active on "/" only, and a section on its sub-pages', () => {
    const [dashboard] = navSections[0].items;
    const [users] = navSections[1].items;
    expect(isActive(dashboard, '/')).toBe(true);
    expect(isActive(dashboard, '/admin/users')).toBe(false);
    expect(isActive(users, '/admin/users/123')).toBe(true);
  });
});
