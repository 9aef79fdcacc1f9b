import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { YearField } from '../../../components/YearField';
import { useT } from '../../../i18n/locale';
import { useLocale } from '../../../i18n/locale';
import { groupedHash } from '../../audit/components/grouped-hash';
import { useSession } from '../../session/api/session';
import { useDownloadReport } from '../api/download-report';
import { usePublications, usePublish } from '../api/publications';
import { REPORT_FORMATS, type ReportLanguage } from '../formats';

/** The year's report: previewed, downloaded in every format and language, published, and its publications. */
export function ReportsScreen() {
  const t = useT();
  const { locale } = useLocale();
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const language: ReportLanguage = params.get('lang') === 'nl' ? 'nl' : params.get('lang') === 'fr' ? 'fr' : locale;
  const [form, setForm] = useState({ year: String(year), language });
  const [confirming, setConfirming] = useState(false);
  const download = useDownloadReport();
  const publications = usePublications(year);
  const publish = usePublish(year);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ year: form.year, lang: form.language });
  };

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title', { year })}</h1>
      <form className="actions filters" onSubmit={submit}>
        <YearField label={t('figures.year')} value={form.year} onChange={(year) => setForm({ ...form, year })} />
        <Field label={t('reports.language')}>
          {(control) => (
            <select
              {...control}
              value={form.language}
              onChange={(event) => setForm({ ...form, language: event.target.value === 'nl' ? 'nl' : 'fr' })}
            >
              <option value="fr" lang="fr">
                Français
              </option>
              <option value="nl" lang="nl">
                Nederlands
              </option>
            </select>
          )}
        </Field>
        <button type="submit">{t('figures.show')}</button>
      </form>

      <h2>{t('reports.download')}</h2>
      <div className="actions">
        {REPORT_FORMATS.map((format) => (
          <button
            key={format.id}
            type="button"
            className="secondary"
            disabled={download.isPending}
            onClick={() => download.mutate({ year, language, format })}
          >
            {t('reports.format', { format: format.id, language })}
          </button>
        ))}
      </div>
      {download.isPending && <p role="status">{t('reports.downloading')}</p>}
      {download.error && (
        <p role="alert">{download.error instanceof ApiProblem ? download.error.message : t('app.unreachable')}</p>
      )}

      {session?.role === 'coordinator' && (
        <>
          <h2>{t('reports.publish')}</h2>
          <p>{t('reports.publish.intro')}</p>
          {!confirming ? (
            <button type="button" onClick={() => setConfirming(true)}>
              {t('reports.publish.start', { year, language })}
            </button>
          ) : (
            <div className="actions card">
              <p>{t('reports.publish.confirmText', { year, language })}</p>
              <button
                type="button"
                disabled={publish.isPending}
                onClick={() => publish.mutate(language, { onSuccess: () => setConfirming(false) })}
              >
                {t('reports.publish.confirm')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('reports.cancel')}
              </button>
            </div>
          )}
          {publish.data && (
            <p role="status">
              {t('reports.publish.done', { n: publish.data.publication.number })}{' '}
              <Link to={`/reports/${year}/publications/${publish.data.publication.number}`}>
                {t('reports.publication.open', { n: publish.data.publication.number })}
              </Link>
            </p>
          )}
          {publish.error && (
            <p role="alert">{publish.error instanceof ApiProblem ? publish.error.message : t('app.unreachable')}</p>
          )}
        </>
      )}

      <h2>{t('reports.publications')}</h2>
      {publications.isPending && <p role="status">{t('app.loading')}</p>}
      {publications.data && publications.data.publications.length === 0 && <p>{t('reports.publications.none')}</p>}
      {publications.data && publications.data.publications.length > 0 && (
        <DataTable
          caption={t('reports.publications')}
          columns={[
            { label: t('reports.publication.number') },
            { label: t('reports.language') },
            { label: t('audit.ledger.position'), numeric: true },
            { label: t('reports.publication.anchor') },
          ]}
        >
          {publications.data.publications.map((publication) => (
            <tr key={publication.number}>
              <td>
                <Link to={`/reports/${year}/publications/${publication.number}`}>
                  {t('reports.publication.open', { n: publication.number })}
                </Link>
              </td>
              <td>{publication.language === 'nl' ? 'Nederlands' : 'Français'}</td>
              <td className="number">{publication.reportPosition}</td>
              <td>
                <code className="hash">
                  {publication.anchor
                    ? publication.anchor.typed
                    : publication.ledgerHash
                      ? groupedHash(publication.ledgerHash)
                      : '—'}
                </code>
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      <h2>{t('reports.preview')}</h2>
      <iframe
        className="report-preview"
        title={t('reports.preview.title', { year, language })}
        src={`/api/reports/${year}?lang=${language}`}
      />
    </section>
  );
}

export default ReportsScreen;
