import { useQueries } from '@tanstack/react-query';
import { ApiProblem } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/locale';
import { useMdeName } from '../../mdes/api/get-mdes';
import { programmeFiguresQuery } from '../api/get-figures';
import { figureValues } from '../figure-keys';
import { useFigureLabel } from './figure-label';
import { FigureLink } from './provenance-link';

const COLUMNS = ['projects.approved.count', 'sessions', 'participants', 'attendances', 'stages'];

/** Each MDE's figures for the year: the projects it takes part in. */
export function ByMdeTable({ year, mdes }: { year: number; mdes: readonly string[] }) {
  const t = useT();
  const label = useFigureLabel();
  const mdeName = useMdeName();
  const answers = useQueries({ queries: mdes.map((mde) => programmeFiguresQuery(year, mde)) });
  return (
    <>
      <h2>{t('figures.byMde')}</h2>
      <DataTable
        caption={t('figures.byMde')}
        captionStyle="hidden"
        columns={[{ label: t('figures.byMde.mde') }, ...COLUMNS.map((key) => ({ label: label(key), numeric: true }))]}
      >
        {mdes.map((mde, index) => {
          const answer = answers[index]?.data;
          // An MDE that no project names yet has no figures to trace: the service answers 404.
          const error = answers[index]?.error;
          const noProject = error instanceof ApiProblem && error.status === 404;
          const values = answer ? figureValues(answer) : undefined;
          const name = mdeName(mde);
          return (
            <tr key={mde}>
              <th scope="row">{name}</th>
              {COLUMNS.map((key) => (
                <td key={key} className="number">
                  {values ? (
                    <FigureLink
                      year={year}
                      scope={{ kind: 'mde', mde }}
                      figure={key}
                      value={values.get(key) ?? 0}
                      label={`${name}, ${label(key)}`}
                    />
                  ) : noProject ? (
                    '0'
                  ) : (
                    t('figures.noData')
                  )}
                </td>
              ))}
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
