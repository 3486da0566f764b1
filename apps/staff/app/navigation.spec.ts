import { defineAbilityFor, type Actor, type Role } from '@crm/authz';
import { isActive, navSections, visibleSections } from './navigation';

const actor = (role: Role): Actor => ({ id: 'u1', role, provinceCodes: role === 'COORDINATOR' ? ['ON'] : [], organizationId: null });
const sectionsOf = (role: Role) => visibleSections(defineAbilityFor(actor(role))).map((section) => section.testId);

describe('navigation', () => {
  it('shows the Admin section, with users, audit log and e-mail, to an admin only', () => {
    expect(sectionsOf('ADMIN')).toEqual(['nav-main', 'nav-records', 'nav-outreach', 'nav-actions', 'nav-admin']);
    expect(visibleSections(defineAbilityFor(actor('ADMIN')))[4].items.map((item) => item.to)).toEqual(['/admin/users', '/admin/audit', '/admin/mail']);
    for (const role of ['STAFF', 'COORDINATOR', 'MEMBER'] as const) expect(sectionsOf(role)).not.toContain('nav-admin');
  });

  it('shows people, organizations, stories and toolkit requests to the roles that may read them, never to a member or a funder', () => {
    const records = (role: Role) =>
      visibleSections(defineAbilityFor(actor(role)))
        .find((section) => section.testId === 'nav-records')
        ?.items.map((item) => item.to) ?? [];
    const all = ['/search', '/organizations', '/people', '/imports/new', '/duplicates', '/stories', '/toolkit'];
    for (const role of ['ADMIN', 'STAFF'] as const) expect(records(role)).toEqual(all);
    // The possible-duplicates queue is for those who merge: national staff.
    expect(records('COORDINATOR')).toEqual(all.filter((to) => to !== '/duplicates'));
    expect(records('MEMBER')).toEqual([]);
    expect(records('FUNDER')).toEqual([]);
  });

  it('offers toolkit requests to a member contact of an organization, never to a funder', () => {
    const member = visibleSections(defineAbilityFor({ ...actor('MEMBER'), organizationId: 'o1' }));
    expect(member.find((section) => section.testId === 'nav-records')?.items.map((item) => item.to)).toContain('/toolkit');
    expect(JSON.stringify(visibleSections(defineAbilityFor(actor('FUNDER'))))).not.toContain('/toolkit');
  });

  it('offers the quick log and follow-ups to those who record outreach, and campaigns to every role', () => {
    const outreach = (role: Role) =>
      visibleSections(defineAbilityFor(actor(role)))
        .find((section) => section.testId === 'nav-outreach')
        ?.items.map((item) => item.to) ?? [];
    for (const role of ['ADMIN', 'STAFF', 'COORDINATOR'] as const) expect(outreach(role)).toEqual(['/outreach/log', '/follow-ups', '/outreach', '/campaigns']);
    for (const role of ['MEMBER', 'FUNDER'] as const) expect(outreach(role)).toEqual(['/campaigns']);
  });

  it('offers events and their calendar to every role that may read events, and pledges to every role that may read pledges', () => {
    const actions = (role: Role) =>
      visibleSections(defineAbilityFor(actor(role)))
        .find((section) => section.testId === 'nav-actions')
        ?.items.map((item) => item.to) ?? [];
    for (const role of ['ADMIN', 'STAFF', 'COORDINATOR'] as const) expect(actions(role)).toEqual(['/events', '/events/calendar', '/pledges']);
    // A member reads its own organization's pledges (and events); a funder reads neither.
    expect(actions('FUNDER')).toEqual([]);
    const member = visibleSections(defineAbilityFor({ ...actor('MEMBER'), organizationId: 'o1' }));
    expect(member.find((section) => section.testId === 'nav-actions')?.items.map((item) => item.to)).toEqual(['/events', '/events/calendar', '/pledges']);
  });

  it('marks the dashboard active on "/" only, and a section on its sub-pages', () => {
    const [dashboard] = navSections[0].items;
    const [users] = navSections.find((section) => section.testId === 'nav-admin')!.items;
    expect(isActive(dashboard, '/')).toBe(true);
    expect(isActive(dashboard, '/admin/users')).toBe(false);
    expect(isActive(users, '/admin/users/123')).toBe(true);
  });
});
