import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { choice, useT } from '../../../i18n/locale';
import { useProjectSessions } from '../api/get-project-sessions';

/** A project's sessions of a year: date, kind, title, counted attendances; each opens its entry page. */
export function SessionsTable({ projectId, year }: { projectId: string; year: number }) {
  const t = useT();
  const sessions = useProjectSessions(projectId, year, true);
  const items = sessions.data?.items ?? [];
  return (
    <section aria-labelledby="project-sessions">
      <h2 id="project-sessions">{t('project.sessions', { year })}</h2>
      <QueryState error={sessions.error} isPending={sessions.isPending} />
      {sessions.data && (
        <DataTable
          caption={t('project.sessions.caption', { count: items.length })}
          captionStyle="muted"
          columns={[
            { label: t('sessions.date') },
            { label: t('sessions.session') },
            { label: t('sessions.kind') },
            { label: t('sessions.attendances'), numeric: true },
          ]}
        >
          {items.map((session) => (
            <tr key={session.id}>
              <td>{t('sessions.day', { date: new Date(`${session.date}T12:00:00`) })}</td>
              <td>
                <Link to={`/sessions/${encodeURIComponent(session.id)}`}>{session.title ?? session.id}</Link>
                {session.cancelled && <span className="outcome-refused"> · {t('sessions.cancelled')}</span>}
              </td>
              <td>{t('sessions.kind.value', { kind: choice(session.kind) })}</td>
              <td className="number">{session.attendances}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
