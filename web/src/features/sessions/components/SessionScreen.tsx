import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../../api/problem';
import { ConfirmWithReason } from '../../../components/ConfirmWithReason';
import { DataTable } from '../../../components/DataTable';
import { QueryState } from '../../../components/QueryState';
import { choice, useT } from '../../../i18n/locale';
import { newIdempotencyKey } from '../../../lib/idempotency-key';
import type { Command } from '../../offline/api/command';
import { submit, useOutbox } from '../../offline/api/submit';
import { ownerOf, useSignedIn } from '../../session/api/signed-in';
import { cancelSession, retractAttendance } from '../api/commands';
import { useSessionRecord } from '../api/get-session';
import { AttendanceEntry } from './AttendanceEntry';

/** A session's page: what was recorded, the fast attendance entry, who attended; cancel or retract with a reason. */
export function SessionScreen() {
  const t = useT();
  const { sessionId = '' } = useParams();
  const location = useLocation();
  const client = useQueryClient();
  const owner = ownerOf(useSignedIn());
  const record = useSessionRecord(sessionId);
  const outbox = useOutbox();
  const pending = (outbox.data ?? []).filter(
    (write) => write.state === 'pending' && write.params.id === sessionId && write.kind !== 'retraction',
  );
  const queuedSession =
    pending.some((write) => write.kind === 'session') || (location.state as { queued?: boolean } | null)?.queued;

  /** Sends a confirmed act; its refusal's message, if refused. */
  const act = async (make: (key: string) => Command): Promise<string | undefined> => {
    try {
      await submit(client, make(newIdempotencyKey()));
      return undefined;
    } catch (error) {
      if (error instanceof ApiProblem) return error.message;
      throw error;
    }
  };

  if (!record.data) {
    if (queuedSession && record.error instanceof ApiProblem && record.error.status === 404)
      return (
        <section>
          <h1>{sessionId}</h1>
          <p role="status" className="card outcome-pending">
            {t('offline.queuedNotice')}
          </p>
          <AttendanceEntry sessionId={sessionId} />
        </section>
      );
    return <QueryState error={record.error} isPending={record.isPending} />;
  }
  const s = record.data;
  const pendingAttendances = pending.filter((write) => write.kind === 'attendance');
  return (
    <article aria-labelledby="session-title">
      <p>
        <Link to={`/projects/${encodeURIComponent(s.projectId)}`}>
          {t('sessions.backToProject', { projectId: s.projectId })}
        </Link>
      </p>
      <h1 id="session-title">{s.title ?? s.id}</h1>
      <dl className="details card">
        <dt>{t('sessions.date')}</dt>
        <dd>{t('sessions.day', { date: new Date(`${s.date}T12:00:00`) })}</dd>
        <dt>{t('sessions.kind')}</dt>
        <dd>{t('sessions.kind.value', { kind: choice(s.kind) })}</dd>
        {s.location && (
          <>
            <dt>{t('sessions.location')}</dt>
            <dd>{s.location}</dd>
          </>
        )}
        <dt>{t('sessions.id')}</dt>
        <dd>{s.id}</dd>
        <dt>{t('sessions.attendances')}</dt>
        <dd>{s.attendances}</dd>
      </dl>
      {s.cancellation ? (
        <p className="card outcome-refused" role="status">
          {t('sessions.cancelledBecause', { reason: s.cancellation.reason })}
        </p>
      ) : (
        <>
          <AttendanceEntry sessionId={s.id} />
          <ConfirmWithReason
            action={t('sessions.cancel')}
            question={t('sessions.cancel.question', { id: s.id })}
            confirm={t('sessions.cancel.confirm')}
            onConfirm={(reason) => act((key) => cancelSession(s.id, reason, { key, owner }))}
          />
        </>
      )}
      <section aria-labelledby="attendees">
        <h2 id="attendees">
          {t('sessions.attendees', { count: s.attendees.length, pending: pendingAttendances.length })}
        </h2>
        <DataTable
          columns={[
            { label: t('sessions.participant') },
            { label: t('sessions.attendanceState') },
            { label: t('sessions.actions') },
          ]}
        >
          {pendingAttendances.map((write) => (
            <tr key={write.key}>
              <td>{write.subject}</td>
              <td className="outcome-pending">{t('offline.pending')}</td>
              <td />
            </tr>
          ))}
          {s.attendees.map((attendee) => (
            <tr key={attendee.participantId}>
              <td>{attendee.participantId}</td>
              <td>
                {attendee.retracted
                  ? t('sessions.retracted', { reason: attendee.retractionReason ?? '' })
                  : t('sessions.counted')}
              </td>
              <td>
                {!attendee.retracted && !s.cancellation && (
                  <ConfirmWithReason
                    action={t('sessions.retract.short')}
                    actionName={t('sessions.retract', { id: attendee.participantId })}
                    question={t('sessions.retract.question', { id: attendee.participantId })}
                    confirm={t('sessions.retract.confirm')}
                    onConfirm={(reason) =>
                      act((key) => retractAttendance(s.id, attendee.participantId, reason, { key, owner }))
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </article>
  );
}
