import type { ReactElement } from 'react';
import { lazyScreen } from '../components/LazyScreen';
import type { SignedIn } from '../features/session/api/session';
import type { MessageId } from '../i18n/messages';
import { HomeScreen } from './HomeScreen';

/** One screen of the app: its URL, what it shows, and (when it has one) its entry in the main navigation. */
export interface ScreenRoute {
  readonly path: string;
  readonly element: ReactElement;
  readonly nav?: MessageId;
  /** The roles whose navigation shows it (all when absent); the service still decides what each may read. */
  readonly roles?: readonly SignedIn['role'][];
}

const FOLLOWING: SignedIn['role'][] = ['coordinator', 'auditor'];

/** Every screen, by URL. A new screen adds one line here (web/README.md). */
export const routes: readonly ScreenRoute[] = [
  { path: '/', element: <HomeScreen />, nav: 'app.nav.home' },
  {
    path: '/figures',
    element: lazyScreen(() => import('../features/figures/components/DashboardScreen')),
    nav: 'figures.nav',
  },
  {
    path: '/figures/:year/provenance',
    element: lazyScreen(() => import('../features/figures/components/ProvenanceScreen')),
  },
  {
    path: '/history',
    element: lazyScreen(() => import('../features/figures/components/HistoryScreen')),
    nav: 'figures.nav.history',
    roles: FOLLOWING,
  },
  {
    path: '/audit',
    element: lazyScreen(() => import('../features/audit/components/AuditScreen')),
    nav: 'audit.nav',
    roles: FOLLOWING,
  },
  { path: '/audit/events', element: lazyScreen(() => import('../features/audit/components/EventLogScreen')) },
  { path: '/audit/corrections', element: lazyScreen(() => import('../features/audit/components/CorrectionsScreen')) },
  {
    path: '/reports',
    element: lazyScreen(() => import('../features/reports/components/ReportsScreen')),
    nav: 'reports.nav',
    roles: FOLLOWING,
  },
  {
    path: '/reports/:year/publications/:n',
    element: lazyScreen(() => import('../features/reports/components/PublicationScreen')),
  },
  {
    path: '/tokens',
    element: lazyScreen(() => import('../features/tokens/components/TokensScreen')),
    nav: 'tokens.nav',
    roles: ['coordinator'],
  },
  {
    path: '/mdes',
    element: lazyScreen(() => import('../features/mdes/components/MdesScreen')),
    nav: 'mdes.nav',
    roles: ['coordinator'],
  },
];
