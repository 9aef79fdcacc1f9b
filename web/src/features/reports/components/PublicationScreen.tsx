import { Link, useParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/locale';
import { VerifyAnchorButton } from '../../audit/components/AnchorVerification';
import { groupedHash } from '../../audit/components/grouped-hash';
import { useFigureLabel } from '../../figures/components/figure-label';
import { useDownloadReport } from '../api/download-report';
import { usePublicationChanges, usePublications } from '../api/publications';
import { formatNamed } from '../formats';

/** One publication: its hashes and anchor (verifiable), the stored files, and the figures changed since. */
export function PublicationScreen() {
  const t = useT();
  const label = useFigureLabel();
  const params = useParams();
  const year = Number(params.year);
  const n = Number(params.n);
  const publication = usePublications(year).data?.publications.find((one) => one.number === n);
  const changes = usePublicationChanges(year, n);
  const download = useDownloadReport();

  return (
    <section aria-labelledby="publication-title">
      <h1 id="publication-title">{t('reports.publication.title', { year, n })}</h1>
      <p>
        <Link to={`/reports?year=${year}`}>{t('reports.back', { year })}</Link>
      </p>
      {changes.error && (
        <p role="alert">{changes.error instanceof ApiProblem ? changes.error.message : t('app.unreachable')}</p>
      )}
      {publication && (
        <>
          <dl className="details">
            <dt>{t('reports.language')}</dt>
            <dd>{publication.language === 'nl' ? 'Nederlands' : 'Français'}</dd>
            <dt>{t('reports.publication.position')}</dt>
            <dd>{publication.reportPosition}</dd>
            <dt>{t('reports.publication.ledgerHash')}</dt>
            <dd>
              <code className="hash">{publication.ledgerHash ? groupedHash(publication.ledgerHash) : '—'}</code>
            </dd>
          </dl>
          <h2>{t('reports.publication.anchor')}</h2>
          {publication.anchor ? (
            <>
              <p>{t('reports.publication.anchorIntro')}</p>
              <p>
                <code className="hash anchor">{publication.anchor.typed}</code>
              </p>
              <VerifyAnchorButton
                anchor={{
                  position: publication.anchor.position,
                  hash: publication.anchor.hash,
                  check: publication.anchor.check,
                }}
                label={t('reports.publication.verify')}
              />
              <p>
                <Link to="/audit">{t('reports.publication.typeAnchor')}</Link>
              </p>
            </>
          ) : (
            <p>{t('reports.publication.noAnchor')}</p>
          )}
          <h2>{t('reports.publication.files')}</h2>
          <ul className="plain">
            {Object.entries(publication.digests).map(([name, digest]) => {
              const format = formatNamed(name);
              return (
                <li key={name} className="digest">
                  {format ? (
                    <button
                      type="button"
                      className="secondary"
                      disabled={download.isPending}
                      onClick={() => download.mutate({ year, language: publication.language, format, publication: n })}
                    >
                      {t('reports.format', { format: format.id, language: publication.language })}
                    </button>
                  ) : (
                    <span>{name}</span>
                  )}{' '}
                  <span>{t('reports.publication.sha', { name })}</span>{' '}
                  <code className="hash">{groupedHash(digest)}</code>
                </li>
              );
            })}
          </ul>
          {download.error && <p role="alert">{download.error.message}</p>}
        </>
      )}
      <h2>{t('reports.changes')}</h2>
      {changes.isPending && <p role="status">{t('app.loading')}</p>}
      {changes.data && changes.data.changes.length === 0 && (
        <p>{t('reports.changes.none', { position: changes.data.position })}</p>
      )}
      {changes.data && changes.data.changes.length > 0 && (
        <DataTable
          caption={t('reports.changes.caption', {
            count: changes.data.changes.length,
            position: changes.data.position,
          })}
          columns={[
            { label: t('reports.changes.scope') },
            { label: t('figures.column.figure') },
            { label: t('reports.changes.published'), numeric: true },
            { label: t('reports.changes.now'), numeric: true },
            { label: t('reports.changes.events') },
          ]}
        >
          {changes.data.changes.map((change) => (
            <tr key={`${change.scope}:${change.figure}`}>
              <td>{change.scope}</td>
              <td>{label(change.figure)}</td>
              <td className="number">{change.published}</td>
              <td className="number">{change.now}</td>
              <td>
                <ul className="plain">
                  {change.events.map((event) => (
                    <li key={event.position}>
                      <Link to={`/audit/events?stream=${encodeURIComponent(event.stream)}`}>{event.stream}</Link>{' '}
                      {t('reports.changes.event', { type: event.type, delta: event.delta, actor: event.actor })}
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

export default PublicationScreen;
