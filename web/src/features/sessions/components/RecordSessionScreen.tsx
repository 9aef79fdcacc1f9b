import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Field } from '../../../components/Field';
import { choice, useT } from '../../../i18n/locale';
import { todayIso } from '../../../lib/dates';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { useCommandForm } from '../../offline/api/use-command-form';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import { recordSession, SESSION_KINDS, type SessionKind } from '../api/commands';

const FIELDS = ['id', 'date', 'kind', 'title', 'location'];

/** A session id the user may keep or change: the date and a short random part, unique in practice. */
const suggestedId = (projectId: string, date: string) =>
  `${projectId.slice(0, 40)}-${date}-${newIdempotencyKey().slice(0, 4)}`;

/** Records a session of a project, then opens its page for the attendances. */
export function RecordSessionScreen() {
  const t = useT();
  const { projectId = '' } = useParams();
  const session = useSignedIn();
  const navigate = useNavigate();
  const form = useCommandForm();
  const [date, setDate] = useState(todayIso);
  const [id, setId] = useState(() => suggestedId(projectId, todayIso()));
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
