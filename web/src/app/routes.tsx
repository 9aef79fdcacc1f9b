import type { ReactElement } from 'react';
import type { MessageId } from '../i18n/messages';
import { HomeScreen } from './HomeScreen';

/** One screen of the app: its URL, what it shows, and (when it has one) its entry in the main navigation. */
export interface ScreenRoute {
  readonly path: string;
  readonly element: ReactElement;
  readonly nav?: MessageId;
}

/** Every screen, by URL. A new screen adds one line here (web/README.md). */
export const routes: readonly ScreenRoute[] = [{ path: '/', element: <HomeScreen />, nav: 'app.nav.home' }];
