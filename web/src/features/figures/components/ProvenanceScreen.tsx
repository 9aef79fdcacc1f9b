import { Link, useParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
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
          <DataTable
            caption={t('provenance.caption')}
            captionStyle="muted"
            columns={[
              { label: t('provenance.position') },
              { label: t('provenance.event') },
              { label: t('provenance.item') },
              { label: t('provenance.recorded') },
              { label: t('provenance.actor') },
              { label: t('provenance.counts'), numeric: true },
            ]}
          >
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
          </DataTable>
        </>
      )}
    </section>
  );
}
