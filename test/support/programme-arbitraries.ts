import fc from 'fast-check';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import * as e from './programme-events.js';

/** The names a random programme log draws from. */
export interface ProgrammeNames {
  readonly sessions: readonly string[];
  readonly projects: readonly string[];
  readonly participants: readonly string[];
  readonly years: readonly number[];
}

/**
 * One random event of a programme's activity: a session held, an attendance
 * recorded or retracted, a session cancelled, a stage obtained.
 */
export const programmeActivity = ({
  sessions,
  projects,
  participants,
  years,
}: ProgrammeNames): fc.Arbitrary<ProgrammeEvent> =>
  fc.oneof(
    fc
      .record({
        session: fc.constantFrom(...sessions),
        project: fc.constantFrom(...projects),
        year: fc.constantFrom(...years),
      })
      .map(({ session, project, year }) => e.held(session, project, `${year}-05-10`)),
    fc
      .record({ session: fc.constantFrom(...sessions), participant: fc.constantFrom(...participants) })
      .map(({ session, participant }) => e.attended(session, participant)),
    fc
      .record({ session: fc.constantFrom(...sessions), participant: fc.constantFrom(...participants) })
      .map(({ session, participant }) => e.retracted(session, participant)),
    fc.constantFrom(...sessions).map((session) => e.cancelled(session)),
    fc
      .record({
        participant: fc.constantFrom(...participants),
        project: fc.constantFrom(...projects),
        sector: fc.constantFrom('horeca', ' Horeca', 'vente', 'logistique'),
        company: fc.constantFrom('c0', 'c1', 'c2'),
        year: fc.constantFrom(...years),
      })
      .map(({ participant, project, sector, company, year }) =>
        e.stage(
          participant,
          `st-${participant}-${project}-${sector}-${company}-${year}`,
          project,
          sector,
          company,
          `${year}-03-01`,
        ),
      ),
  );
