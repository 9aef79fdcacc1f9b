import { Link, useParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { choice, useT } from '../../../i18n/locale';
import { OutcomeForm, OutreachForm, StageForm } from '../../participants/components/EntryForms';
import { useProject } from '../api/get-project';
import { useProjectOutcomes, useProjectOutreach, useProjectStages } from '../api/get-project-entries';

/** A project's stages, outreach and outcomes of its year: what is recorded, and a form for each. */
export function ProjectEntriesScreen() {
  const t = useT();
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (!project.data) return <QueryState error={project.error} isPending={project.isPending} />;
  const { id, year, title } = project.data;
  return (
    <article aria-labelledby="entries-title">
      <p>
        <Link to={`/projects/${encodeURIComponent(id)}`}>{t('sessions.backToProject', { projectId: id })}</Link>
      </p>
      <h1 id="entries-title">{t('entries.title', { title, year })}</h1>
      <Stages projectId={id} year={year} />
      <Outreach projectId={id} year={year} />
      <Outcomes projectId={id} year={year} />
    </article>
  );
}

function Stages({ projectId, year }: { projectId: string; year: number }) {
  const t = useT();
  const stages = useProjectStages(projectId, year);
  return (
    <section aria-labelledby="stages">
      <h2 id="stages">{t('entries.stages', { count: stages.data?.items.length ?? 0 })}</h2>
      <QueryState error={stages.error} isPending={stages.isPending} />
      {stages.data && stages.data.items.length > 0 && (
        <DataTable
          columns={[
            { label: t('entries.participantId') },
            { label: t('entries.startDate') },
            { label: t('entries.sector') },
            { label: t('entries.companyId') },
          ]}
        >
          {stages.data.items.map((stage) => (
            <tr key={`${stage.participantId}/${stage.id}`}>
              <td>{stage.participantId}</td>
              <td>{stage.startDate}</td>
              <td>{stage.sector}</td>
              <td>{stage.companyId}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <StageForm projectId={projectId} />
    </section>
  );
}

function Outreach({ projectId, year }: { projectId: string; year: number }) {
  const t = useT();
  const outreach = useProjectOutreach(projectId, year);
  return (
    <section aria-labelledby="outreach">
      <h2 id="outreach">{t('entries.outreach', { count: outreach.data?.items.length ?? 0 })}</h2>
      <QueryState error={outreach.error} isPending={outreach.isPending} />
      {outreach.data && outreach.data.items.length > 0 && (
        <DataTable
          columns={[
            { label: t('entries.date') },
            { label: t('entries.audience') },
            { label: t('entries.count'), numeric: true },
          ]}
        >
          {outreach.data.items.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.date}</td>
              <td>{t('entries.audience.value', { audience: choice(entry.audience) })}</td>
              <td className="number">{entry.count}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <OutreachForm projectId={projectId} />
    </section>
  );
}

function Outcomes({ projectId, year }: { projectId: string; year: number }) {
  const t = useT();
  const outcomes = useProjectOutcomes(projectId, year);
  return (
    <section aria-labelledby="outcomes">
      <h2 id="outcomes">{t('entries.outcomes', { count: outcomes.data?.items.length ?? 0 })}</h2>
      <QueryState error={outcomes.error} isPending={outcomes.isPending} />
      {outcomes.data && outcomes.data.items.length > 0 && (
        <DataTable
          columns={[
            { label: t('entries.participantId') },
            { label: t('entries.outcomeType') },
            { label: t('entries.date') },
          ]}
        >
          {outcomes.data.items.map((entry) => (
            <tr key={`${entry.participantId}/${entry.id}`}>
              <td>{entry.participantId}</td>
              <td>{t('entries.outcomeType.value', { type: choice(entry.type) })}</td>
              <td>{entry.date}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <OutcomeForm projectId={projectId} />
    </section>
  );
}
