import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiProblem } from '../../../api/problem';
import { useT } from '../../../i18n/locale';
import { useMdeName, useMdes } from '../../mdes/api/get-mdes';
import { programmeFiguresQuery, type FiguresScope, type ProgrammeFigures } from '../api/get-figures';
import { figureValues } from '../figure-keys';
import { BarChart } from './BarChart';
import { BehindTargets } from './BehindTargets';
import { ByMdeTable } from './ByMdeTable';
import { ComparisonTable } from './ComparisonTable';
import { useFigureLabel } from './figure-label';
import { SharesTables } from './SharesTables';
import { useYearAndScope } from './year-and-scope';
import { YearScopeForm } from './YearScopeForm';

const PROJECT_KEYS = ['projects.submitted.count', 'projects.approved.count', 'projects.rejected'];
const CHARTED = ['sessions', 'participants', 'attendances', 'stages', 'notRegisteredJobSeekers'];

/** Activity keys of either year, the main ones first, breakdowns after their figure. */
function activityKeys(...answers: (ProgrammeFigures | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const answer of answers)
    if (answer) for (const key of figureValues(answer).keys()) if (!key.startsWith('projects.')) keys.add(key);
  const order = [
    'sessions',
    'sessionsByKind',
    'participants',
    'participantsByRole',
    'attendances',
    'notRegisteredJobSeekers',
    'stages',
    'stageSectors',
    'stageCompanies',
    'outreach',
    'outcomes',
  ];
  const rank = (key: string) => order.indexOf(key.split('.')[0] ?? key);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Following the year: the programme's (or an MDE's) figures beside the previous year's, every number a link. */
export function DashboardScreen() {
  const t = useT();
  const label = useFigureLabel();
  const mdeName = useMdeName();
  const { year, mde, mdeChoices, choose } = useYearAndScope();
  const previous = year - 1;
  const [current, before] = useQueries({
    queries: [programmeFiguresQuery(year, mde), programmeFiguresQuery(previous, mde)],
  });
  const scope: FiguresScope = mde === undefined ? { kind: 'programme' } : { kind: 'mde', mde };
  const now = current?.data;
  const then = before?.data;
  const nowValues = useMemo(() => (now ? figureValues(now) : undefined), [now]);
  const thenValues = useMemo(() => (then ? figureValues(then) : undefined), [then]);
  const activity = useMemo(() => activityKeys(now, then), [now, then]);
  const mdes = useMdes().data;

  const chartSeries = useMemo(
    () => [
      { label: String(year), values: CHARTED.map((key) => nowValues?.get(key) ?? 0) },
      { label: String(previous), values: CHARTED.map((key) => thenValues?.get(key) ?? 0) },
    ],
    [nowValues, thenValues, year, previous],
  );
  const chartCategories = useMemo(() => CHARTED.map(label), [label]);
  const error = current?.error ?? before?.error;

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('figures.dashboard.title', { year })}</h1>
      <p>{t('figures.dashboard.intro')}</p>
      <YearScopeForm key={`${year}:${mde ?? ''}`} year={year} mde={mde} mdeChoices={mdeChoices} onChoose={choose} />
      {mde !== undefined && <p className="muted">{t('figures.scope.mde', { name: mdeName(mde) })}</p>}
      {error && <p role="alert">{error instanceof ApiProblem ? error.message : t('app.unreachable')}</p>}
      {current?.isPending && <p role="status">{t('app.loading')}</p>}
      {now && (
        <>
          <h2>{t('figures.projects')}</h2>
          <ComparisonTable
            caption={t('figures.projects')}
            keys={PROJECT_KEYS}
            scope={scope}
            left={{ heading: String(year), year, values: nowValues }}
            right={{ heading: String(previous), year: previous, values: thenValues }}
          />
          <SharesTables year={year} previous={previous} scope={scope} now={now} then={then} />
          <h2>{t('figures.activity')}</h2>
          <ComparisonTable
            caption={t('figures.activity')}
            keys={activity}
            scope={scope}
            left={{ heading: String(year), year, values: nowValues }}
            right={{ heading: String(previous), year: previous, values: thenValues }}
          />
          <BarChart
            title={t('figures.chart.activity', { year, previous })}
            description={t('figures.chart.summary')}
            categories={chartCategories}
            series={chartSeries}
          />
          {mde === undefined && mdes && mdes.mdes.length > 0 && (
            <ByMdeTable year={year} mdes={mdes.mdes.map((one) => one.id)} />
          )}
          <BehindTargets year={year} mde={mde} />
        </>
      )}
    </section>
  );
}

export default DashboardScreen;
