import { useQueries } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { Field } from '../../../components/Field';
import { YearField } from '../../../components/YearField';
import { useT } from '../../../i18n/locale';
import { useMdeName, useMdes } from '../../mdes/api/get-mdes';
import { useSession } from '../../session/api/session';
import { figuresQuery, type FiguresScope } from '../api/get-figures';
import { figureValues, unionOfKeys } from '../figure-keys';
import { ComparisonTable } from './ComparisonTable';

/** `2026-11-29T09:30` (or `…T09:30:15`) typed in the browser's zone, as the ISO instant the service takes; undefined if incomplete. */
function instantOf(local: string): string | undefined {
  const date = new Date(local);
  return local === '' || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The ISO instant back into the `datetime-local` field, in the browser's zone. */
function localOf(iso: string | undefined): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Replaying history: the figures of a scope as they stood at a chosen moment, beside today's. */
export function HistoryScreen() {
  const t = useT();
  const mdeName = useMdeName();
  const registry = useMdes().data;
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const mde = params.get('mde') ?? (session?.role === 'partner' ? session.mdes[0] : undefined);
  const project = params.get('project') ?? undefined;
  const asOf = params.get('asOf') ?? undefined;
  const [form, setForm] = useState({ year: String(year), mde: mde ?? '', project: project ?? '', at: localOf(asOf) });
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [missingDate, setMissingDate] = useState(false);
  const onlyChangedId = useId();

  const scope: FiguresScope =
    project !== undefined
      ? { kind: 'project', projectId: project }
      : mde !== undefined
        ? { kind: 'mde', mde }
        : { kind: 'programme' };
  const [now, then] = useQueries({
    queries: [
      { ...figuresQuery({ year, scope }), enabled: asOf !== undefined },
      { ...figuresQuery({ year, scope, asOf }), enabled: asOf !== undefined },
    ],
  });
  const nowValues = useMemo(() => (now?.data ? figureValues(now.data) : undefined), [now?.data]);
  const thenValues = useMemo(() => (then?.data ? figureValues(then.data) : undefined), [then?.data]);
  const keys = useMemo(() => {
    const all = nowValues && thenValues ? unionOfKeys(nowValues, thenValues) : [];
    return onlyChanged ? all.filter((key) => (nowValues?.get(key) ?? 0) !== (thenValues?.get(key) ?? 0)) : all;
  }, [nowValues, thenValues, onlyChanged]);
  const changed =
    nowValues && thenValues
      ? unionOfKeys(nowValues, thenValues).filter((key) => (nowValues.get(key) ?? 0) !== (thenValues.get(key) ?? 0))
          .length
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = instantOf(form.at);
    setMissingDate(at === undefined);
    if (at === undefined) return;
    const next = new URLSearchParams({ year: form.year, asOf: at });
    if (form.mde !== '') next.set('mde', form.mde);
    if (form.project.trim() !== '') next.set('project', form.project.trim());
    setParams(next);
  };
  const error = now?.error ?? then?.error;
  const mdeChoices = session?.role === 'partner' ? session.mdes : (registry?.mdes.map((one) => one.id) ?? []);

  return (
    <section aria-labelledby="history-title">
      <h1 id="history-title">{t('figures.history.title')}</h1>
      <p>{t('figures.history.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <YearField label={t('figures.year')} value={form.year} onChange={(year) => setForm({ ...form, year })} />
          <Field label={t('figures.scope')}>
            {(control) => (
              <select {...control} value={form.mde} onChange={(event) => setForm({ ...form, mde: event.target.value })}>
                {session?.role !== 'partner' && <option value="">{t('figures.scope.programme')}</option>}
                {mdeChoices.map((id) => (
                  <option key={id} value={id}>
                    {t('figures.scope.mde', { name: mdeName(id) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('figures.history.project')}>
            {(control) => (
              <input
                {...control}
                value={form.project}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setForm({ ...form, project: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('figures.history.asOf')} error={missingDate ? t('figures.history.pick') : undefined}>
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                step={1}
                value={form.at}
                onChange={(event) => setForm({ ...form, at: event.target.value })}
              />
            )}
          </Field>
        </div>
        <button type="submit">{t('figures.show')}</button>
      </form>
      {error && <p role="alert">{error instanceof ApiProblem ? error.message : t('app.unreachable')}</p>}
      {asOf !== undefined && (now?.isPending || then?.isPending) && <p role="status">{t('app.loading')}</p>}
      {asOf !== undefined && changed !== undefined && (
        <>
          <p role="status">{t('figures.history.changed', { count: changed })}</p>
          <div className="checkbox">
            <input
              id={onlyChangedId}
              type="checkbox"
              checked={onlyChanged}
              onChange={(event) => setOnlyChanged(event.target.checked)}
            />
            <label htmlFor={onlyChangedId}>{t('figures.history.onlyChanged')}</label>
          </div>
          <ComparisonTable
            caption={t('figures.history.title')}
            keys={keys}
            scope={scope}
            left={{ heading: t('figures.history.now'), year, values: nowValues }}
            right={{ heading: t('figures.history.then', { at: new Date(asOf) }), year, values: thenValues, asOf }}
          />
        </>
      )}
    </section>
  );
}

export default HistoryScreen;
