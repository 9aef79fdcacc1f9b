import { useMemo, type ReactNode } from 'react';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/locale';
import type { FiguresScope, ProgrammeFigures } from '../api/get-figures';
import { share } from '../figure-keys';
import { BarChart } from './BarChart';
import { useFigureLabel } from './figure-label';
import { FigureLink } from './provenance-link';

type Breakdown = 'byCarrierType' | 'byAudience';

/** The report's shares: the approved projects by carrier type and by audience, this year and the previous. */
export function SharesTables(props: {
  year: number;
  previous: number;
  scope: FiguresScope;
  now: ProgrammeFigures;
  then: ProgrammeFigures | undefined;
}) {
  const t = useT();
  const label = useFigureLabel();
  const approved = props.now.projects.approved;
  const before = props.then?.projects.approved;
  const carriers = useMemo(
    () => [...new Set([...Object.keys(approved.byCarrierType), ...Object.keys(before?.byCarrierType ?? {})])].sort(),
    [approved, before],
  );
  const series = useMemo(
    () => [
      { label: String(props.year), values: carriers.map((type) => approved.byCarrierType[type] ?? 0) },
      { label: String(props.previous), values: carriers.map((type) => before?.byCarrierType[type] ?? 0) },
    ],
    [carriers, approved, before, props.year, props.previous],
  );
  const categories = useMemo(
    () => carriers.map((type) => label(`projects.approved.byCarrierType.${type}`)),
    [carriers, label],
  );

  const percent = (part: number, whole: number | undefined) => {
    const value = whole === undefined ? undefined : share(part, whole);
    return value === undefined ? t('figures.noData') : t('figures.share', { share: value });
  };

  const rows = (breakdown: Breakdown, keys: readonly string[]) =>
    keys.map((value) => {
      const key = `projects.approved.${breakdown}.${value}`;
      const count = approved[breakdown][value] ?? 0;
      const name = label(key);
      return (
        <tr key={key}>
          <th scope="row">{name}</th>
          <td className="number">
            <FigureLink
              year={props.year}
              scope={props.scope}
              figure={key}
              value={count}
              label={`${name}, ${props.year}`}
            />
          </td>
          <td className="number">{percent(count, approved.count)}</td>
          <td className="number">{percent(before?.[breakdown][value] ?? 0, before?.count)}</td>
        </tr>
      );
    });

  const table = (caption: string, body: ReactNode) => (
    <DataTable
      caption={caption}
      columns={[
        { label: t('figures.column.figure') },
        { label: props.year, numeric: true },
        { label: t('figures.column.share', { year: String(props.year) }), numeric: true },
        { label: t('figures.column.share', { year: String(props.previous) }), numeric: true },
      ]}
    >
      {body}
    </DataTable>
  );

  const audiences = [...new Set(['all-job-seekers', 'specific', ...Object.keys(approved.byAudience)])];
  const partnersKey = 'projects.approved.targetsPartners';
  const partnersName = label(partnersKey);
  return (
    <>
      <h2>{t('figures.shares')}</h2>
      {approved.count === 0 ? (
        <p className="muted">{t('figures.shares.none')}</p>
      ) : (
        <>
          <p>{t('figures.shares.intro', { count: approved.count, year: props.year })}</p>
          {table(t('figures.shares.byCarrier'), rows('byCarrierType', carriers))}
          <BarChart
            title={t('figures.chart.carriers', { year: props.year, previous: props.previous })}
            description={t('figures.chart.summary')}
            categories={categories}
            series={series}
          />
          {table(
            t('figures.shares.byAudience'),
            <>
              {rows('byAudience', audiences)}
              <tr>
                <th scope="row">{partnersName}</th>
                <td className="number">
                  <FigureLink
                    year={props.year}
                    scope={props.scope}
                    figure={partnersKey}
                    value={approved.targetsPartners}
                    label={`${partnersName}, ${props.year}`}
                  />
                </td>
                <td className="number">{percent(approved.targetsPartners, approved.count)}</td>
                <td className="number">{percent(before?.targetsPartners ?? 0, before?.count)}</td>
              </tr>
            </>,
          )}
        </>
      )}
    </>
  );
}
