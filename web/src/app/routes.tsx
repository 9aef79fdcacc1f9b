import type { ReactElement } from 'react';
import { lazyScreen } from '../components/LazyScreen';
import { ProvenanceScreen } from '../features/figures/components/ProvenanceScreen';
import { OutboxScreen } from '../features/offline/components/OutboxScreen';
import { ProjectEntriesScreen } from '../features/projects/components/ProjectEntriesScreen';
import { ProjectScreen } from '../features/projects/components/ProjectScreen';
import { ProjectsScreen } from '../features/projects/components/ProjectsScreen';
import { RecordSessionScreen } from '../features/sessions/components/RecordSessionScreen';
import { SessionScreen } from '../features/sessions/components/SessionScreen';
import type { SignedIn } from '../features/session/api/session';
import type { MessageId } from '../i18n/messages';

/** One screen of the app: its URL, what it shows, and (when it has one) its entry in the main navigation. */
export interface ScreenRoute {
  readonly path: string;
  readonly element: ReactElement;
  readonly nav?: MessageId;
  /** The roles whose navigation shows it (all when absent); the service still decides what each may read. */
  readonly roles?: readonly SignedIn['role'][];
}

const FOLLOWING: SignedIn['role'][] = ['coordinator', 'auditor'];

/** Every screen, by URL. A new screen adds one line here (web/README.md); the following and audit screens load on first visit. */
export const routes: readonly ScreenRoute[] = [
  { path: '/', element: <ProjectsScreen />, nav: 'app.nav.projects' },
  { path: '/projects/:projectId', element: <ProjectScreen /> },
  { path: '/projects/:projectId/entries', element: <ProjectEntriesScreen /> },
  { path: '/projects/:projectId/sessions/new', element: <RecordSessionScreen /> },
  { path: '/projects/:projectId/figures/:year/:figure', element: <ProvenanceScreen /> },
  { path: '/sessions/:sessionId', element: <SessionScreen /> },
  { path: '/outbox', element: <OutboxScreen />, nav: 'app.nav.outbox' },
  {
    path: '/figures',
    element: lazyScreen(() => import('../features/figures/components/DashboardScreen')),
    nav: 'figures.nav',
  },
  {
    path: '/figures/:year/provenance',
    element: lazyScreen(() => import('../features/figures/components/FigureProvenanceScreen')),
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
    path: '/imports',
    element: lazyScreen(() => import('../features/imports/components/ImportScreen')),
    nav: 'imports.nav',
    roles: ['coordinator', 'partner'],
  },
  {
    path: '/mdes',
    element: lazyScreen(() => import('../features/mdes/components/MdesScreen')),
    nav: 'mdes.nav',
    roles: ['coordinator'],
  },
];
