import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import { ParticipantRosterProjection } from '../../src/participants/read-model/participant-roster.projection.js';
import { ProjectEntriesProjection } from '../../src/participants/read-model/project-entries.projection.js';
import type { Projection } from '../../src/projections/projection.js';
import { ProjectDirectoryProjection } from '../../src/projects/read-model/project-directory.projection.js';
import { SessionRegisterProjection } from '../../src/sessions/read-model/session-register.projection.js';
import * as e from '../support/programme-events.js';
import { projectionSpecification } from '../support/projection-specification.js';

/** Corrections in every order: a retraction then a new attendance, an attendance retracted after its session was cancelled. */
const log: ProgrammeEvent[] = [
  e.submitted('dm', { mdes: ['forest', 'jette'] }),
  e.submitted('no', { mdes: ['uccle'] }),
  e.approved('dm'),
  e.rejected('no'),
  e.registered('p1'),
  e.registered('p2', 'citizen', false),
  e.held('s1', 'dm', '2022-07-18', 'outreach-stand'),
  e.held('s2', 'dm', '2022-07-19'),
  e.attended('s1', 'p1'),
  e.attended('s1', 'p2'),
  e.retracted('s1', 'p1'),
  e.attended('s1', 'p1'),
  e.attended('s2', 'p1'),
  e.cancelled('s2'),
  e.retracted('s2', 'p1'),
  e.outreach('dm', 'o1', 'people', 180),
  e.stage('p1', 'st1', 'dm', 'horeca', 'c1'),
  e.outcome('p2', 'out1', 'dm', 'hired'),
];

const READ_BACK_MODELS: Array<[string, () => Projection]> = [
  ['project-directory', () => new ProjectDirectoryProjection()],
  ['session-register', () => new SessionRegisterProjection()],
  ['participant-roster', () => new ParticipantRosterProjection()],
  ['project-entries', () => new ProjectEntriesProjection()],
];

describe.each(READ_BACK_MODELS)('the %s read model', (_name, create) => {
  const specification = projectionSpecification(create);

  it('changes nothing when the same events come again, before or after a restart', () => {
    specification.given(log).thenDeliveringThemAgainChangesNothing();
  });

  it('is the same whether the service restarted in the middle or not', () => {
    const uninterrupted = specification.given(log).dump();
    for (let restart = 1; restart < log.length; restart++) {
      expect({ restart, dump: specification.given(log, { restartingAfter: restart }).dump() }).toEqual({
        restart,
        dump: uninterrupted,
      });
    }
  });
});

describe('the session register', () => {
  const register = projectionSpecification(() => new SessionRegisterProjection());
  const page = { limit: 100 };

  it('counts an attendance recorded again after its retraction once, and nothing of a cancelled session', () => {
    const projection = new SessionRegisterProjection();
    register.given(log).then((readStore) => {
      readStore.prepare(projection);
      expect(projection.sessions('dm', 2022, page).items.map((s) => [s.id, s.cancelled, s.attendances])).toEqual([
        ['s1', false, 2],
        ['s2', true, 0],
      ]);
      expect(projection.attendees('dm', 2022, page).items).toEqual([
        { participantId: 'p1', attendances: 1 },
        { participantId: 'p2', attendances: 1 },
      ]);
      expect(projection.session('s1')!.attendees.map((a) => [a.participantId, a.retracted])).toEqual([
        ['p1', false],
        ['p2', false],
      ]);
      expect(projection.session('s2')!.attendees).toEqual([
        { participantId: 'p1', retracted: true, retractionReason: expect.any(String) },
      ]);
    });
  });
});
