import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { YearField } from '../../../components/YearField';
import { QueryState } from '../../../components/QueryState';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useFigureLabel } from '../../figures/components/figure-label';
import { useCorrections } from '../api/get-corrections';

/** The year's corrections: what was cancelled or retracted, why, by whom, and which figures it changed. */
export function CorrectionsScreen() {
  const t = useT();
  const intl = useIntl();
  const label = useFigureLabel();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const [typed, setTyped] = useState(String(year));
  const corrections = useCorrections(year);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ year: typed });
  };
  return (
    <section aria-labelledby="corrections-title">
      <h1 id="corrections-title">{t('audit.corrections.title', { year })}</h1>
      <form className="actions filters" onSubmit={submit}>
        <YearField label={t('figures.year')} value={typed} onChange={setTyped} />
        <button type="submit">{t('figures.show')}</button>
      </form>
      <QueryState error={corrections.error} isPending={corrections.isPending} />
      {corrections.data && corrections.data.corrections.length === 0 && <p>{t('audit.corrections.none')}</p>}
      {corrections.data && corrections.data.corrections.length > 0 && (
        <DataTable
          caption={t('audit.corrections.caption', { count: corrections.data.corrections.length })}
          columns={[
            { label: t('figures.provenance.recordedAt') },
            { label: t('audit.corrections.what') },
            { label: t('audit.corrections.reason') },
            { label: t('figures.provenance.actor') },
            { label: t('audit.corrections.changes') },
          ]}
        >
          {corrections.data.corrections.map((correction) => (
            <tr key={correction.position}>
              <td>
                <time dateTime={correction.recordedAt}>
                  {intl.formatDate(correction.recordedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </td>
              <td>
                {t('audit.corrections.type', {
                  type: correction.type,
                  session: correction.sessionId,
                  participant: correction.participantId ?? '',
                })}{' '}
                (<Link to={`/audit/events?stream=${encodeURIComponent(correction.stream)}`}>{correction.stream}</Link>)
              </td>
              <td>{correction.reason}</td>
              <td>{correction.actor}</td>
              <td>
                <ul className="plain">
                  {correction.changes.map((change) => (
                    <li key={`${change.scope}:${change.figure}`}>
                      {t('audit.corrections.change', {
                        scope: change.scope,
                        figure: label(change.figure),
                        delta: change.delta,
                      })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export default CorrectionsScreen;
