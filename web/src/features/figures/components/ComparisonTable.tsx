import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/locale';
import type { FiguresScope } from '../api/get-figures';
import type { FigureValues } from '../figure-keys';
import { useFigureLabel } from './figure-label';
import { FigureLink } from './provenance-link';

/** Figures of one year beside another's (or the same year at two moments), each number a provenance link. */
export function ComparisonTable(props: {
  caption: string;
  keys: readonly string[];
  scope: FiguresScope;
  left: { heading: string; year: number; values: FigureValues | undefined; asOf?: string | undefined };
  right: { heading: string; year: number; values: FigureValues | undefined; asOf?: string | undefined };
}) {
  const t = useT();
  const label = useFigureLabel();
  const cell = (side: typeof props.left, key: string, name: string) => {
    const value = side.values?.get(key);
    if (side.values === undefined) return t('figures.noData');
    return (
      <FigureLink
        year={side.year}
        scope={props.scope}
        figure={key}
        value={value ?? 0}
        asOf={side.asOf}
        label={`${name}, ${side.heading}`}
      />
    );
  };
  return (
    <>
      <DataTable
        caption={props.caption}
        captionStyle="hidden"
        columns={[
          { label: t('figures.column.figure') },
          { label: props.left.heading, numeric: true },
          { label: props.right.heading, numeric: true },
          { label: t('figures.column.difference'), numeric: true },
        ]}
      >
        {props.keys.map((key) => {
          const name = label(key);
          const left = props.left.values?.get(key) ?? 0;
          const right = props.right.values?.get(key) ?? 0;
          const known = props.left.values !== undefined && props.right.values !== undefined;
          return (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td className="number">{cell(props.left, key, name)}</td>
              <td className="number">{cell(props.right, key, name)}</td>
              <td className={`number${known && left !== right ? ' changed' : ''}`}>
                {known
                  ? left === right
                    ? '0'
                    : t('figures.difference', { delta: left - right })
                  : t('figures.noData')}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {props.keys.length === 0 && <p className="muted">{t('figures.empty')}</p>}
    </>
  );
}
