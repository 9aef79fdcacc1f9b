import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { useLocale, useT } from '../../../i18n/locale';
import { useSession } from '../../session/api/session';
import {
  IMPORT_KINDS,
  templatePath,
  useImports,
  useSendImport,
  type ImportAnswer,
  type ImportKind,
  type RowsDone,
} from '../api/imports';

/** The event log's page that starts at a position. */
const eventAt = (position: string): string => `/audit/events?after=${(BigInt(position) - 1n).toString()}`;

/** Each row's outcome, with the reason of a refusal next to it (the field the service named, and why). */
function ImportRows({ answer, canReadLog }: { answer: ImportAnswer; canReadLog: boolean }) {
  const t = useT();
  return (
    <DataTable
      caption={t('imports.summary', {
        rows: answer.rows,
        new: answer.summary.new,
        repeat: answer.summary.repeat,
        refused: answer.summary.refused,
      })}
      columns={[
        { label: t('imports.line'), numeric: true },
        { label: t('imports.id') },
        { label: t('imports.outcome') },
        { label: t('imports.reason') },
      ]}
    >
      {answer.results.map((row) => (
        <tr key={row.line}>
          <td className="number">{row.line}</td>
          <td>{row.id}</td>
          <td className={`outcome-${row.outcome}`}>
            {t('imports.outcome.value', { outcome: row.outcome, dryRun: String(answer.dryRun) })}
            {canReadLog && row.position !== undefined && !answer.dryRun && row.outcome === 'new' && (
              <>
                {' '}
                <Link to={eventAt(row.position)}>{t('imports.event', { position: row.position })}</Link>
              </>
            )}
          </td>
          <td>
            {row.problem && (
              <>
                {row.problem.errors && row.problem.errors.length > 0 ? (
                  <ul className="plain">
                    {row.problem.errors.map((error) => (
                      <li key={error.field}>
                        <strong>{error.field}</strong> : {error.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  row.problem.detail
                )}
              </>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** How far the service is with the rows of the file, while it checks or imports them. */
function RowsProgress({ rows }: { rows: RowsDone | undefined }) {
  const t = useT();
  if (!rows) return null;
  const label = t('imports.progress', { done: rows.done, total: rows.total });
  return (
    <p role="status" className="import-progress">
      <progress value={rows.done} max={rows.total} aria-label={label} /> {label}
    </p>
  );
}

/** Import a spreadsheet: upload, read the dry run row by row, confirm, and see what was written. */
export function ImportScreen() {
  const t = useT();
  const intl = useIntl();
  const { locale } = useLocale();
  const session = useSession().data;
  const canReadLog = session?.role === 'coordinator' || session?.role === 'auditor';
  const [kind, setKind] = useState<ImportKind>('attendances');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [noFile, setNoFile] = useState(false);
  const dryRun = useSendImport();
  const written = useSendImport();
  const imports = useImports();

  const check = (event: FormEvent) => {
    event.preventDefault();
    setNoFile(file === undefined);
    written.reset();
    if (file) dryRun.mutate({ file, kind, dryRun: true });
  };
  const confirm = () => {
    if (file) written.mutate({ file, kind, dryRun: false });
  };
  const refused = dryRun.error instanceof ApiProblem ? dryRun.error : undefined;
  const fileError = noFile
    ? t('imports.file.missing')
    : refused
      ? (refused.problem.errors?.map((error) => `${error.field} : ${error.message}`).join(' · ') ?? refused.message)
      : undefined;
  const result = written.data;

  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <form onSubmit={check} noValidate className="narrow">
        <Field label={t('imports.kind')}>
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(event) => {
                setKind(event.target.value as ImportKind);
                dryRun.reset();
                written.reset();
              }}
            >
              {IMPORT_KINDS.map((one) => (
                <option key={one} value={one}>
                  {t('imports.kind.value', { kind: one })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p>
          {t('imports.templates')}{' '}
          <a href={templatePath(kind, 'xlsx', locale)} download>
            {t('imports.template', { format: 'XLSX' })}
          </a>{' '}
          ·{' '}
          <a href={templatePath(kind, 'csv', locale)} download>
            {t('imports.template', { format: 'CSV' })}
          </a>
        </p>
        <Field label={t('imports.file')} error={fileError}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                dryRun.reset();
                written.reset();
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={dryRun.isPending}>
          {dryRun.isPending ? t('imports.checking') : t('imports.check')}
        </button>
        {dryRun.isPending && <RowsProgress rows={dryRun.progress} />}
        {dryRun.error && !refused && <p role="alert">{t('app.unreachable')}</p>}
      </form>

      {dryRun.data && !result && (
        <>
          <h2>{t('imports.dryRun')}</h2>
          <ImportRows answer={dryRun.data} canReadLog={canReadLog} />
          {dryRun.data.summary.new > 0 ? (
            <p className="actions">
              <button type="button" onClick={confirm} disabled={written.isPending}>
                {t('imports.confirm', { count: dryRun.data.summary.new })}
              </button>
            </p>
          ) : (
            <p>{t('imports.nothingToWrite')}</p>
          )}
          {written.isPending && <RowsProgress rows={written.progress} />}
          {written.error && <p role="alert">{written.error.message}</p>}
        </>
      )}

      {result && (
        <>
          <h2>{t('imports.result')}</h2>
          <p role="status">
            {t('imports.done', { new: result.summary.new, refused: result.summary.refused })}{' '}
            {canReadLog && (
              <Link to={`/audit/events?stream=${encodeURIComponent(`import-${result.importId}`)}`}>
                {t('imports.events')}
              </Link>
            )}
          </p>
          <ImportRows answer={result} canReadLog={canReadLog} />
        </>
      )}

      <h2>{t('imports.recent')}</h2>
      {imports.isPending && <p role="status">{t('app.loading')}</p>}
      {imports.data && imports.data.items.length === 0 && <p>{t('imports.recent.none')}</p>}
      {imports.data && imports.data.items.length > 0 && (
        <DataTable
          caption={t('imports.recent')}
          columns={[
            { label: t('imports.recordedAt') },
            { label: t('imports.file') },
            { label: t('imports.kind') },
            { label: t('imports.counts') },
            { label: t('figures.provenance.actor') },
          ]}
        >
          {imports.data.items.map((item) => (
            <tr key={item.importId}>
              <td>{intl.formatDate(item.recordedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>
                {canReadLog ? (
                  <Link to={`/audit/events?stream=${encodeURIComponent(`import-${item.importId}`)}`}>
                    {item.fileName ?? item.importId}
                  </Link>
                ) : (
                  (item.fileName ?? item.importId)
                )}
              </td>
              <td>{t('imports.kind.value', { kind: item.kind })}</td>
              <td>
                {t('imports.summary', {
                  rows: item.counts.rows,
                  new: item.counts.new,
                  repeat: item.counts.repeat,
                  refused: item.counts.refused,
                })}
              </td>
              <td>{item.actor}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

export default ImportScreen;
