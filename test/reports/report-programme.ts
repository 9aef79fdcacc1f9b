import type { LightMyRequestResponse } from 'fastify';
import { participantBody, projectBody, seedApprovedProject } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Raw bytes of an answer: the harness parses JSON, a report needs its exact bytes. */
export async function fetchBytes(app: TestApp, url: string, accept: string): Promise<LightMyRequestResponse> {
  return app.app
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: 'GET',
      url,
      headers: { accept, authorization: `Bearer ${app.adminToken}` },
    });
}

/**
 * The app the report tests read, on 2023-01-10: two approved projects of 2022
 * (DigiMobile, thematic; Duo Dynamique, local) with a narrative, attendances,
 * outreach and a stage.
 */
export async function startReportApp(): Promise<TestApp> {
  const app = await startTestApp({ today: '2023-01-10' });
  await seedApprovedProject(app);
  await app.post('/api/projects/digimobile-2022/narrative', {
    year: 2022,
    text: 'Un bus a stationné dans cinq communes.',
  });
  await app.post(
    '/api/projects',
    projectBody('duo-2022', {
      title: 'Duo Dynamique',
      kind: 'local',
      theme: undefined,
      mdes: ['forest'],
      carrier: { name: 'CPAS de Forest', type: 'cpas' },
      audience: 'specific',
    }),
  );
  await app.post('/api/projects/duo-2022/decision', { decision: 'approved' });
  await app.post('/api/projects/duo-2022/outreach', {
    id: 'o-1',
    date: '2022-03-01',
    audience: 'people',
    count: 180,
  });
  await app.post('/api/projects/duo-2022/outreach', {
    id: 'o-2',
    date: '2022-03-02',
    audience: 'companies',
    count: 140,
  });
  for (const id of ['p-2', 'p-3'])
    await app.post('/api/participants', participantBody(id, { role: 'citizen', registeredJobSeeker: false }));
  for (const id of ['p-7f3a', 'p-2', 'p-3']) await app.post('/api/sessions/dm-01/attendances', { participantId: id });
  await app.post('/api/participants/p-7f3a/stages', {
    id: 's-1',
    projectId: 'duo-2022',
    startDate: '2022-10-03',
    sector: 'horeca',
    companyId: 'c-1',
  });
  return app;
}
