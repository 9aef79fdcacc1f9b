import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { ApiProblem } from '../../../api/problem';
import { useT } from '../../../i18n/locale';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import { submit } from '../../offline/api/submit';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import { recordAttendance } from '../api/commands';
import { participantExists } from '../api/participant-exists';
import { RegisterParticipant } from './RegisterParticipant';

export type LineState = 'sending' | 'new' | 'repeat' | 'queued' | 'refused' | 'unknown';

export interface Line {
  readonly n: number;
  readonly participantId: string;
  /** Made when the id was entered; kept for every attempt at this attendance. */
  readonly key: string;
  readonly state: LineState;
  readonly reason?: string;
}

/** Ids typed or pasted: one per line, or separated by spaces, commas or semicolons. */
const idsIn = (text: string) => text.split(/[\s,;]+/).filter((id) => id !== '');

/**
 * The fast entry of a session's attendances: each id typed (Enter) or pasted is sent at once and
 * answered on its line: new, already recorded, refused with the reason, kept until the network is
 * back, or unknown, with a form to register the participant on the spot. The field keeps the focus.
 */
export function AttendanceEntry({ sessionId }: { sessionId: string }) {
  const t = useT();
  const client = useQueryClient();
  const owner = ownerOf(useSignedIn());
  const inputId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const [lines, setLines] = useState<readonly Line[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const counter = useRef(0);

  const update = (n: number, state: LineState, reason?: string) => {
    setLines((all) => all.map((line) => (line.n === n ? { ...line, state, ...(reason ? { reason } : {}) } : line)));
  };

  const send = async (line: Line) => {
    update(line.n, 'sending');
    try {
      const answer = await submit(client, recordAttendance(sessionId, line.participantId, { key: line.key, owner }));
      update(line.n, answer.outcome);
      setAnnouncement(t('attendance.announce', { id: line.participantId, state: answer.outcome }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const unknown = error.status === 422 && !(await participantExists(line.participantId).catch(() => true));
      update(line.n, unknown ? 'unknown' : 'refused', error.problem.errors?.[0]?.message ?? error.message);
      setAnnouncement(t('attendance.announce', { id: line.participantId, state: unknown ? 'unknown' : 'refused' }));
    }
  };

  const enter = (raw: string) => {
    const ids = idsIn(raw);
    if (ids.length === 0) return;
    const added = ids.map((participantId) => ({
      n: ++counter.current,
      participantId,
      key: newIdempotencyKey(),
      state: 'sending' as const,
    }));
    setLines((all) => [...[...added].reverse(), ...all]);
    for (const line of added) void send(line);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    enter(text);
    setText('');
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (idsIn(pasted).length > 1) {
      event.preventDefault();
      enter(`${text} ${pasted}`);
      setText('');
    }
  };

  const counts = (state: LineState) => lines.filter((line) => line.state === state).length;
  return (
    <section aria-labelledby="attendance-entry">
      <h2 id="attendance-entry">{t('attendance.title')}</h2>
      <form onSubmit={onSubmit} className="attendance-form">
        <label htmlFor={inputId}>{t('attendance.ids')}</label>
        <p id={hintId} className="muted">
          {t('attendance.hint')}
        </p>
        <div className="actions">
          <input
            id={inputId}
            // The page is made for entering attendances: typing starts at once.
            autoFocus
            aria-describedby={hintId}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onPaste={onPaste}
          />
          <button type="submit">{t('attendance.submit')}</button>
        </div>
      </form>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {lines.length > 0 && (
        <>
          <p>
            {t('attendance.summary', {
              count: lines.length,
              parts: (['new', 'repeat', 'queued', 'refused'] as const)
                .map((state) => [state, counts(state) + (state === 'refused' ? counts('unknown') : 0)] as const)
                .filter(([, count]) => count > 0)
                .map(([state, count]) => t(`attendance.summary.${state}`, { count }))
                .join(', '),
            })}
          </p>
          <ol className="entry-lines" reversed>
            {lines.map((line) => (
              <li key={line.n} className={`outcome-${line.state === 'queued' ? 'pending' : line.state}`}>
                <strong>{line.participantId}</strong> : {t('attendance.state', { state: line.state })}
                {line.reason && line.state === 'refused' && <> — {line.reason}</>}
                {line.state === 'unknown' && (
                  <RegisterParticipant participantId={line.participantId} onRegistered={() => void send(line)} />
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
