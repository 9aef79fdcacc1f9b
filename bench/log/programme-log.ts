import { createHash, randomUUID } from 'node:crypto';
import { timeOrderedUuids } from '../../src/command-handling/time-ordered-uuid.js';
import type { EventData, NewEvent } from '../../src/event-store/event-store.port.js';
import type { ParticipantEvent, ParticipantRole } from '../../src/participants/participant.events.js';
import type { CarrierType, ProjectEvent, OutreachAudience } from '../../src/projects/project.events.js';
import { SESSION_KINDS, type SessionEvent } from '../../src/sessions/session.events.js';
import { participantStream, projectStream, sessionStream } from '../../src/shared/domain/ids.js';

/** One command's worth of log: one event appended to its stream, as the service writes them. */
export interface LogAppend {
  readonly stream: string;
  readonly event: NewEvent;
}

/**
 * The shape of a programme year, scaled up from the 2022 demo data set (50
 * projects, a few thousand attendances) to a busy programme: 60 projects
 * submitted, 40 approved, each with 60 sessions and 400 participants who attend
 * 10 sessions each (about 67 a session); some participants take part in two
 * projects, a few sessions are cancelled and attendances retracted, and projects
 * report outreach, stages and outcomes. About 180,000 events a year.
 */
const YEAR = {
  projects: 60,
  sessionsPerProject: 60,
  participantsPerProject: 400,
  /** Participants of the previous project of the year who also take part in this one. */
  sharedParticipants: 40,
  attendancesPerParticipant: 10,
  cancelledEvery: 50,
  retractedEvery: 200,
  stagesPerProject: 20,
  outcomesPerProject: 40,
  outreachPerProject: 4,
};

const MDES = [
  'anderlecht',
  'auderghem',
  'berchem-ste-agathe',
  'bruxelles-ville',
  'etterbeek',
  'evere',
  'forest',
  'ganshoren',
  'ixelles',
  'jette',
  'koekelberg',
  'molenbeek',
  'saint-gilles',
  'saint-josse',
  'schaerbeek',
  'uccle',
  'watermael-boitsfort',
  'woluwe-st-lambert',
  'woluwe-st-pierre',
];
const CARRIERS: readonly CarrierType[] = [
  'commune',
  'cpas',
  'mission-locale',
  'ale',
  'actiris',
  'association',
  'other',
];
const ROLES: readonly ParticipantRole[] = [
  'job-seeker',
  'job-seeker',
  'job-seeker',
  'citizen',
  'employer',
  'independent',
  'volunteer',
];
const OUTREACH: readonly OutreachAudience[] = ['people', 'job-seekers', 'companies', 'employers'];
const SECTORS = [
  'horeca',
  'logistique',
  'construction',
  'commerce',
  'soins',
  'nettoyage',
  'informatique',
  'administration',
];

type ProgrammeEvent = ProjectEvent | SessionEvent | ParticipantEvent;

/**
 * An endless, deterministic programme log from `firstYear` on, in the order
 * commands would arrive: each year its projects and decisions, registrations
 * and sessions, then attendances round after round (so a session's events are
 * spread over the year's log), then corrections and activity.
 */
export function* programmeLog(firstYear: number): Generator<LogAppend> {
  for (let year = firstYear; ; year++) yield* programmeYear(year);
}

/** The first approved project of a year: the one whose figures the query section reads. */
export const sampleProjectId = (year: number): string => projectId(year, 0);

