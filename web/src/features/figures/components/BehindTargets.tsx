import { useQueries, useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useT } from '../../../i18n/locale';
import { projectFiguresQuery, type ProjectFigures } from '../api/get-figures';
import { approvedProjectsQuery, type ProjectSummary } from '../api/get-projects';
import { figureValues } from '../figure-keys';
import { useFigureLabel } from './figure-label';
import { FigureLink } from './provenance-link';

const SHOWN = 5;

interface Progress {
  readonly project: ProjectSummary;
  readonly figures: ProjectFigures;
  /** The share reached of the target least reached, 0…1 (beyond 1: every target passed). */
  readonly least: number;
  readonly targets: readonly { key: string; value: number; target: number }[];
}

function progressOf(project: ProjectSummary, figures: ProjectFigures): Progress | undefined {
  const values = figureValues(figures);
  const targets = Object.entries(figures.targets ?? {})
    .filter(([, target]) => target > 0)
    .map(([key, target]) => ({ key, target, value: values.get(key) ?? 0 }));
  if (targets.length === 0) return undefined;
  return { project, figures, targets, least: Math.min(...targets.map((one) => one.value / one.target)) };
}

/** The approved projects furthest behind the targets they set themselves. */
export function BehindTargets({ year, mde }: { year: number; mde: string | undefined }) {
  const t = useT();
  const intl = useIntl();
  const label = useFigureLabel();
  const projects = useQuery(approvedProjectsQuery(year, mde));
  const figures = useQueries({
    queries: (projects.data ?? []).map((project) => projectFiguresQuery(year, project.id)),
  });
  const ready = projects.data !== undefined && figures.every((answer) => answer.data !== undefined);
  // A few dozen projects at most: sorted on each render, no memo needed.
  const behind =
    ready && projects.data
      ? projects.data
          .flatMap((project, index) => {
            const answer = figures[index]?.data;
            const progress = answer ? progressOf(project, answer) : undefined;
            return progress ? [progress] : [];
          })
          .sort((a, b) => a.least - b.least)
          .slice(0, SHOWN)
      : [];

  return (
    <>
      <h2>{t('figures.behind')}</h2>
      <p>{t('figures.behind.intro')}</p>
      {!ready && <p role="status">{t('app.loading')}</p>}
      {ready && behind.length === 0 && <p className="muted">{t('figures.behind.none')}</p>}
      {behind.length > 0 && (
        <ol className="behind">
          {behind.map(({ project, least, targets }) => {
            const percent = Math.round(least * 100);
            return (
              <li key={project.id} className="card">
                <p className="title">
                  <strong>{project.title}</strong> <span className="muted">({project.id})</span>
                </p>
                <p>
                  <progress
                    max={100}
                    value={Math.min(100, percent)}
                    aria-label={`${t('figures.behind.progress')}, ${project.title}`}
                  >
                    {intl.formatNumber(percent)} %
                  </progress>{' '}
                  {t('figures.behind.percent', { percent })}
                </p>
                <ul>
                  {targets.map((target) => (
                    <li key={target.key}>
                      {label(target.key)} :{' '}
                      <FigureLink
                        year={year}
                        scope={{ kind: 'project', projectId: project.id }}
                        figure={target.key}
                        value={target.value}
                        label={`${project.title}, ${label(target.key)}`}
                      />{' '}
                      / {intl.formatNumber(target.target)}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
