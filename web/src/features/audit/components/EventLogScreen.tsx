import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { useT } from '../../../i18n/locale';
import { useEventLog, type EventLogRequest, type LoggedEvent } from '../api/get-events';

const pathOf = (request: EventLogRequest, type: string, from: string, to: string): string => {
  const query = new URLSearchParams();
  if (request.stream !== undefined) query.set('stream', request.stream);
  if (request.after !== undefined) query.set('after', request.after);
  if (type !== '') query.set('type', type);
  if (from !== '') query.set('from', from);
  if (to !== '') query.set('to', to);
  return `/audit/events?${query.toString()}`;
};

/** Type and recording-date filters, applied to the events of the page read. */
function kept(event: LoggedEvent, type: string, from: string, to: string): boolean {
  const day = event.metadata.recordedAt.slice(0, 10);
  return (type === '' || event.type === type) && (from === '' || day >= from) && (to === '' || day <= to);
}

/** The event log, one stream or all of it, a page at a time, filtered by type and recording date. */
export function EventLogScreen() {
  const t = useT();
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const request: EventLogRequest = {
    stream: params.get('stream') ?? undefined,
    after: params.get('after') ?? undefined,
  };
  const type = params.get('type') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [form, setForm] = useState({ stream: request.stream ?? '', type, from, to });
  const ids = { stream: useId(), type: useId(), from: useId(), to: useId() };
  const page = useEventLog(request);
  const events = page.data?.events.filter((event) => kept(event, type, from, to)) ?? [];
  const types = [...new Set(page.data?.events.map((event) => event.type) ?? [])].sort();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const stream = form.stream.trim();
    setParams(
      new URLSearchParams(
        pathOf({ stream: stream === '' ? undefined : stream }, form.type.trim(), form.from, form.to).split('?')[1],
      ),
    );
  };

  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">
        {request.stream ? t('audit.events.streamTitle', { stream: request.stream }) : t('audit.events.title')}
      </h1>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.stream}>{t('audit.events.stream')}</label>
            <input
              id={ids.stream}
              value={form.stream}
              placeholder="session-dm-01"
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setForm({ ...form, stream: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.type}>{t('audit.events.type')}</label>
            <input
              id={ids.type}
              value={form.type}
              list={`${ids.type}-types`}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setForm({ ...form, type: event.target.value })}
            />
            <datalist id={`${ids.type}-types`}>
              {types.map((one) => (
                <option key={one} value={one} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor={ids.from}>{t('audit.events.from')}</label>
            <input
              id={ids.from}
              type="date"
              value={form.from}
              onChange={(event) => setForm({ ...form, from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('audit.events.to')}</label>
            <input
              id={ids.to}
              type="date"
              value={form.to}
              onChange={(event) => setForm({ ...form, to: event.target.value })}
            />
          </div>
        </div>
        <button type="submit">{t('audit.events.filter')}</button>
      </form>
      {(type !== '' || from !== '' || to !== '') && <p className="muted">{t('audit.events.filtersOnPage')}</p>}
      {page.isPending && <p role="status">{t('app.loading')}</p>}
      {page.error && <p role="alert">{page.error instanceof ApiProblem ? page.error.message : t('app.unreachable')}</p>}
      {page.data && (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('audit.events.caption', { shown: events.length, read: page.data.events.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="number">
                    {t('figures.provenance.position')}
                  </th>
                  <th scope="col">{t('figures.provenance.stream')}</th>
                  <th scope="col" className="number">
                    {t('audit.events.revision')}
                  </th>
                  <th scope="col">{t('figures.provenance.type')}</th>
                  <th scope="col">{t('figures.provenance.recordedAt')}</th>
                  <th scope="col">{t('figures.provenance.actor')}</th>
                  <th scope="col">{t('audit.events.data')}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.position}>
                    <td className="number">{event.position}</td>
                    <td>
                      <Link to={pathOf({ stream: event.stream }, '', '', '')}>{event.stream}</Link>
                    </td>
                    <td className="number">{event.revision}</td>
                    <td>{event.type}</td>
                    <td>
                      <time dateTime={event.metadata.recordedAt}>
                        {intl.formatDate(event.metadata.recordedAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                      </time>
                    </td>
                    <td>{event.metadata.actor}</td>
                    <td>
                      <details>
                        <summary>{t('audit.events.show')}</summary>
                        <pre>{JSON.stringify({ data: event.data, metadata: event.metadata }, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="actions">
            {request.after !== undefined && (
              <Link to={pathOf({ stream: request.stream }, type, from, to)}>{t('audit.events.first')}</Link>
            )}
            {page.data.next && <Link to={pathOf(page.data.next, type, from, to)}>{t('audit.events.next')}</Link>}
          </p>
        </>
      )}
    </section>
  );
}

export default EventLogScreen;
