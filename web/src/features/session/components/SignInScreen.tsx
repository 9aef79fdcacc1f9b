import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../../../api/problem';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n/locale';
import { useSignIn } from '../api/session';

/** Paste the token once: it becomes this browser's session cookie. */
export function SignInScreen() {
  const t = useT();
  const signIn = useSignIn();
  const [token, setToken] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    setEmpty(trimmed === '');
    if (trimmed !== '') signIn.mutate(trimmed, { onSuccess: () => setToken('') });
  };

  const refused = signIn.error instanceof ApiProblem && signIn.error.status === 401;
  const error = empty
    ? t('session.signIn.empty')
    : refused
      ? t('session.signIn.refused')
      : signIn.error
        ? signIn.error.message
        : undefined;

  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('session.signIn.title')}</h1>
      <p>{t('session.signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('session.signIn.token')} error={error}>
          {(control) => (
            <input
              {...control}
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={token}
              onChange={(event) => setToken(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t('session.signIn.pending') : t('session.signIn.submit')}
        </button>
      </form>
    </section>
  );
}