function* programmeYear(year: number): Generator<LogAppend> {
  const clock = new RecordingClock(year);
  const approved: number[] = [];
  for (let p = 0; p < YEAR.projects; p++) {
    const mdes = Array.from({ length: 1 + (p % 5) }, (_, i) => MDES[(p * 7 + i * 3) % MDES.length]!);
    const thematic = p % 10 === 9;
    yield clock.append(projectStream(projectId(year, p)), {
      type: 'ProjectSubmitted',
      data: {
        projectId: projectId(year, p),
        year,
        title: `Projet ${p + 1} de ${year}`,
        mdes: [...new Set(mdes)],
        carrier: { name: `Porteur ${p % 23}`, type: CARRIERS[p % CARRIERS.length]! },
        kind: thematic ? 'thematic' : 'local',
        ...(thematic ? { theme: 'fracture-numerique' } : {}),
        audience: p % 2 === 0 ? 'all-job-seekers' : 'specific',
        targetsPartners: p % 3 === 0,
        targets: { participants: YEAR.participantsPerProject, sessions: YEAR.sessionsPerProject },
      },
    });
  }
  for (let p = 0; p < YEAR.projects; p++) {
    const approve = p % 3 !== 2;
    if (approve) approved.push(p);
    yield clock.append(projectStream(projectId(year, p)), {
      type: approve ? 'ProjectApproved' : 'ProjectRejected',
      data: approve
        ? { projectId: projectId(year, p), fundedAmount: 10_000 + p * 500 }
        : { projectId: projectId(year, p), reason: 'Hors appel' },
    });
  }
  for (const p of approved) {
    yield clock.append(projectStream(projectId(year, p)), {
      type: 'ProjectNarrativeWritten',
      data: {
        projectId: projectId(year, p),
        year,
        text: `Le projet ${p + 1} a réuni les partenaires de l'emploi. `.repeat(6),
      },
    });
    for (let n = YEAR.sharedParticipants; n < YEAR.participantsPerProject; n++) {
      const id = participantId(year, p, n);
      yield clock.append(participantStream(id), {
        type: 'ParticipantRegistered',
        data: { participantId: id, role: ROLES[n % ROLES.length]!, registeredJobSeeker: n % 2 === 0 },
      });
    }
    for (let s = 0; s < YEAR.sessionsPerProject; s++) {
      const id = sessionId(year, p, s);
      yield clock.append(sessionStream(id), {
        type: 'SessionHeld',
        data: {
          sessionId: id,
          projectId: projectId(year, p),
          date: dateOf(year, 10 + s * 5),
          kind: SESSION_KINDS[(p + s) % SESSION_KINDS.length]!,
          title: `Séance ${s + 1}`,
          location: `Maison de l'Emploi`,
        },
      });
    }
  }
  for (let round = 0; round < YEAR.attendancesPerParticipant; round++) {
    for (const [index, p] of approved.entries()) {
      for (let n = 0; n < YEAR.participantsPerProject; n++) {
        const session = sessionId(year, p, (n + round * 6) % YEAR.sessionsPerProject);
        yield clock.append(sessionStream(session), {
          type: 'ParticipantAttended',
          data: { sessionId: session, participantId: attendee(year, approved, index, n) },
        });
      }
    }
  }
  for (const [index, p] of approved.entries()) {
    for (let s = 0; s < YEAR.sessionsPerProject; s += YEAR.cancelledEvery) {
      const id = sessionId(year, p, s + 7);
      yield clock.append(sessionStream(id), {
        type: 'SessionCancelled',
        data: { sessionId: id, reason: 'Formateur absent' },
      });
    }
    for (let n = 0; n < YEAR.participantsPerProject; n += YEAR.retractedEvery) {
      const session = sessionId(year, p, n % YEAR.sessionsPerProject);
      yield clock.append(sessionStream(session), {
        type: 'AttendanceRetracted',
        data: { sessionId: session, participantId: attendee(year, approved, index, n), reason: 'Encodé par erreur' },
      });
    }
    for (let o = 0; o < YEAR.outreachPerProject; o++) {
      yield clock.append(projectStream(projectId(year, p)), {
        type: 'OutreachRecorded',
        data: {
          projectId: projectId(year, p),
          outreachId: `o-${o}`,
          date: dateOf(year, 30 + o * 80),
          audience: OUTREACH[o]!,
          count: 20 + o * 15,
        },
      });
    }
    for (let i = 0; i < YEAR.stagesPerProject; i++) {
      const id = attendee(year, approved, index, i * 7);
      yield clock.append(participantStream(id), {
        type: 'StageObtained',
        data: {
          participantId: id,
          stageId: `stage-${projectId(year, p)}-${i}`,
          projectId: projectId(year, p),
          startDate: dateOf(year, 60 + i * 13),
          sector: SECTORS[(p + i) % SECTORS.length]!,
          companyId: `c-${(p * 31 + i) % 300}`,
        },
      });
    }
    for (let i = 0; i < YEAR.outcomesPerProject; i++) {
      const id = attendee(year, approved, index, i * 9 + 1);
      yield clock.append(participantStream(id), {
        type: 'OutcomeRecorded',
        data: {
          participantId: id,
          outcomeId: `out-${projectId(year, p)}-${i}`,
          projectId: projectId(year, p),
          type: i % 4 === 0 ? 'hired' : 'training-started',
          date: dateOf(year, 200 + i * 3),
        },
      });
    }
  }
}

const projectId = (year: number, p: number): string => `projet-${year}-${String(p + 1).padStart(2, '0')}`;
const sessionId = (year: number, p: number, s: number): string => `s-${year}-${p + 1}-${s + 1}`;
const participantId = (year: number, p: number, n: number): string => `p-${year}-${p + 1}-${n + 1}`;

/** The n-th participant of the index-th approved project; the first few are the previous project's. */
function attendee(year: number, approved: readonly number[], index: number, n: number): string {
  if (n < YEAR.sharedParticipants) {
    const previous = approved[index === 0 ? approved.length - 1 : index - 1]!;
    return participantId(year, previous, n + YEAR.sharedParticipants);
  }
  return participantId(year, approved[index]!, n);
}

function dateOf(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1) + Math.min(dayOfYear, 360) * 86_400_000).toISOString().slice(0, 10);
}

/** Metadata as the command loop writes it, recorded through the year in order. */
class RecordingClock {
  private next: number;

  /** Ids stamped with the log's own clock. */
  private readonly eventId = timeOrderedUuids(() => this.next);

  constructor(year: number) {
    this.next = Date.UTC(year, 0, 2, 8);
  }

  append(stream: string, event: ProgrammeEvent): LogAppend {
    // About 180,000 events a year, 150 s apart: a year's log fits in its year.
    this.next += 150_000;
    const commandId = randomUUID();
    const data = event.data as unknown as EventData;
    return {
      stream,
      event: {
        // As the command loop makes them for commands sent without an Idempotency-Key.
        id: this.eventId(),
        type: event.type,
        data,
        metadata: {
          recordedAt: new Date(this.next).toISOString(),
          actor: 'admin',
          commandId,
          correlationId: commandId,
          causationId: commandId,
          schemaVersion: 1,
          requestHash: createHash('sha256').update(JSON.stringify(data)).digest('base64url'),
        },
      },
    };
  }
}
