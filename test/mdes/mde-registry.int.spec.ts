import { projectBody } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The registry of MDEs (api.md, "Security"; domain.md, "Rules"). */
describe('the MDE registry', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp({ registerMdes: false });
  });
  afterEach(async () => {
    await app.close();
  });

  const forest = { id: 'forest', name: { fr: 'Forest', nl: 'Vorst' } };
  const uccle = { id: 'uccle', name: { fr: 'Uccle', nl: 'Ukkel' } };
  const local = (id: string, mdes: string[]) => projectBody(id, { mdes, kind: 'local', theme: undefined });
  const partnerOf = async (...mdes: string[]) => {
    const issued = await app.post('/api/tokens', { role: 'partner', mdes, label: mdes.join(' ') });
    expect(issued.status).toBe(201);
    return { authorization: `Bearer ${String(issued.body.token)}` };
  };

  it('registers an MDE with its French and Dutch names, renames it, and lists it to every role', async () => {
    expect((await app.post('/api/mdes', forest)).status).toBe(201);
    expect((await app.post('/api/mdes', forest)).status).toBe(200);
    const renamed = await app.post('/api/mdes', { id: 'forest', name: { fr: 'Forest', nl: 'Vorst (Brussel)' } });
    expect(renamed.status).toBe(201);

    const partner = await partnerOf('forest');
    const listed = await app.get(`/api/mdes?minPosition=${String(renamed.body.position)}`, partner);
    expect(listed.body.mdes).toEqual([
      {
        id: 'forest',
        name: { fr: 'Forest', nl: 'Vorst (Brussel)' },
        registeredAt: expect.any(String),
        registeredBy: 'admin',
      },
    ]);
  });

  it('refuses a project or a partner token naming an MDE that is not registered, naming it', async () => {
    await app.post('/api/mdes', forest);
    await expectRefusal(
      app,
      () => app.post('/api/projects', local('atlantis-2022', ['forest', 'atlantis'])),
      422,
      /The MDE atlantis is not registered/,
    );
    await expectRefusal(
      app,
      () => app.post('/api/tokens', { role: 'partner', mdes: ['atlantis', 'lemuria'], label: 'nowhere' }),
      422,
      /The MDEs atlantis, lemuria are not registered/,
    );
    expect((await app.post('/api/projects', local('forest-2022', ['forest']))).status).toBe(201);
  });

  it('lets a partner submit only for MDEs within its scope; a joint project needs a scope covering all', async () => {
    await app.post('/api/mdes', forest);
    await app.post('/api/mdes', uccle);
    const ofForest = await partnerOf('forest');
    const ofBoth = await partnerOf('forest', 'uccle');

    await expectRefusal(
      app,
      () => app.post('/api/projects', local('joint-2022', ['forest', 'uccle']), ofForest),
      403,
      /outside this token's scope/,
    );
    expect((await app.post('/api/projects', local('joint-2022', ['forest', 'uccle']), ofBoth)).status).toBe(201);
    expect((await app.post('/api/projects', local('own-2022', ['forest']), ofForest)).status).toBe(201);
  });

  it('refuses a malformed registration, naming the field', async () => {
    const refused = await expectRefusal(
      app,
      () => app.post('/api/mdes', { id: 'Forest Ville', name: { fr: 'Forest' } }),
      400,
      /id: .*MDE slug/,
    );
    expect(refused.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'id' }), expect.objectContaining({ field: 'name.nl' })]),
    );
  });
});
