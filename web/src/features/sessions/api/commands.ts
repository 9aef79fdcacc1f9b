import type { components } from '../../../api/generated/schema';
import type { Command } from '../../offline/api/command';

type Schemas = components['schemas'];
export type SessionKind = Schemas['RecordSessionDto']['kind'];
export type ParticipantRole = Schemas['RegisterParticipantDto']['role'];

export const SESSION_KINDS: readonly SessionKind[] = [
  'workshop',
  'information-session',
  'event',
  'outreach-stand',
  'coaching',
  'training',
  'other',
];

export const PARTICIPANT_ROLES: readonly ParticipantRole[] = [
  'job-seeker',
  'citizen',
  'employer',
  'independent',
  'partner-staff',
  'volunteer',
  'mentor',
  'other',
];

interface Made {
  readonly key: string;
  readonly owner: string;
}

export const recordSession = (body: Schemas['RecordSessionDto'], made: Made): Command => ({
  kind: 'session',
  ...made,
  params: {},
  body: { ...body },
  subject: body.id,
  within: body.projectId,
});

export const recordAttendance = (sessionId: string, participantId: string, made: Made): Command => ({
  kind: 'attendance',
  ...made,
  params: { id: sessionId },
  body: { participantId } satisfies Schemas['RecordAttendanceDto'],
  subject: participantId,
  within: sessionId,
});

export const registerParticipant = (body: Schemas['RegisterParticipantDto'], made: Made): Command => ({
  kind: 'participant',
  ...made,
  params: {},
  body: { ...body },
  subject: body.id,
});

export const cancelSession = (sessionId: string, reason: string, made: Made): Command => ({
  kind: 'cancellation',
  ...made,
  params: { id: sessionId },
  body: { reason } satisfies Schemas['ReasonDto'],
  subject: sessionId,
});

export const retractAttendance = (sessionId: string, participantId: string, reason: string, made: Made): Command => ({
  kind: 'retraction',
  ...made,
  params: { id: sessionId, participantId },
  body: { reason } satisfies Schemas['ReasonDto'],
  subject: participantId,
  within: sessionId,
});
