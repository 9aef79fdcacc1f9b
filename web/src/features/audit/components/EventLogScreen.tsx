import { useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { QueryState } from '../../../components/QueryState';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useEventLog, type EventLogRequest, type LoggedEvent } from '../api/get-events';

const pathOf = (request: EventLogRequest): string => {
  const query = new URLSearchParams();
  for (const name of ['stream', 'after', 'type', 'from', 'to'] as const) {
    const value = request[name];
    if (value !== undefined && value !== '') query.set(name, value);
  }
  return `/audit/events?${query.toString()}`;
};

/** A stream is read whole, a page at a time: its type and day filters apply to the page read. */
function kept(event: LoggedEvent, request: EventLogRequest): boolean {
  const day = event.metadata.recordedAt.slice(0, 10);
  return (
    (request.type === undefined || event.type === request.type) &&
    (request.from === undefined || day >= request.from) &&
    (request.to === undefined || day <= request.to)
  );
}

/** The event log, one stream or all of it, a page at a time, filtered by type and recording date. */
export function EventLogScreen() {
  const t = useT();
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const value = (name: string) => params.get(name) || undefined;
  const request: EventLogRequest = {
    stream: value('stream'),
    after: value('after'),
    type: value('type'),
    from: value('from'),
    to: value('to'),
  };
  const filtered = request.type !== undefined || request.from !== undefined || request.to !== undefined;
  const [form, setForm] = useState({
    stream: request.stream ?? '',
    type: request.type ?? '',
    from: request.from ?? '',
    to: request.to ?? '',
  });
  const page = useEventLog(request);
  const events =
    request.stream === undefined
      ? (page.data?.events ?? [])
      : (page.data?.events.filter((event) => kept(event, request)) ?? []);
  const types = [...new Set(page.data?.events.map((event) => event.type) ?? [])].sort();
  const first = { ...request, after: undefined };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = pathOf({ stream: form.stream.trim(), type: form.type.trim(), from: form.from, to: form.to });
    setParams(new URLSearchParams(chosen.slice(chosen.indexOf('?') + 1)));
  };

  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">
        {request.stream ? t('audit.events.streamTitle', { stream: request.stream }) : t('audit.events.title')}
      </h1>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <Field label={t('audit.events.stream')}>
            {(control) => (
              <input
                {...control}
                value={form.stream}
                placeholder="session-dm-01"
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => setForm({ ...form, stream: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('audit.events.type')}>
            {(control) => (
              <>
                <input
                  {...control}
                  value={form.type}
                  list={`${control.id}-types`}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => setForm({ ...form, type: event.target.value })}
                />
                <datalist id={`${control.id}-types`}>
                  {types.map((one) => (
                    <option key={one} value={one} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label={t('audit.events.from')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={form.from}
                onChange={(event) => setForm({ ...form, from: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('audit.events.to')}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={form.to}
                onChange={(event) => setForm({ ...form, to: event.target.value })}
              />
            )}
          </Field>
        </div>
        <button type="submit">{t('audit.events.filter')}</button>
      </form>
      {filtered && request.stream !== undefined && <p className="muted">{t('audit.events.filtersOnPage')}</p>}
      <QueryState error={page.error} isPending={page.isPending} />
      {page.data && (
        <>
          <DataTable
            caption={t('audit.events.caption', { shown: events.length, read: page.data.events.length })}
            columns={[
              { label: t('figures.provenance.position'), numeric: true },
              { label: t('figures.provenance.stream') },
              { label: t('audit.events.revision'), numeric: true },
              { label: t('figures.provenance.type') },
              { label: t('figures.provenance.recordedAt') },
              { label: t('figures.provenance.actor') },
              { label: t('audit.events.data') },
            ]}
          >
            {events.map((event) => (
              <tr key={event.position}>
                <td className="number">{event.position}</td>
                <td>
                  <Link to={pathOf({ stream: event.stream })}>{event.stream}</Link>
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
          </DataTable>
          <p className="actions">
            {request.after !== undefined && <Link to={pathOf(first)}>{t('audit.events.first')}</Link>}
            {page.data.next && <Link to={pathOf({ ...request, ...page.data.next })}>{t('audit.events.next')}</Link>}
          </p>
        </>
      )}
    </section>
  );
}

export default EventLogScreen;
