import type { InboxCounts, Role } from '@onterms/contracts';

/**
 * The one navigation definition: who sees which section, in what order, with which counters. A new
 * page adds one entry here (and its route in router.tsx); a new queue adds a counter key.
 */
export interface NavItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  roles: Role[];
  /** Counters shown beside the label (zero ones hidden); each has `nav.counter.<key>` for its meaning. */
  counters?: (keyof InboxCounts)[];
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/inbox', label: 'nav.toReview', roles: ['manager'], counters: ['toReview', 'replies'] },
  { to: '/inbox', label: 'nav.feedback', roles: ['rep'], counters: ['feedback'] },
  { to: '/calls', label: 'nav.calls', roles: ['rep', 'manager', 'director'] },
  { to: '/upload', label: 'nav.upload', roles: ['rep', 'manager'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['rep', 'manager', 'director'] },
  { to: '/credit-policy', label: 'policy.nav', roles: ['manager', 'director', 'admin'] },
  { to: '/receivables/import', label: 'nav.import', roles: ['director', 'admin'] },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
];

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => item.roles.includes(role));

/** Where each role's work is: the first screen after signing in. */
export const START_PATH: Record<Role, string> = {
  admin: '/admin',
  director: '/dashboard',
  manager: '/inbox',
  rep: '/inbox',
};
