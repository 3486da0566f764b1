import type { Action, AppAbility, SubjectName } from '@crm/authz';
import type { PlainMessageKey } from '@crm/i18n';

export type NavItem = {
  to: string;
  label: PlainMessageKey;
  // Exact match only for "/", so it is not active on every page.
  end?: boolean;
  // Shown only to roles the shared ability allows (the route checks it again).
  can?: [Action, SubjectName];
};

export type NavSection = { label?: PlainMessageKey; testId: string; items: NavItem[] };

// Sections appear here as their routes land (Organizations, People, Campaigns,
// Events, Pledges, Stories, Toolkit, Reports).
export const navSections: NavSection[] = [
  { testId: 'nav-main', items: [{ to: '/', label: 'nav.dashboard', end: true }] },
  {
    label: 'nav.records',
    testId: 'nav-records',
    items: [
      { to: '/search', label: 'nav.search', can: ['read', 'Person'] },
      { to: '/organizations', label: 'nav.organizations', can: ['read', 'Organization'] },
      { to: '/people', label: 'nav.people', can: ['read', 'Person'] },
      { to: '/imports/new', label: 'nav.imports', can: ['import', 'Person'] },
      { to: '/duplicates', label: 'nav.duplicates', can: ['merge', 'Person'] },
      { to: '/stories', label: 'nav.stories', can: ['read', 'Story'] },
      { to: '/toolkit', label: 'nav.toolkit', can: ['read', 'ToolkitRequest'] },
    ],
  },
  {
    label: 'nav.outreach',
    testId: 'nav-outreach',
    items: [
      { to: '/outreach/log', label: 'nav.logContact', can: ['create', 'Outreach'] },
      { to: '/follow-ups', label: 'nav.followUps', can: ['read', 'Outreach'] },
      { to: '/outreach', label: 'outreach.title', end: true, can: ['read', 'Outreach'] },
      { to: '/campaigns', label: 'nav.campaigns', can: ['read', 'Campaign'] },
    ],
  },
  {
    label: 'nav.actions',
    testId: 'nav-actions',
    items: [
      { to: '/events', label: 'nav.events', end: true, can: ['read', 'Event'] },
      { to: '/events/calendar', label: 'nav.calendar', can: ['read', 'Event'] },
      { to: '/pledges', label: 'nav.pledges', can: ['read', 'Pledge'] },
    ],
  },
  {
    label: 'nav.admin',
    testId: 'nav-admin',
    items: [
      { to: '/admin/users', label: 'nav.admin.users', can: ['manage', 'User'] },
      { to: '/admin/audit', label: 'nav.admin.audit', can: ['read', 'AuditEntry'] },
      { to: '/admin/mail', label: 'nav.admin.mail', can: ['read', 'MailMessage'] },
    ],
  },
];

/** The sections and items this ability may use; empty sections disappear. */
export function visibleSections(ability: AppAbility, sections: NavSection[] = navSections): NavSection[] {
  return sections
    .map((section) => ({ ...section, items: section.items.filter((item) => !item.can || ability.can(item.can[0], item.can[1])) }))
    .filter((section) => section.items.length > 0);
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
