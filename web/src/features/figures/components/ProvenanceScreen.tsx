import { Link, useParams } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n/locale';
import { useProjectProvenance } from '../api/get-project-provenance';

/** A project's figure and the events that make it up: which, recorded when and by whom, each one's share. */
export function ProvenanceScreen() {
  const t = useT();
  const { projectId = '', year = '', figure = '' } = useParams();
  const provenance = useProjectProvenance(Number(year), projectId, figure);
  const name = t('project.figureName', { figure });
  return (
    <section aria-labelledby="provenance-title">
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}`}>{t('provenance.back', { projectId })}</Link>
      </p>
      <h1 id="provenance-title">{t('provenance.title', { figure: name, year })}</h1>
      <QueryState error={provenance.error} isPending={provenance.isPending} />
      {provenance.data && (
        <>
          <p className="card">
            {t('provenance.summary', {
              value: provenance.data.value,
              count: provenance.data.events.length,
              position: provenance.data.position,
            })}
          </p>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption className="muted">{t('provenance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('provenance.position')}</th>
                  <th scope="col">{t('provenance.event')}</th>
                  <th scope="col">{t('provenance.item')}</th>
                  <th scope="col">{t('provenance.recorded')}</th>
                  <th scope="col">{t('provenance.actor')}</th>
                  <th scope="col" className="number">
                    {t('provenance.counts')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {provenance.data.events.map((event) => (
                  <tr key={`${event.position}-${event.item ?? ''}`}>
                    <td>{event.position}</td>
                    <td>
                      {event.type}
                      <br />
                      <span className="muted">{event.stream}</span>
                    </td>
                    <td>{event.item ?? '—'}</td>
                    <td>{t('provenance.at', { at: new Date(event.recordedAt) })}</td>
                    <td>{event.actor}</td>
                    <td className="number">{event.counts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
