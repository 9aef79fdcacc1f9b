import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Field } from '../../../components/Field';
import { choice, useT } from '../../../i18n/locale';
import { todayIso } from '../../../lib/dates';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { QueryState } from '../../../components/QueryState';
import { useCommandForm } from '../../offline/api/use-command-form';
import { useProject } from '../../projects/api/get-project';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import { recordSession, SESSION_KINDS, type SessionKind } from '../api/commands';

const FIELDS = ['id', 'date', 'kind', 'title', 'location'];

/** A session id the user may keep or change: the project's and a short random part, unique in practice. */
const suggestedId = (projectId: string) => `${projectId.slice(0, 48)}-${newIdempotencyKey().slice(0, 6)}`;

/** A session of the project's year: today in the current year, else the year's last day (the user changes it). */
const defaultDate = (year: number) => (String(year) === todayIso().slice(0, 4) ? todayIso() : `${year}-12-31`);

/** Records a session of a project, then opens its page for the attendances. */
export function RecordSessionScreen() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (!project.data) return <QueryState error={project.error} isPending={project.isPending} />;
  return <RecordSessionForm projectId={projectId} year={project.data.year} />;
}

function RecordSessionForm({ projectId, year }: { projectId: string; year: number }) {
  const t = useT();
  const session = useSignedIn();
  const navigate = useNavigate();
  const form = useCommandForm();
  const [date, setDate] = useState(() => defaultDate(year));
  const [id, setId] = useState(() => suggestedId(projectId));
  const [kind, setKind] = useState<SessionKind>('workshop');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');

  const submitForm = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      id: id.trim(),
      projectId,
      date,
      kind,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(location.trim() ? { location: location.trim() } : {}),
    };
    const done = await form.send((key) => recordSession(body, { key, owner: ownerOf(session) }));
    if (done)
      void navigate(`/sessions/${encodeURIComponent(body.id)}`, { state: { queued: done.outcome === 'queued' } });
  };

  const refusal = form.refusal(FIELDS);
  return (
    <section aria-labelledby="record-session-title" className="narrow">
      <p>
        <Link to={`/projects/${encodeURIComponent(projectId)}`}>{t('sessions.backToProject', { projectId })}</Link>
      </p>
      <h1 id="record-session-title">{t('sessions.record.title')}</h1>
      <form onSubmit={(event) => void submitForm(event)} noValidate>
        <Field label={t('sessions.date')} error={form.fieldError('date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              required
              max={todayIso()}
              value={date}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('sessions.kind')} error={form.fieldError('kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as SessionKind)}>
              {SESSION_KINDS.map((value) => (
                <option key={value} value={value}>
                  {t('sessions.kind.value', { kind: choice(value) })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('sessions.title')} error={form.fieldError('title')}>
          {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label={t('sessions.location')} error={form.fieldError('location')}>
          {(control) => <input {...control} value={location} onChange={(e) => setLocation(e.target.value)} />}
        </Field>
        <Field label={t('sessions.id')} hint={t('sessions.id.hint')} error={form.fieldError('id')}>
          {(control) => (
            <input {...control} required spellCheck={false} value={id} onChange={(e) => setId(e.target.value)} />
          )}
        </Field>
        {refusal && (
          <p role="alert" className="error">
            {refusal}
          </p>
        )}
        <button type="submit" disabled={form.sending}>
          {t('sessions.record.submit')}
        </button>
      </form>
    </section>
  );
}
