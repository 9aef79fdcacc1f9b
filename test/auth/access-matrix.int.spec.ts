import type { EventStore } from '../../src/event-store/event-store.port.js';
import { EVENT_STORE } from '../../src/event-store/event-store.port.js';
import { participantBody, projectBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Column = 'coordinator' | 'partnerIn' | 'partnerOut' | 'auditor' | 'none' | 'revoked';
const COLUMNS: Column[] = ['coordinator', 'partnerIn', 'partnerOut', 'auditor', 'none', 'revoked'];

interface Row {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: (column: Column) => string;
  readonly body?: (column: Column) => unknown;
  /** Statuses for coordinator, partner in scope, partner out of scope, auditor, no token, revoked token. */
  readonly expected: readonly [number, number, number, number, number, number];
}

/** The project every row targets: a partner of Forest is in scope, a partner of Ixelles is not. */
const PROJECT = 'in-2022';
const local = (id: string) => projectBody(id, { mdes: ['forest'], kind: 'local', theme: undefined });

const ROWS: Row[] = [
  {
    name: 'submit a project',
    method: 'POST',
    path: () => '/api/projects',
    body: (c) => local(`new-${c}`),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'decide a project',
    method: 'POST',
    path: (c) => `/api/projects/decide-${c}/decision`,
    body: () => ({ decision: 'approved' }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  {
    name: 'record outreach',
    method: 'POST',
    path: () => `/api/projects/${PROJECT}/outreach`,
    body: (c) => ({ id: `o-${c}`, date: '2022-09-01', audience: 'people', count: 3 }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'write a narrative',
    method: 'POST',
    path: () => `/api/projects/${PROJECT}/narrative`,
    body: (c) => ({ year: 2022, text: `Récit ${c}` }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'read a project',
    method: 'GET',
    path: () => `/api/projects/${PROJECT}`,
    expected: [200, 200, 403, 200, 401, 401],
  },
  {
    name: 'record a session',
    method: 'POST',
    path: () => '/api/sessions',
    body: (c) => ({ id: `s-${c}`, projectId: PROJECT, date: '2022-07-18', kind: 'workshop' }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'cancel a session',
    method: 'POST',
    path: (c) => `/api/sessions/cancel-${c}/cancellation`,
    body: () => ({ reason: 'storm' }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'record an attendance',
    method: 'POST',
    path: () => '/api/sessions/held/attendances',
    body: (c) => ({ participantId: `p-${c}` }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'retract an attendance',
    method: 'POST',
    path: (c) => `/api/sessions/held/attendances/r-${c}/retraction`,
    body: () => ({ reason: 'mistake' }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'register a participant',
    method: 'POST',
    path: () => '/api/participants',
    body: (c) => participantBody(`new-${c}`),
    expected: [201, 201, 201, 403, 401, 401],
  },
  {
    name: 'record a stage',
    method: 'POST',
    path: () => '/api/participants/p-1/stages',
    body: (c) => ({ id: `st-${c}`, projectId: PROJECT, startDate: '2022-10-03', sector: 'horeca', companyId: 'c-1' }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'record an outcome',
    method: 'POST',
    path: () => '/api/participants/p-1/outcomes',
    body: (c) => ({ id: `oc-${c}`, projectId: PROJECT, type: 'hired', date: '2022-11-30' }),
    expected: [201, 201, 403, 403, 401, 401],
  },
  {
    name: 'read the programme figures',
    method: 'GET',
    path: () => '/api/figures/2022',
    expected: [200, 403, 403, 200, 401, 401],
  },
  {
    name: 'read a project’s figures',
    method: 'GET',
    path: () => `/api/figures/2022/projects/${PROJECT}`,
    expected: [200, 200, 403, 200, 401, 401],
  },
  {
    name: 'read an MDE’s figures',
    method: 'GET',
    path: () => '/api/figures/2022/mdes/forest',
    expected: [200, 200, 403, 200, 401, 401],
  },
  {
    name: 'issue a token',
    method: 'POST',
    path: () => '/api/tokens',
    body: (c) => ({ role: 'auditor', label: `made by ${c}` }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  { name: 'list the tokens', method: 'GET', path: () => '/api/tokens', expected: [200, 403, 403, 403, 401, 401] },
  {
    name: 'revoke a token',
    method: 'DELETE',
    path: (c) => `/api/tokens/{victim-${c}}`,
    expected: [200, 403, 403, 403, 401, 401],
  },
  { name: 'health', method: 'GET', path: () => '/health', expected: [200, 200, 200, 200, 200, 200] },
  { name: 'liveness', method: 'GET', path: () => '/health/live', expected: [200, 200, 200, 200, 200, 200] },
  { name: 'readiness', method: 'GET', path: () => '/health/ready', expected: [200, 200, 200, 200, 200, 200] },
  // Business volumes: a token of any role, unless METRICS_PUBLIC=true.
  { name: 'metrics', method: 'GET', path: () => '/metrics', expected: [200, 200, 200, 200, 401, 401] },
  { name: 'OpenAPI', method: 'GET', path: () => '/api/docs-json', expected: [200, 200, 200, 200, 200, 200] },
];

describe('who may do what: every route for every kind of caller', () => {
  let app: TestApp;
  let store: EventStore;
  const tokens = new Map<string, string>();
  const victims = new Map<Column, string>();

  const issue = async (body: object): Promise<{ id: string; token: string }> => {
    const response = await app.post('/api/tokens', body);
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string };
  };

  beforeAll(async () => {
    app = await startTestApp();
    store = app.app.get<EventStore>(EVENT_STORE);
    const setup: Array<[string, unknown]> = [
      ['/api/projects', local(PROJECT)],
      [`/api/projects/${PROJECT}/decision`, { decision: 'approved' }],
      ['/api/participants', participantBody('p-1')],
      ['/api/sessions', { id: 'held', projectId: PROJECT, date: '2022-07-18', kind: 'workshop' }],
    ];
    for (const column of COLUMNS) {
      setup.push(['/api/projects', local(`decide-${column}`)]);
      setup.push([
        '/api/sessions',
        { id: `cancel-${column}`, projectId: PROJECT, date: '2022-07-18', kind: 'workshop' },
      ]);
      setup.push(['/api/participants', participantBody(`p-${column}`)]);
      setup.push(['/api/participants', participantBody(`r-${column}`)]);
      setup.push(['/api/sessions/held/attendances', { participantId: `r-${column}` }]);
    }
    for (const [url, body] of setup) expect((await app.post(url, body)).status).toBe(201);

    tokens.set('coordinator', app.adminToken);
    tokens.set('partnerIn', (await issue({ role: 'partner', mdes: ['forest'], label: 'MDE Forest' })).token);
    tokens.set('partnerOut', (await issue({ role: 'partner', mdes: ['ixelles'], label: 'MDE Ixelles' })).token);
    tokens.set('auditor', (await issue({ role: 'auditor', label: 'Audit' })).token);
    const revoked = await issue({ role: 'coordinator', label: 'Former coordinator' });
    expect((await app.send('DELETE', `/api/tokens/${revoked.id}`, '', {})).status).toBe(200);
    tokens.set('revoked', revoked.token);
    for (const column of COLUMNS) victims.set(column, (await issue({ role: 'auditor', label: `victim ${column}` })).id);
  });

  afterAll(async () => {
    await app.close();
  });

  const cases = ROWS.flatMap((row) => COLUMNS.map((column, i) => [row.name, column, row.expected[i]!, row] as const));

  it.each(cases)('%s as %s answers %i', async (_name, column, expected, row) => {
    const token = tokens.get(column);
    const headers = { authorization: token ? `Bearer ${token}` : '' };
    const path = row.path(column).replace(/\{victim-(\w+)\}/, (_, c: Column) => victims.get(c)!);
    const before = await store.headPosition();

    const response =
      row.method === 'GET'
        ? await app.get(path, headers)
        : row.method === 'DELETE'
          ? await app.send('DELETE', path, '', headers)
          : await app.post(path, row.body?.(column) ?? {}, headers);

    expect(response.status).toBe(expected);
    if (expected >= 400) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await store.headPosition()).toBe(before);
    }
    if (expected === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });
});
