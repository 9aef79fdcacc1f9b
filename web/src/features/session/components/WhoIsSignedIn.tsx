import { useT } from '../../../i18n/locale';
import { useMdeName } from '../../mdes/api/get-mdes';
import type { SignedIn } from '../api/session';

/** The signed-in token's label, role and MDEs, always in view. */
export function WhoIsSignedIn({ session }: { session: SignedIn }) {
  const t = useT();
  const mdeName = useMdeName();
  return (
    <p className="who">
      <strong>{t('session.who', { label: session.label })}</strong>{' '}
      <span className="badge">{t('session.role', { role: session.role })}</span>{' '}
      <span>
        {session.role === 'partner'
          ? t('session.mdes', { count: session.mdes.length, list: session.mdes.map(mdeName).join(', ') })
          : t('session.allMdes')}
      </span>
    </p>
  );
}
