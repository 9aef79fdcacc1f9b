import { ApiProblem } from '../api/problem';
import { useT } from '../i18n/locale';

/**
 * What a screen shows instead of its data: loading, or why it cannot be read. A 403 says the
 * thing is outside the signed-in token's scope, in the user's words, and names nothing else.
 */
export function QueryState({ error, isPending }: { error: Error | null; isPending: boolean }) {
  const t = useT();
  if (error) {
    const status = error instanceof ApiProblem ? error.status : undefined;
    return (
      <div role="alert" className="card">
        <p>
          <strong>
            {status === 403
              ? t('app.error.forbidden')
              : status === 404
                ? t('app.error.notFound')
                : status === undefined
                  ? t('app.unreachable')
                  : t('app.error.other', { detail: error.message })}
          </strong>
        </p>
      </div>
    );
  }
  if (isPending) return <p role="status">{t('app.loading')}</p>;
  return null;
}
