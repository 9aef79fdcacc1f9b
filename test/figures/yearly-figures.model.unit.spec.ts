import { PROGRAMME, mdeScope, projectScope } from '../../src/figures/figure-keys.js';
import { activityFigures, programmeFigures } from '../../src/figures/figures-shapes.js';
import type { ProgrammeEvent } from '../../src/figures/programme-event.js';
import { YearlyFiguresModel } from '../../src/figures/yearly-figures.model.js';
import * as e from '../support/programme-events.js';

function given(events: readonly ProgrammeEvent[]) {
  const model = new YearlyFiguresModel();
  for (const event of events) model.apply(event);
  return {
    project: (projectId: string, year = 2022) => activityFigures(model.figures(projectScope(projectId), year)),
    programme: (year = 2022) => programmeFigures(model.figures(PROGRAMME, year)),
    mde: (mde: string, year = 2022) => programmeFigures(model.figures(mdeScope(mde), year)),
  };
}

const approvedProject = (id: string, mdes = ['forest']) => [e.submitted(id, { mdes }), e.approved(id)];

describe('yearly figures', () => {
  it('counts sessions not cancelled, by kind ("19 dates")', () => {
    const figures = given([
      ...approvedProject('dm'),
      e.held('s1', 'dm', '2022-07-18', 'outreach-stand'),
      e.held('s2', 'dm', '2022-07-19', 'outreach-stand'),
      e.held('s3', 'dm', '2022-07-20', 'information-session'),
      e.cancelled('s2'),
    ]).project('dm');

    expect(figures.sessions).toBe(2);
    expect(figures.sessionsByKind).toEqual({ 'outreach-stand': 1, 'information-session': 1 });
  });

  it('counts distinct participants, and every attendance ("252 participants")', () => {
    const figures = given([
      ...approvedProject('dm'),
      e.registered('p1'),
      e.registered('p2', 'citizen', false),
      e.held('s1', 'dm'),
      e.held('s2', 'dm'),
      e.attended('s1', 'p1'),
      e.attended('s2', 'p1'),
      e.attended('s2', 'p2'),
    ]).project('dm');

    expect(figures.participants).toBe(2);
    expect(figures.attendances).toBe(3);
    expect(figures.attendancesPerParticipant).toBe(1.5);
    expect(figures.participantsByRole).toEqual({ 'job-seeker': 1, citizen: 1 });
    expect(figures.notRegisteredJobSeekers).toBe(1);
  });

  it('excludes the attendances of a cancelled session, and a participant who attended nothing else', () => {
    const figures = given([
      ...approvedProject('dm'),
      e.registered('p1'),
      e.registered('p2', 'citizen', false),
      e.held('s1', 'dm'),
      e.held('s2', 'dm'),
      e.attended('s1', 'p1'),
      e.attended('s2', 'p1'),
      e.attended('s2', 'p2'),
      e.cancelled('s2'),
    ]).project('dm');

    expect([figures.sessions, figures.participants, figures.attendances]).toEqual([1, 1, 1]);
    expect(figures.participantsByRole).toEqual({ 'job-seeker': 1 });
    expect(figures.notRegisteredJobSeekers).toBe(0);
  });

  it('excludes a retracted attendance, and counts it again when it is recorded again', () => {
    const base = [...approvedProject('dm'), e.registered('p1'), e.held('s1', 'dm'), e.attended('s1', 'p1')];
    expect(given([...base, e.retracted('s1', 'p1')]).project('dm')).toMatchObject({ participants: 0, attendances: 0 });
    expect(given([...base, e.retracted('s1', 'p1'), e.attended('s1', 'p1')]).project('dm')).toMatchObject({
      participants: 1,
      attendances: 1,
    });
  });

  it('dates activity by its business date: a late entry counts in its own year', () => {
    const figures = given([
      ...approvedProject('dm'),
      e.registered('p1'),
      e.held('s2023', 'dm', '2023-01-10'),
      e.held('s2022', 'dm', '2022-12-20'), // recorded after January's session
      e.attended('s2022', 'p1'),
    ]);

    expect(figures.project('dm', 2022)).toMatchObject({ sessions: 1, participants: 1 });
    expect(figures.project('dm', 2023)).toMatchObject({ sessions: 1, participants: 0 });
  });

  it('counts participants distinct across the programme, but per project in each project', () => {
    const figures = given([
      ...approvedProject('a', ['forest']),
      ...approvedProject('b', ['uccle']),
      e.registered('p1'),
      e.registered('p2'),
      e.held('sa', 'a'),
      e.held('sb', 'b'),
      e.attended('sa', 'p1'),
      e.attended('sb', 'p1'),
      e.attended('sb', 'p2'),
    ]);

    expect(figures.project('a').participants).toBe(1);
    expect(figures.project('b').participants).toBe(2);
    expect(figures.programme().activity).toMatchObject({ participants: 2, attendances: 3, sessions: 2 });
    expect(figures.mde('forest').activity.participants).toBe(1);
  });

  it('counts distinct things once within the scope reported: a person, a sector, a company', () => {
    const figures = given([
      ...approvedProject('a', ['forest']),
      ...approvedProject('b', ['forest', 'uccle']),
      e.registered('p1', 'job-seeker', false),
      e.registered('p2', 'citizen'),
      e.held('sa', 'a'),
      e.held('sb', 'b'),
      e.attended('sa', 'p1'),
      e.attended('sb', 'p1'),
      e.attended('sb', 'p2'),
      e.stage('p1', 's1', 'a', 'horeca', 'c1'),
      e.stage('p2', 's2', 'b', 'horeca', 'c1'),
      e.stage('p2', 's3', 'b', 'vente', 'c1'),
    ]);
    const acrossBoth = {
      participants: 2,
      attendances: 3,
      participantsByRole: { 'job-seeker': 1, citizen: 1 },
      notRegisteredJobSeekers: 1,
      stages: 3,
      stageSectors: 2,
      stageCompanies: 1,
    };

    expect(figures.project('a')).toMatchObject({ participants: 1, stageSectors: 1, stageCompanies: 1 });
    expect(figures.project('b')).toMatchObject({ participants: 2, stageSectors: 2, stageCompanies: 1 });
    expect(figures.programme().activity).toMatchObject(acrossBoth);
    expect(figures.mde('forest').activity).toMatchObject(acrossBoth);
    expect(figures.mde('uccle').activity).toMatchObject({
      participants: 2,
      attendances: 2,
      participantsByRole: { 'job-seeker': 1, citizen: 1 },
      notRegisteredJobSeekers: 1,
      stages: 2,
      stageSectors: 2,
      stageCompanies: 1,
    });
  });

  it('takes a person out of a scope only when their last attendance in it goes', () => {
    const figures = given([
      ...approvedProject('a', ['forest']),
      ...approvedProject('b', ['forest']),
      e.registered('p1', 'citizen', false),
      e.held('sa', 'a'),
      e.held('sb', 'b'),
      e.attended('sa', 'p1'),
      e.attended('sb', 'p1'),
      e.cancelled('sa'),
    ]);

    expect(figures.project('a')).toMatchObject({ participants: 0, participantsByRole: {}, notRegisteredJobSeekers: 0 });
    expect(figures.mde('forest').activity).toMatchObject({
      participants: 1,
      participantsByRole: { citizen: 1 },
      notRegisteredJobSeekers: 1,
    });
  });

  it('counts stages, their distinct sectors and companies ("31 stages dans 16 secteurs")', () => {
    const figures = given([
      ...approvedProject('duo'),
      e.registered('p1'),
      e.registered('p2'),
      e.stage('p1', 's1', 'duo', 'horeca', 'c1'),
      e.stage('p2', 's2', 'duo', 'Horeca ', 'c2'),
      e.stage('p2', 's3', 'duo', 'vente', 'c1'),
      e.stage('p2', 's4', 'duo', 'vente', 'c1', '2023-02-01'),
    ]).project('duo');

    expect([figures.stages, figures.stageSectors, figures.stageCompanies]).toEqual([3, 2, 2]);
  });

  it('sums outreach by audience, and counts outcomes by type', () => {
    const figures = given([
      ...approvedProject('duo'),
      e.registered('p1'),
      e.outreach('duo', 'o1', 'people', 100),
      e.outreach('duo', 'o2', 'people', 80),
      e.outreach('duo', 'o3', 'companies', 140),
      e.outcome('p1', 'out1', 'duo', 'professional-project-defined'),
      e.outcome('p1', 'out2', 'duo', 'hired', '2023-01-05'),
    ]).project('duo');

    expect(figures.outreach).toEqual({ people: 180, companies: 140 });
    expect(figures.outcomes).toEqual({ 'professional-project-defined': 1 });
  });

  it('counts projects of the programme by their year, carrier, audience, kind and theme', () => {
    const programme = given([
      e.submitted('a', {
        carrier: { name: 'Commune', type: 'commune' },
        audience: 'all-job-seekers',
        targetsPartners: true,
      }),
      e.submitted('b', { kind: 'thematic', theme: 'fracture-numerique' }),
      e.submitted('c', { carrier: { name: 'ALE', type: 'ale' } }),
      e.submitted('d', { year: 2023 }),
      e.approved('a'),
      e.approved('b'),
      e.rejected('c'),
    ]).programme();

    expect(programme.projects.submitted).toEqual({
      count: 3,
      byCarrierType: { ale: 1, commune: 1, cpas: 1 },
      byAudience: { 'all-job-seekers': 1, specific: 2 },
      targetsPartners: 1,
      byKind: { local: 2, thematic: 1 },
      byTheme: { 'fracture-numerique': 1 },
    });
    expect(programme.projects.approved.count).toBe(2);
    expect(programme.projects.approved.byCarrierType).toEqual({ commune: 1, cpas: 1 });
    expect(programme.projects.rejected).toBe(1);
  });

  it('gives an MDE the figures of the projects it takes part in only', () => {
    const figures = given([
      ...approvedProject('a', ['forest', 'uccle']),
      ...approvedProject('b', ['uccle']),
      e.held('sa', 'a'),
      e.held('sb', 'b'),
    ]);

    expect(figures.mde('forest').projects.approved.count).toBe(1);
    expect(figures.mde('forest').activity.sessions).toBe(1);
    expect(figures.mde('uccle').activity.sessions).toBe(2);
  });

  it('ignores a repeated fact instead of counting it twice', () => {
    const figures = given([
      ...approvedProject('dm'),
      e.approved('dm'),
      e.registered('p1'),
      e.held('s1', 'dm'),
      e.held('s1', 'dm'),
      e.attended('s1', 'p1'),
      e.attended('s1', 'p1'),
      e.cancelled('s1'),
      e.cancelled('s1'),
    ]);

    expect(figures.programme().projects.approved.count).toBe(1);
    expect(figures.project('dm')).toMatchObject({ sessions: 0, attendances: 0, participants: 0 });
  });
});
