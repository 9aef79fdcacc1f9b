import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n/locale';
import { useProjectFigures } from '../api/get-project-figures';

/** The figures a project's page shows, in this order; each links to the events behind it. */
const FIGURES = [
  'sessions',
  'participants',
  'attendances',
  'notRegisteredJobSeekers',
  'stages',
  'stageCompanies',
] as const;

/** This year's figures of a project against its targets (progress), every number one click from its provenance. */
export function ProjectFiguresTable({
  projectId,
  year,
  targets,
}: {
  projectId: string;
  year: number;
  targets: Readonly<Record<string, number>>;
}) {
  const t = useT();
  const figures = useProjectFigures(year, projectId, true);
  return (
    <section aria-labelledby="project-figures">
      <h2 id="project-figures">{t('project.figures', { year })}</h2>
      <QueryState error={figures.error} isPending={figures.isPending} />
      {figures.data && (
        <DataTable
          caption={t('project.figures.caption', { year })}
          captionStyle="muted"
          columns={[
            { label: t('project.figure') },
            { label: t('project.value'), numeric: true },
            { label: t('project.progress') },
          ]}
        >
          {FIGURES.map((figure) => {
            const value = figures.data[figure];
            const target = targets[figure];
            const name = t('project.figureName', { figure });
            return (
              <tr key={figure}>
                <th scope="row">{name}</th>
                <td className="number">
                  <Link
                    to={`/projects/${encodeURIComponent(projectId)}/figures/${year}/${figure}`}
                    aria-label={t('project.provenanceOf', { value, figure: name })}
                  >
                    {value}
                  </Link>
                </td>
                <td>
                  {target ? (
                    <>
                      <progress max={target} value={Math.min(value, target)} aria-label={name} />{' '}
                      <span>{t('project.progress.value', { percent: value / target, target })}</span>
                    </>
                  ) : (
                    <span className="muted">{t('project.noTarget')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
