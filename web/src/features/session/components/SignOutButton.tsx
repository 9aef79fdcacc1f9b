import { useT } from '../../../i18n/locale';
import { useSignOut } from '../api/session';

export function SignOutButton() {
  const t = useT();
  const signOut = useSignOut();
  return (
    <button type="button" className="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
      {t('session.signOut')}
    </button>
  );
}
