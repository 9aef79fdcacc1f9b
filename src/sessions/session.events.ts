import type { DomainEvent } from '../shared/domain/event.js';

export const SESSION_KINDS = [
  'workshop',
  'information-session',
  'event',
  'outreach-stand',
  'coaching',
  'training',
  'other',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionHeldData {
  readonly sessionId: string;
  readonly projectId: string;
  readonly date: string;
  readonly kind: SessionKind;
  readonly title?: string;
  readonly location?: string;
}

export interface AttendanceData {
  readonly sessionId: string;
  readonly participantId: string;
}

export type SessionHeld = DomainEvent<'SessionHeld', SessionHeldData>;
export type SessionCancelled = DomainEvent<'SessionCancelled', { readonly sessionId: string; readonly reason: string }>;
export type ParticipantAttended = DomainEvent<'ParticipantAttended', AttendanceData>;
export type AttendanceRetracted = DomainEvent<'AttendanceRetracted', AttendanceData & { readonly reason: string }>;

export type SessionEvent = SessionHeld | SessionCancelled | ParticipantAttended | AttendanceRetracted;

export const SESSION_EVENT_TYPES: readonly SessionEvent['type'][] = [
  'SessionHeld',
  'SessionCancelled',
  'ParticipantAttended',
  'AttendanceRetracted',
];
