import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import type { ProjectSubmission } from '../../src/projects/project.events.js';

/** Small builders of domain events for projection tests. */
export const submitted = (projectId: string, overrides: Partial<ProjectSubmission> = {}): ProgrammeEvent => ({
  type: 'ProjectSubmitted',
  data: {
    projectId,
    year: 2022,
    title: projectId,
    mdes: ['forest'],
    carrier: { name: 'CPAS de Forest', type: 'cpas' },
    kind: 'local',
    audience: 'specific',
    targetsPartners: false,
    ...overrides,
  },
});
export const approved = (projectId: string): ProgrammeEvent => ({ type: 'ProjectApproved', data: { projectId } });
export const rejected = (projectId: string): ProgrammeEvent => ({ type: 'ProjectRejected', data: { projectId } });
export const held = (sessionId: string, projectId: string, date = '2022-05-10', kind = 'workshop'): ProgrammeEvent => ({
  type: 'SessionHeld',
  data: { sessionId, projectId, date, kind: kind as 'workshop' },
});
export const cancelled = (sessionId: string): ProgrammeEvent => ({
  type: 'SessionCancelled',
  data: { sessionId, reason: 'storm' },
});
export const registered = (participantId: string, role = 'job-seeker', registeredJobSeeker = true): ProgrammeEvent => ({
  type: 'ParticipantRegistered',
  data: { participantId, role: role as 'job-seeker', registeredJobSeeker },
});
export const attended = (sessionId: string, participantId: string): ProgrammeEvent => ({
  type: 'ParticipantAttended',
  data: { sessionId, participantId },
});
export const retracted = (sessionId: string, participantId: string): ProgrammeEvent => ({
  type: 'AttendanceRetracted',
  data: { sessionId, participantId, reason: 'wrong session' },
});
export const stage = (
  participantId: string,
  stageId: string,
  projectId: string,
  sector: string,
  companyId: string,
  startDate = '2022-10-03',
): ProgrammeEvent => ({
  type: 'StageObtained',
  data: { participantId, stageId, projectId, startDate, sector, companyId },
});
export const outreach = (
  projectId: string,
  outreachId: string,
  audience: string,
  count: number,
  date = '2022-09-01',
): ProgrammeEvent => ({
  type: 'OutreachRecorded',
  data: { projectId, outreachId, date, audience: audience as 'people', count },
});
export const outcome = (
  participantId: string,
  outcomeId: string,
  projectId: string,
  type: string,
  date = '2022-11-30',
): ProgrammeEvent => ({
  type: 'OutcomeRecorded',
  data: { participantId, outcomeId, projectId, type: type as 'hired', date },
});
