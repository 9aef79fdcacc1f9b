import { PROGRAMME, mdeScope, projectScope } from '../../src/figures/figure-keys.js';
import { FiguresReader } from '../../src/figures/figures.reader.js';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import { YearlyFiguresModel } from '../../src/figures/yearly-figures.model.js';
import { YearlyFiguresProjection } from '../../src/figures/yearly-figures.projection.js';
import * as e from '../support/programme-events.js';
import { projectionSpecification } from '../support/projection-specification.js';

const figuresProjection = projectionSpecification(() => new YearlyFiguresProjection());

/** Two projects sharing an MDE and a participant, corrections, stages, outreach, a late entry and a 2023 session. */
const log: ProgrammeEvent[] = [
  e.submitted('dm', { mdes: ['forest', 'jette'] }),
  e.submitted('duo', { mdes: ['forest'], kind: 'thematic', theme: 'fracture-numerique' }),
  e.submitted('no', { mdes: ['uccle'] }),
  e.approved('dm'),
  e.approved('duo'),
  e.rejected('no'),
  e.registered('p1'),
  e.registered('p2', 'citizen', false),
  e.held('s1', 'dm', '2022-07-18', 'outreach-stand'),
  e.held('s2', 'dm', '2022-07-19', 'outreach-stand'),
  e.held('s3', 'duo', '2022-08-01'),
  e.attended('s1', 'p1'),
  e.attended('s2', 'p1'),
  e.attended('s2', 'p2'),
  e.attended('s3', 'p1'),
  e.outreach('duo', 'o1', 'people', 180),
  e.cancelled('s2'),
  e.retracted('s1', 'p1'),
  e.attended('s1', 'p2'),
  e.stage('p1', 'st1', 'duo', 'horeca', 'c1'),
  e.stage('p2', 'st2', 'dm', 'Horeca', 'c2'),
  e.outcome('p2', 'out1', 'duo', 'hired'),
  e.held('s0', 'dm', '2022-12-20'),
  e.held('s4', 'dm', '2023-01-10'),
  e.attended('s4', 'p2'),
];

const scopes = [
  PROGRAMME,
  projectScope('dm'),
  projectScope('duo'),
  mdeScope('forest'),
  mdeScope('jette'),
  mdeScope('uccle'),
];

describe('the yearly figures projection', () => {
  it('writes the counters of every scope and year as the model counts them', () => {
    const model = new YearlyFiguresModel();
    for (const event of log) model.apply(event);

    figuresProjection.given(log).then((readStore) => {
      const reader = new FiguresReader(readStore);
      for (const scope of scopes) {
        for (const year of [2022, 2023]) {
          expect({ scope, year, values: reader.figures(scope, year) }).toEqual({
            scope,
            year,
            values: new Map([...model.figures(scope, year)].filter(([, value]) => value !== 0)),
          });
        }
      }
      expect(reader.figures(mdeScope('forest'), 2022).get('participants')).toBe(2);
    });
  });

  it('counts on after a restart at any event as if it had never stopped', () => {
    const uninterrupted = figuresProjection.given(log).dump();
    for (let restart = 1; restart < log.length; restart++) {
      expect({ restart, read: figuresProjection.given(log, { restartingAfter: restart }).dump() }).toEqual({
        restart,
        read: uninterrupted,
      });
    }
  });

  it('counts an event delivered twice once', () => {
    figuresProjection.given(log).thenDeliveringThemAgainChangesNothing();
  });

  it('journals each counted event under the year and project it counts for', () => {
    figuresProjection.given(log).then((readStore) => {
      const journal = readStore.db
        .prepare('SELECT year, project_id, type FROM figures_journal ORDER BY position')
        .raw()
        .all() as Array<[number, string, string]>;
      expect(journal).toHaveLength(log.length - 2); // the registrations count nowhere by themselves
      expect(journal.filter(([year]) => year === 2023)).toEqual([
        [2023, 'dm', 'SessionHeld'],
        [2023, 'dm', 'ParticipantAttended'],
      ]);
      expect(journal.find(([, , type]) => type === 'StageObtained')).toEqual([2022, 'duo', 'StageObtained']);
    });
  });
});
