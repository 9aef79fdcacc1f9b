import { startTestApp, type TestApp } from '../support/test-app.js';
import { seedApprovedProject } from '../support/api-fixtures.js';

const CSV = 'text/csv';

describe('POST /api/imports', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
    await seedApprovedProject(app);
  });

  afterEach(() => app.close());

  const importCsv = (kind: string, csv: string | Buffer, query = '') =>
    app.send('POST', `/api/imports?kind=${kind}${query}`, csv, { 'content-type': CSV });

  it('imports attendance rows, registering unknown participants first, and writes nothing the second time', async () => {
    const csv =
      'Séance;Participant;Rôle;Inscrit comme CE\ndm-01;p-1;job-seeker;oui\ndm-01;p-7f3a;;\ndm-01;p-2;citizen;non\n';
    const first = await importCsv('attendances', csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 3, summary: { new: 3, repeat: 0, refused: 0 } });
    const head = await app.head();
    const again = await importCsv('attendances', csv);
    expect(again.body).toMatchObject({ rows: 3, summary: { new: 0, repeat: 3, refused: 0 } });
    expect(await app.head()).toBe(head);
  });
});
