import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { useIntl } from 'react-intl';
import { ApiProblem } from '../../../api/problem';
import { ErrorText } from '../../../components/ErrorText';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n/locale';
import { useMdeName, useMdes } from '../../mdes/api/get-mdes';
import { useIssueToken, useRevokeToken, useTokens, type IssuedToken, type TokenRequest } from '../api/tokens';

/** The secret, shown once, with a button that copies it. */
function IssuedSecret({ issued }: { issued: IssuedToken }) {
  const t = useT();
  const [copied, setCopied] = useState<boolean | undefined>(undefined);
  const copy = () =>
    navigator.clipboard.writeText(issued.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="card issued" role="status">
      <p>
        <strong>{t('tokens.issued')}</strong>
      </p>
      <p>
        <code className="secret">{issued.token}</code>
      </p>
      <button type="button" onClick={() => void copy()}>
        {t('tokens.copy')}
      </button>{' '}
      {copied === true && <span>{t('tokens.copied')}</span>}
      {copied === false && <span>{t('tokens.copyFailed')}</span>}
    </div>
  );
}

/** Tokens (coordinators): issue one for a partner's MDEs, see them all, revoke one. */
export function TokensScreen() {
  const t = useT();
  const intl = useIntl();
  const mdeName = useMdeName();
  const registry = useMdes().data;
  const tokens = useTokens();
  const issue = useIssueToken();
  const revoke = useRevokeToken();
  const [form, setForm] = useState<{ role: TokenRequest['role']; label: string; mdes: string[] }>({
    role: 'partner',
    label: '',
    mdes: [],
  });
  const [confirmRevoke, setConfirmRevoke] = useState<string | undefined>(undefined);
  const ids = { mdes: useId(), mdesError: useId() };
  const [missing, setMissing] = useState<{ label?: boolean; mdes?: boolean }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const label = form.label.trim();
    const next = { label: label === '', mdes: form.role === 'partner' && form.mdes.length === 0 };
    setMissing(next);
    if (next.label || next.mdes) return;
    issue.mutate(
      { role: form.role, label, ...(form.role === 'partner' ? { mdes: form.mdes } : {}) },
      { onSuccess: () => setForm({ role: 'partner', label: '', mdes: [] }) },
    );
  };
  const refused = issue.error instanceof ApiProblem ? issue.error : undefined;
  const labelError = missing.label ? t('tokens.label.missing') : refused?.fieldError('label');
  const mdesError = missing.mdes ? t('tokens.mdes.missing') : refused?.fieldError('mdes');
  const toggle = (mde: string, on: boolean) =>
    setForm({ ...form, mdes: on ? [...form.mdes, mde] : form.mdes.filter((one) => one !== mde) });

  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">{t('tokens.title')}</h1>
      <h2>{t('tokens.create')}</h2>
      <form onSubmit={submit} noValidate className="narrow">
        <Field label={t('tokens.role')}>
          {(control) => (
            <select
              {...control}
              value={form.role}
              onChange={(event) => setForm({ ...form, role: event.target.value as TokenRequest['role'] })}
            >
              {(['partner', 'auditor', 'coordinator'] as const).map((role) => (
                <option key={role} value={role}>
                  {t('session.role', { role })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('tokens.label')} error={labelError}>
          {(control) => (
            <input
              {...control}
              value={form.label}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => setForm({ ...form, label: event.target.value })}
            />
          )}
        </Field>
        {form.role === 'partner' && (
          <fieldset
            className="field mdes"
            aria-invalid={mdesError !== undefined}
            aria-describedby={mdesError === undefined ? undefined : ids.mdesError}
          >
            <legend>{t('tokens.mdes')}</legend>
            {(registry?.mdes ?? []).map((mde) => (
              <div key={mde.id} className="checkbox">
                <input
                  id={`${ids.mdes}-${mde.id}`}
                  type="checkbox"
                  checked={form.mdes.includes(mde.id)}
                  onChange={(event) => toggle(mde.id, event.target.checked)}
                />
                <label htmlFor={`${ids.mdes}-${mde.id}`}>{mdeName(mde.id)}</label>
              </div>
            ))}
            {registry?.mdes.length === 0 && <p className="muted">{t('tokens.mdes.none')}</p>}
            <ErrorText id={ids.mdesError} message={mdesError} />
          </fieldset>
        )}
        <button type="submit" disabled={issue.isPending}>
          {t('tokens.submit')}
        </button>
        {issue.error && !refused?.problem.errors && (
          <p role="alert" className="error">
            {issue.error.message}
          </p>
        )}
      </form>
      {issue.data && <IssuedSecret issued={issue.data} />}

      <h2>{t('tokens.list')}</h2>
      <QueryState error={tokens.error} isPending={tokens.isPending} />
      {revoke.error && <p role="alert">{revoke.error.message}</p>}
      {tokens.data && (
        <DataTable
          caption={t('tokens.caption', { count: tokens.data.tokens.length })}
          columns={[
            { label: t('tokens.label') },
            { label: t('tokens.role') },
            { label: t('tokens.mdes') },
            { label: t('tokens.created') },
            { label: t('tokens.state') },
          ]}
        >
          {tokens.data.tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.label}</th>
              <td>{t('session.role', { role: token.role })}</td>
              <td>{token.role === 'partner' ? token.mdes.map(mdeName).join(', ') : t('session.allMdes')}</td>
              <td>
                {t('tokens.createdBy', {
                  at: intl.formatDate(token.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  by: token.createdBy,
                })}
              </td>
              <td>
                {token.revokedAt !== null ? (
                  t('tokens.revokedAt', {
                    at: intl.formatDate(token.revokedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  })
                ) : confirmRevoke === token.id ? (
                  <span className="actions">
                    <button
                      type="button"
                      className="danger"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(token.id, { onSuccess: () => setConfirmRevoke(undefined) })}
                    >
                      {t('tokens.revoke.confirm', { label: token.label })}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirmRevoke(undefined)}>
                      {t('reports.cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="secondary" onClick={() => setConfirmRevoke(token.id)}>
                    {t('tokens.revoke', { label: token.label })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export default TokensScreen;
