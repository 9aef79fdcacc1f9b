import { Link, useParams, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { useIntl } from 'react-intl';
import { useT } from '../../../i18n/locale';
import { useMdeName } from '../../mdes/api/get-mdes';
import type { FiguresScope } from '../api/get-figures';
import { useProvenance } from '../api/get-provenance';
import { useFigureLabel } from './figure-label';

/** Where a stream's events are listed in the event log. */
export const streamPath = (stream: string): string => `/audit/events?${new URLSearchParams({ stream }).toString()}`;

/** A figure's provenance: the events that make it up, who recorded them and when, a page at a time. */
export function FigureProvenanceScreen() {
  const t = useT();
  const intl = useIntl();
  const label = useFigureLabel();
  const mdeName = useMdeName();
  const { year: yearParam } = useParams();
  const [params] = useSearchParams();
  const year = Number(yearParam);
  const figure = params.get('figure') ?? '';
  const mde = params.get('mde');
  const project = params.get('project');
  const asOf = params.get('asOf') ?? undefined;
  const scope: FiguresScope =
    project !== null
      ? { kind: 'project', projectId: project }
      : mde !== null
        ? { kind: 'mde', mde }
        : { kind: 'programme' };
  const provenance = useProvenance({ year, scope, figure, asOf });
  const pages = provenance.data?.pages ?? [];
  const first = pages[0];
  const events = pages.flatMap((page) => page.events);
  const scopeName =
    scope.kind === 'programme'
      ? t('figures.scope.programme')
      : scope.kind === 'mde'
        ? t('figures.scope.mde', { name: mdeName(scope.mde) })
        : t('figures.scope.project', { id: scope.projectId });
  const dashboard = `/figures?${new URLSearchParams({ year: String(year), ...(mde === null ? {} : { mde }) }).toString()}`;

  return (
    <section aria-labelledby="provenance-title">
      <h1 id="provenance-title">{t('figures.provenance.title', { figure: label(figure) })}</h1>
      <p>{t('figures.provenance.scope', { scope: scopeName, year })}</p>
      {asOf !== undefined && <p>{t('figures.provenance.asOf', { at: new Date(asOf) })}</p>}
      <QueryState error={provenance.error} isPending={provenance.isPending} />
      {first && (
        <>
          <p className="lead">
            {t('figures.provenance.value', { value: first.value, total: first.total, position: first.position })}
          </p>
          <DataTable
            caption={t('figures.provenance.shown', { shown: events.length, total: first.total })}
            columns={[
              { label: t('figures.provenance.position'), numeric: true },
              { label: t('figures.provenance.type') },
              { label: t('figures.provenance.stream') },
              { label: t('figures.provenance.item') },
              { label: t('figures.provenance.counts'), numeric: true },
              { label: t('figures.provenance.recordedAt') },
              { label: t('figures.provenance.actor') },
            ]}
          >
            {events.map((event) => (
              <tr key={`${event.position}:${event.item ?? ''}`}>
                <td className="number">{event.position}</td>
                <td>{event.type}</td>
                <td>
                  <Link to={streamPath(event.stream)}>{event.stream}</Link>
                </td>
                <td>{event.item ?? ''}</td>
                <td className="number">{intl.formatNumber(event.counts)}</td>
                <td>
                  <time dateTime={event.recordedAt}>
                    {intl.formatDate(event.recordedAt, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                </td>
                <td>{event.actor}</td>
              </tr>
            ))}
          </DataTable>
          {provenance.hasNextPage && (
            <button
              type="button"
              onClick={() => void provenance.fetchNextPage()}
              disabled={provenance.isFetchingNextPage}
            >
              {t('figures.provenance.more')}
            </button>
          )}
        </>
      )}
      <p>
        <Link to={dashboard}>{t('figures.provenance.back')}</Link>
      </p>
    </section>
  );
}

export default FigureProvenanceScreen;
