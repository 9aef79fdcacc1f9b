import { useState, type FormEvent, type ReactNode } from 'react';
import { Field } from '../../../components/Field';
import { choice, useT } from '../../../i18n/locale';
import { todayIso } from '../../../lib/dates';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import type { Command } from '../../offline/api/command';
import { useCommandForm } from '../../offline/api/use-command-form';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import {
  OUTCOME_TYPES,
  OUTREACH_AUDIENCES,
  recordOutcome,
  recordOutreach,
  recordStage,
  type OutcomeType,
  type OutreachAudience,
} from '../api/commands';

const shortId = (prefix: string) => `${prefix}-${newIdempotencyKey().slice(0, 8)}`;

/** One entry form: its fields, the refusal that names none of them, what became of the last write. */
function EntryForm({
  title,
  fields,
  make,
  onDone,
  children,
  form,
}: {
  title: string;
  fields: readonly string[];
  make: (key: string, owner: string) => Command;
  onDone: () => void;
  children: ReactNode;
  form: ReturnType<typeof useCommandForm>;
}) {
  const t = useT();
  const owner = ownerOf(useSignedIn());
  const submitForm = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.send((key) => make(key, owner))) onDone();
  };
  const refusal = form.refusal(fields);
  return (
    <form className="card" aria-label={title} onSubmit={(event) => void submitForm(event)} noValidate>
      <h3>{title}</h3>
      <div className="field-row">{children}</div>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={form.sending}>
          {t('entries.save')}
        </button>
        {form.state.status === 'answered' && (
          <span role="status" className={form.state.submitted.outcome === 'queued' ? 'outcome-pending' : 'outcome-new'}>
            {t('entries.saved', { outcome: form.state.submitted.outcome })}
          </span>
        )}
      </div>
    </form>
  );
}

export function StageForm({ projectId }: { projectId: string }) {
  const t = useT();
  const form = useCommandForm();
  const [participantId, setParticipantId] = useState('');
  const [startDate, setStartDate] = useState(todayIso);
  const [sector, setSector] = useState('');
  const [companyId, setCompanyId] = useState('');
  const [id, setId] = useState(() => shortId('st'));
  return (
    <EntryForm
      title={t('entries.stage.title')}
      fields={['participantId', 'startDate', 'sector', 'companyId', 'id']}
      form={form}
      make={(key, owner) =>
        recordStage(
          participantId.trim(),
          { id, projectId, startDate, sector: sector.trim(), companyId: companyId.trim() },
          { key, owner },
        )
      }
      onDone={() => {
        setParticipantId('');
        setSector('');
        setCompanyId('');
        setId(shortId('st'));
      }}
    >
      <Field label={t('entries.participantId')} error={form.fieldError('participantId')}>
        {(c) => <input {...c} value={participantId} onChange={(e) => setParticipantId(e.target.value)} />}
      </Field>
      <Field label={t('entries.startDate')} error={form.fieldError('startDate')}>
        {(c) => <input {...c} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
      </Field>
      <Field label={t('entries.sector')} error={form.fieldError('sector')}>
        {(c) => <input {...c} value={sector} onChange={(e) => setSector(e.target.value)} />}
      </Field>
      <Field label={t('entries.companyId')} error={form.fieldError('companyId')}>
        {(c) => <input {...c} value={companyId} onChange={(e) => setCompanyId(e.target.value)} />}
      </Field>
      <Field label={t('entries.id')} error={form.fieldError('id')}>
        {(c) => <input {...c} value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
    </EntryForm>
  );
}

export function OutcomeForm({ projectId }: { projectId: string }) {
  const t = useT();
  const form = useCommandForm();
  const [participantId, setParticipantId] = useState('');
  const [type, setType] = useState<OutcomeType>('hired');
  const [date, setDate] = useState(todayIso);
  const [id, setId] = useState(() => shortId('out'));
  return (
    <EntryForm
      title={t('entries.outcome.title')}
      fields={['participantId', 'type', 'date', 'id']}
      form={form}
      make={(key, owner) => recordOutcome(participantId.trim(), { id, projectId, type, date }, { key, owner })}
      onDone={() => {
        setParticipantId('');
        setId(shortId('out'));
      }}
    >
      <Field label={t('entries.participantId')} error={form.fieldError('participantId')}>
        {(c) => <input {...c} value={participantId} onChange={(e) => setParticipantId(e.target.value)} />}
      </Field>
      <Field label={t('entries.outcomeType')} error={form.fieldError('type')}>
        {(c) => (
          <select {...c} value={type} onChange={(e) => setType(e.target.value as OutcomeType)}>
            {OUTCOME_TYPES.map((value) => (
              <option key={value} value={value}>
                {t('entries.outcomeType.value', { type: choice(value) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('entries.date')} error={form.fieldError('date')}>
        {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label={t('entries.id')} error={form.fieldError('id')}>
        {(c) => <input {...c} value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
    </EntryForm>
  );
}

export function OutreachForm({ projectId }: { projectId: string }) {
  const t = useT();
  const form = useCommandForm();
  const [audience, setAudience] = useState<OutreachAudience>('people');
  const [count, setCount] = useState('');
  const [date, setDate] = useState(todayIso);
  const [id, setId] = useState(() => shortId('o'));
  return (
    <EntryForm
      title={t('entries.outreach.title')}
      fields={['audience', 'count', 'date', 'id']}
      form={form}
      make={(key, owner) => recordOutreach(projectId, { id, date, audience, count: Number(count) }, { key, owner })}
      onDone={() => {
        setCount('');
        setId(shortId('o'));
      }}
    >
      <Field label={t('entries.audience')} error={form.fieldError('audience')}>
        {(c) => (
          <select {...c} value={audience} onChange={(e) => setAudience(e.target.value as OutreachAudience)}>
            {OUTREACH_AUDIENCES.map((value) => (
              <option key={value} value={value}>
                {t('entries.audience.value', { audience: choice(value) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('entries.count')} error={form.fieldError('count')}>
        {(c) => (
          <input
            {...c}
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('entries.date')} error={form.fieldError('date')}>
        {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field label={t('entries.id')} error={form.fieldError('id')}>
        {(c) => <input {...c} value={id} onChange={(e) => setId(e.target.value)} />}
      </Field>
    </EntryForm>
  );
}
