import { useRef, useState, type FormEvent } from 'react';
import { QueryState } from '../../../components/QueryState';
import { useIntl } from 'react-intl';
import { ApiProblem } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { useT } from '../../../i18n/locale';
import { useSession } from '../../session/api/session';
import { useMdes } from '../api/get-mdes';
import { useRegisterMde } from '../api/register-mde';

const EMPTY = { id: '', fr: '', nl: '' };

/** The MDE registry: every MDE with its French and Dutch names; coordinators register or rename one. */
export function MdesScreen() {
  const t = useT();
  const intl = useIntl();
  const session = useSession().data;
  const mdes = useMdes();
  const register = useRegisterMde();
  const [form, setForm] = useState(EMPTY);
  const [missing, setMissing] = useState<Partial<Record<keyof typeof EMPTY, boolean>>>({});
  const slugField = useRef<HTMLInputElement>(null);
  const refused = register.error instanceof ApiProblem ? register.error : undefined;
  const errorOf = (field: keyof typeof EMPTY, apiField: string) =>
    missing[field] ? t('mdes.missing') : refused?.fieldError(apiField);
  const errors = { id: errorOf('id', 'id'), fr: errorOf('fr', 'name.fr'), nl: errorOf('nl', 'name.nl') };
  const known = mdes.data?.mdes.some((mde) => mde.id === form.id.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { id: form.id.trim() === '', fr: form.fr.trim() === '', nl: form.nl.trim() === '' };
    setMissing(next);
    if (next.id || next.fr || next.nl) return;
    register.mutate(
      { id: form.id.trim(), name: { fr: form.fr.trim(), nl: form.nl.trim() } },
      { onSuccess: () => setForm(EMPTY) },
    );
  };

  const field = (name: keyof typeof EMPTY, label: string) => (
    <Field label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          ref={name === 'id' ? slugField : undefined}
          value={form[name]}
          autoComplete="off"
          spellCheck={name !== 'id'}
          onChange={(event) => setForm({ ...form, [name]: event.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="mdes-title">
      <h1 id="mdes-title">{t('mdes.title')}</h1>
      {session?.role === 'coordinator' && (
        <>
          <h2>{t('mdes.register')}</h2>
          <p>{t('mdes.register.intro')}</p>
          <form onSubmit={submit} noValidate>
            <div className="field-row">
              {field('id', t('mdes.id'))}
              {field('fr', t('mdes.fr'))}
              {field('nl', t('mdes.nl'))}
            </div>
            <button type="submit" disabled={register.isPending}>
              {known ? t('mdes.rename.submit') : t('mdes.register.submit')}
            </button>
            {register.error && !refused?.problem.errors && (
              <p role="alert" className="error">
                {register.error.message}
              </p>
            )}
            {register.isSuccess && <p role="status">{t('mdes.saved')}</p>}
          </form>
        </>
      )}
      <h2>{t('mdes.list')}</h2>
      <QueryState error={mdes.error} isPending={mdes.isPending} />
      {mdes.data && (
        <DataTable
          caption={t('mdes.caption', { count: mdes.data.mdes.length })}
          columns={[
            { label: t('mdes.id') },
            { label: t('mdes.fr') },
            { label: t('mdes.nl') },
            { label: t('mdes.registered') },
            ...(session?.role === 'coordinator' ? [{ label: t('mdes.actions') }] : []),
          ]}
        >
          {mdes.data.mdes.map((mde) => (
            <tr key={mde.id}>
              <th scope="row">{mde.id}</th>
              <td lang="fr">{mde.name.fr}</td>
              <td lang="nl">{mde.name.nl}</td>
              <td>
                {t('tokens.createdBy', {
                  at: intl.formatDate(mde.registeredAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  by: mde.registeredBy,
                })}
              </td>
              {session?.role === 'coordinator' && (
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setForm({ id: mde.id, fr: mde.name.fr, nl: mde.name.nl });
                      slugField.current?.focus();
                    }}
                  >
                    {t('mdes.rename', { id: mde.id })}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export default MdesScreen;
