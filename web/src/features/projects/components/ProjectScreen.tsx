import { Link, useParams } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { choice, useT } from '../../../i18n/locale';
import { ProjectFiguresTable } from '../../figures/components/ProjectFiguresTable';
import { SessionsTable } from '../../sessions/components/SessionsTable';
import { useMdeName } from '../../mdes/api/get-mdes';
import { useProject } from '../api/get-project';

/** A project's page: what was submitted and decided, this year's figures against its targets, its sessions. */
export function ProjectScreen() {
  const t = useT();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const mdeName = useMdeName();
  if (!project.data) return <QueryState error={project.error} isPending={project.isPending} />;
  const p = project.data;
  const base = `/projects/${encodeURIComponent(p.id)}`;
  return (
    <article aria-labelledby="project-title">
      <h1 id="project-title">{p.title}</h1>
      <section aria-labelledby="project-details" className="card">
        <h2 id="project-details">{t('project.details')}</h2>
        <dl className="details">
          <dt>{t('project.id')}</dt>
          <dd>{p.id}</dd>
          <dt>{t('project.status')}</dt>
          <dd>{t('projects.status.value', { status: p.status })}</dd>
          <dt>{t('project.carrier')}</dt>
          <dd>{p.carrier.name}</dd>
          <dt>{t('project.kind')}</dt>
          <dd>{t('project.kind.value', { kind: choice(p.kind), theme: p.theme ?? '' })}</dd>
          <dt>{t('project.audience')}</dt>
          <dd>{t('project.audience.value', { audience: choice(p.audience) })}</dd>
          <dt>{t('project.mdes')}</dt>
          <dd>{p.mdes.map(mdeName).join(', ')}</dd>
          {p.decision?.fundedAmount !== undefined && (
            <>
              <dt>{t('project.funded')}</dt>
              <dd>{t('project.fundedAmount', { amount: p.decision.fundedAmount })}</dd>
            </>
          )}
        </dl>
      </section>
      {p.status === 'approved' ? (
        <p className="actions">
          <Link className="button" to={`${base}/sessions/new`}>
            {t('project.recordSession')}
          </Link>
          <Link className="button secondary" to={`${base}/entries`}>
            {t('project.entries')}
          </Link>
        </p>
      ) : (
        <p className="card">{t('project.notApproved')}</p>
      )}
      <ProjectFiguresTable projectId={p.id} year={p.year} targets={p.targets ?? {}} />
      <SessionsTable projectId={p.id} year={p.year} />
    </article>
  );
}
