import fc from 'fast-check';
import { PROGRAMME, mdeScope, projectScope } from '../../src/figures/figure-keys.js';
import { activityFigures } from '../../src/figures/figures-shapes.js';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import { YearlyFiguresModel, normaliseSector } from '../../src/figures/yearly-figures.model.js';
import * as e from '../support/programme-events.js';
import { programmeActivity } from '../support/programme-arbitraries.js';

const MDES = ['forest', 'uccle', 'jette'];
const PROJECTS = ['a', 'b', 'c'];
const PARTICIPANTS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const SESSIONS = ['s0', 's1', 's2', 's3', 's4', 's5'];
const YEARS = [2022, 2023];

const activity = programmeActivity({
  sessions: SESSIONS,
  projects: PROJECTS,
  participants: PARTICIPANTS,
  years: YEARS,
});

const programmeLog = fc
  .record({
    mdesOf: fc.tuple(...PROJECTS.map(() => fc.subarray(MDES, { minLength: 1 }))),
    people: fc.tuple(
      ...PARTICIPANTS.map(() =>
        fc.record({ role: fc.constantFrom('job-seeker', 'citizen', 'employer'), registered: fc.boolean() }),
      ),
    ),
    activity: fc.array(activity, { maxLength: 60 }),
  })
  .map(({ mdesOf, people, activity: events }) => ({
    mdesOf: new Map(PROJECTS.map((project, index) => [project, mdesOf[index]!])),
    log: [
      ...PROJECTS.flatMap((project, index) => [e.submitted(project, { mdes: mdesOf[index]! }), e.approved(project)]),
      ...PARTICIPANTS.map((participant, index) =>
        e.registered(participant, people[index]!.role, people[index]!.registered),
      ),
      ...events,
    ],
  }));

/** What each scope should count, from the final state of the log, without the model's bookkeeping. */
function expectedCounts(log: readonly ProgrammeEvent[], projects: readonly string[], year: number) {
  const sessions = new Map<string, { project: string; year: number; cancelled: boolean; attendees: Set<string> }>();
  const roles = new Map<string, { role: string; registered: boolean }>();
  const stages: Array<{ project: string; year: number; sector: string; company: string }> = [];
  for (const event of log) {
    if (event.type === 'ParticipantRegistered')
      roles.set(event.data.participantId, { role: event.data.role, registered: event.data.registeredJobSeeker });
    if (event.type === 'SessionHeld' && !sessions.has(event.data.sessionId))
      sessions.set(event.data.sessionId, {
        project: event.data.projectId,
        year: Number(event.data.date.slice(0, 4)),
        cancelled: false,
        attendees: new Set(),
      });
    if (event.type === 'SessionCancelled') {
      const session = sessions.get(event.data.sessionId);
      if (session) session.cancelled = true;
    }
    if (event.type === 'ParticipantAttended')
      sessions.get(event.data.sessionId)?.attendees.add(event.data.participantId);
    if (event.type === 'AttendanceRetracted')
      sessions.get(event.data.sessionId)?.attendees.delete(event.data.participantId);
    if (event.type === 'StageObtained')
      stages.push({
        project: event.data.projectId,
        year: Number(event.data.startDate.slice(0, 4)),
        sector: normaliseSector(event.data.sector),
        company: event.data.companyId,
      });
  }
  const people = new Set<string>();
  let attendances = 0;
  for (const session of sessions.values()) {
    if (session.cancelled || session.year !== year || !projects.includes(session.project)) continue;
    attendances += session.attendees.size;
    for (const participant of session.attendees) people.add(participant);
  }
  const byRole: Record<string, number> = {};
  for (const participant of people) {
    const { role } = roles.get(participant)!;
    byRole[role] = (byRole[role] ?? 0) + 1;
  }
  const counted = stages.filter((stage) => stage.year === year && projects.includes(stage.project));
  return {
    participants: people.size,
    attendances,
    participantsByRole: byRole,
    notRegisteredJobSeekers: [...people].filter((participant) => !roles.get(participant)!.registered).length,
    stages: counted.length,
    stageSectors: new Set(counted.map((stage) => stage.sector)).size,
    stageCompanies: new Set(counted.map((stage) => stage.company)).size,
  };
}

describe('distinct counts, over random logs', () => {
  it('count each person, sector and company once within each scope, and participantsByRole adds up to participants', () => {
    fc.assert(
      fc.property(programmeLog, ({ mdesOf, log }) => {
        const model = new YearlyFiguresModel();
        for (const event of log) model.apply(event);
        const scopes = new Map<string, string[]>([
          [PROGRAMME, PROJECTS],
          ...PROJECTS.map((project): [string, string[]] => [projectScope(project), [project]]),
          ...MDES.map((mde): [string, string[]] => [
            mdeScope(mde),
            PROJECTS.filter((p) => mdesOf.get(p)!.includes(mde)),
          ]),
        ]);
        for (const [scope, projects] of scopes) {
          for (const year of YEARS) {
            const figures = activityFigures(model.figures(scope, year));
            const byRole = Object.values(figures.participantsByRole).reduce((sum, count) => sum + count, 0);
            expect({ scope, year, byRole }).toEqual({ scope, year, byRole: figures.participants });
            const expected = expectedCounts(log, projects, year);
            const counted = Object.fromEntries(
              Object.keys(expected).map((key) => [key, figures[key as keyof typeof figures]]),
            );
            expect({ scope, year, ...counted }).toEqual({ scope, year, ...expected });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
