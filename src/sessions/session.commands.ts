import type { ProjectFacts } from '../shared/domain/project-facts.js';
import type { SessionHeldData } from './session.events.js';

export interface RecordSession {
  readonly type: 'RecordSession';
  readonly data: SessionHeldData;
  /** The project named in the body, as stored; null when it does not exist. */
  readonly project: ProjectFacts | null;
  readonly today: string;
}

export interface CancelSession {
  readonly type: 'CancelSession';
  readonly data: { readonly sessionId: string; readonly reason: string };
}

export interface RecordAttendance {
  readonly type: 'RecordAttendance';
  readonly data: { readonly sessionId: string; readonly participantId: string };
  /** Whether the participant named in the body is registered. */
  readonly participantRegistered: boolean;
}

export interface RetractAttendance {
  readonly type: 'RetractAttendance';
  readonly data: { readonly sessionId: string; readonly participantId: string; readonly reason: string };
}

export type SessionCommand = RecordSession | CancelSession | RecordAttendance | RetractAttendance;
