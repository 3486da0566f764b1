import type { PlainMessageKey } from '@crm/i18n';

export type NavItem = {
  to: string;
  label: PlainMessageKey;
  // Exact match only for "/", so it is not active on every page.
  end?: boolean;
};

// Sections appear here as their routes land (Organizations, People, Campaigns,
// Events, Pledges, Stories, Toolkit, Reports, Admin), each later filtered by the
// user's abilities from @crm/authz.
export const navItems: NavItem[] = [{ to: '/', label: 'nav.dashboard', end: true }];

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}
