import type { ReactElement } from 'react';
import { ProvenanceScreen } from '../features/figures/components/ProvenanceScreen';
import { OutboxScreen } from '../features/offline/components/OutboxScreen';
import { ProjectEntriesScreen } from '../features/projects/components/ProjectEntriesScreen';
import { ProjectScreen } from '../features/projects/components/ProjectScreen';
import { ProjectsScreen } from '../features/projects/components/ProjectsScreen';
import { RecordSessionScreen } from '../features/sessions/components/RecordSessionScreen';
import { SessionScreen } from '../features/sessions/components/SessionScreen';
import type { MessageId } from '../i18n/messages';

/** One screen of the app: its URL, what it shows, and (when it has one) its entry in the main navigation. */
export interface ScreenRoute {
  readonly path: string;
  readonly element: ReactElement;
  readonly nav?: MessageId;
}

/** Every screen, by URL. A new screen adds one line here (web/README.md). */
export const routes: readonly ScreenRoute[] = [
  { path: '/', element: <ProjectsScreen />, nav: 'app.nav.projects' },
  { path: '/projects/:projectId', element: <ProjectScreen /> },
  { path: '/projects/:projectId/entries', element: <ProjectEntriesScreen /> },
  { path: '/projects/:projectId/sessions/new', element: <RecordSessionScreen /> },
  { path: '/projects/:projectId/figures/:year/:figure', element: <ProvenanceScreen /> },
  { path: '/sessions/:sessionId', element: <SessionScreen /> },
  { path: '/outbox', element: <OutboxScreen />, nav: 'app.nav.outbox' },
];
