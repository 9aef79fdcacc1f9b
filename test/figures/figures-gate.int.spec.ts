import { jest } from '@jest/globals';
import { FiguresHistory } from '../../src/figures/history/figures-history.js';
import { participantBody, projectBody, recordAll, seedApprovedProject, sessionBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * DigiMobile (five MDEs, forest among them) and Duo (forest only) share a
 * participant: in forest's figures and the programme's, that person counts
 * once, by role too, and provenance lists them once.
 */
describe('the figures read side', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp({ today: '2023-01-05' });
    await seedApprovedProject(app);
    await recordAll(app.post, [
      ['/api/projects', projectBody('duo-2022', { title: 'Duo', mdes: ['forest'], kind: 'local', theme: undefined })],
      ['/api/projects/duo-2022/decision', { decision: 'approved' }],
      ['/api/participants', participantBody('p-2', { role: 'citizen', registeredJobSeeker: false })],
      ['/api/sessions', sessionBody('duo-01', { projectId: 'duo-2022' })],
      ['/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }],
      ['/api/sessions/duo-01/attendances', { participantId: 'p-7f3a' }],
      ['/api/sessions/duo-01/attendances', { participantId: 'p-2' }],
    ]);
  });
  afterEach(async () => {
    await app.close();
  });

  it('counts a person once in an MDE and in the programme, by role too, and provenance lists them once', async () => {
    for (const path of ['/api/figures/2022', '/api/figures/2022/mdes/forest']) {
      const { activity } = (await app.get(path)).body as { activity: Record<string, unknown> };
      expect([path, activity]).toEqual([
        path,
        expect.objectContaining({
          participants: 2,
          attendances: 3,
          participantsByRole: { 'job-seeker': 1, citizen: 1 },
          notRegisteredJobSeekers: 1,
        }),
      ]);
      const provenance = await app.get(`${path}/provenance?figure=participantsByRole.job-seeker`);
      expect([path, provenance.body]).toEqual([
        path,
        expect.objectContaining({ value: 1, events: [expect.objectContaining({ item: 'p-7f3a', counts: 1 })] }),
      ]);
    }
  });

  it('refuses before it replays: a partner asking for a past state outside its scope costs no replay', async () => {
    const issued = await app.post('/api/tokens', { role: 'partner', mdes: ['uccle'], label: 'MDE Uccle' });
    const partner = { authorization: `Bearer ${String(issued.body.token)}` };
    const position = String(issued.body.position);
    const history = app.app.get(FiguresHistory);
    const replay = jest.spyOn(history, 'replay');

    const refused = [
      `/api/figures/2022/projects/duo-2022?asOf=2023-01-05T12:00:00Z&minPosition=${position}`,
      `/api/figures/2022/mdes/forest?atPosition=3&minPosition=${position}`,
      `/api/figures/2022?atPosition=3&minPosition=${position}`,
      `/api/figures/2022/provenance?figure=participants&minPosition=${position}`,
      `/api/figures/2022/mdes/forest/provenance?figure=participants&minPosition=${position}`,
      `/api/figures/2022/projects/duo-2022/provenance?figure=sessions&minPosition=${position}`,
      `/api/figures/2022/corrections?minPosition=${position}`,
    ];
    for (const url of refused) expect([url, (await app.get(url, partner)).status]).toEqual([url, 403]);
    for (const url of [
      '/api/figures/2022/projects/nope?asOf=2023-01-05T12:00:00Z',
      '/api/figures/2022/mdes/nowhere/provenance?figure=participants',
    ])
      expect([url, (await app.get(url)).status]).toEqual([url, 404]);
    expect(replay).not.toHaveBeenCalled();

    expect((await app.get('/api/figures/2022/mdes/forest?atPosition=3')).status).toBe(200);
    expect(replay).toHaveBeenCalledTimes(1);
  });
});
