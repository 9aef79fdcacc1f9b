import { useT } from '../../../i18n/locale';
import type { SignedIn } from '../api/session';

/** The signed-in token's label, role and MDEs, always in view. */
export function WhoIsSignedIn({ session }: { session: SignedIn }) {
  const t = useT();
  return (
    <p className="who">
      <strong>{t('session.who', { label: session.label })}</strong>{' '}
      <span className="badge">{t('session.role', { role: session.role })}</span>{' '}
      <span>
        {session.role === 'partner'
          ? t('session.mdes', { count: session.mdes.length, list: session.mdes.join(', ') })
          : t('session.allMdes')}
      </span>
    </p>
  );
}
