import { useId, useState, type FormEvent } from 'react';
import { choice, useT } from '../../../i18n/locale';
import { useCommandForm } from '../../offline/api/use-command-form';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import { PARTICIPANT_ROLES, registerParticipant, type ParticipantRole } from '../api/commands';

/** Registers an unknown participant on the spot (role, registered job seeker), then counts the attendance. */
export function RegisterParticipant({
  participantId,
  onRegistered,
}: {
  participantId: string;
  onRegistered: () => void;
}) {
  const t = useT();
  const owner = ownerOf(useSignedIn());
  const form = useCommandForm();
  const roleId = useId();
  const registeredId = useId();
  const [role, setRole] = useState<ParticipantRole>('job-seeker');
  const [registered, setRegistered] = useState(true);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await form.send((key) =>
      registerParticipant({ id: participantId, role, registeredJobSeeker: registered }, { key, owner }),
    );
    if (done) onRegistered();
  };
  const refusal = form.refusal([]);
  return (
    <form
      className="register"
      aria-label={t('attendance.register.title', { id: participantId })}
      onSubmit={(event) => void onSubmit(event)}
    >
      <div className="actions">
        <label htmlFor={roleId}>{t('attendance.register.role', { id: participantId })}</label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as ParticipantRole)}>
          {PARTICIPANT_ROLES.map((value) => (
            <option key={value} value={value}>
              {t('participants.role', { role: choice(value) })}
            </option>
          ))}
        </select>
        <span className="checkbox">
          <input
            id={registeredId}
            type="checkbox"
            checked={registered}
            onChange={(event) => setRegistered(event.target.checked)}
          />
          <label htmlFor={registeredId}>{t('attendance.register.registered')}</label>
        </span>
        <button type="submit" disabled={form.sending}>
          {t('attendance.register.submit', { id: participantId })}
        </button>
      </div>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
    </form>
  );
}
