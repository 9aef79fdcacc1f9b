import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { OutboxStatus } from '../features/offline/components/OutboxStatus';
import { OutboxSync } from '../features/offline/components/OutboxSync';
import { ownerOf, SignedInProvider } from '../features/session/api/signed-in';
import { SignOutButton } from '../features/session/components/SignOutButton';
import { WhoIsSignedIn } from '../features/session/components/WhoIsSignedIn';
import type { SignedIn } from '../features/session/api/session';
import { useT } from '../i18n/locale';
import { LanguageSwitch } from './LanguageSwitch';
import { routes } from './routes';

/** The frame of every screen: a skip link, the app's name, who is signed in, the navigation, the language. */
export function Layout({ session, children }: { session: SignedIn | null; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top">
        <div className="bar">
          <p className="name">{t('app.name')}</p>
          <LanguageSwitch />
        </div>
        {session && (
          <div className="bar">
            <WhoIsSignedIn session={session} />
            <SignOutButton />
          </div>
        )}
        {session && <OutboxSync owner={ownerOf(session)} />}
        {session && <OutboxStatus />}
        {session && (
          <nav aria-label={t('app.nav')}>
            <ul>
              {routes.flatMap((route) =>
                route.nav === undefined || (route.roles !== undefined && !route.roles.includes(session.role))
                  ? []
                  : [
                      <li key={route.path}>
                        <NavLink to={route.path} end={route.path === '/'}>
                          {t(route.nav)}
                        </NavLink>
                      </li>,
                    ],
              )}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <SignedInProvider value={session}>{children}</SignedInProvider>
      </main>
    </>
  );
}
