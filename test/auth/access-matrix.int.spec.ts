import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_DIR } from '../../src/http/web-app.js';
import { participantBody, projectBody, recordAll } from '../support/api-fixtures.js';
import { expectRefusal } from '../support/refusal.js';
import { registeredRoutes } from '../support/registered-routes.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

type Column = 'coordinator' | 'partnerIn' | 'partnerOut' | 'auditor' | 'none' | 'revoked';
const COLUMNS: Column[] = ['coordinator', 'partnerIn', 'partnerOut', 'auditor', 'none', 'revoked'];

interface Row {
  /** The route as the OpenAPI description names it: `METHOD /path/{param}`. */
  readonly route: string;
  readonly path: (column: Column) => string;
  readonly body?: (column: Column) => unknown;
  /** A file as the body instead of JSON (imports). */
  readonly file?: (column: Column) => { readonly contentType: string; readonly payload: string };
  /** Statuses for coordinator, partner in scope, partner out of scope, auditor, no token, revoked token. */
  readonly expected: readonly [number, number, number, number, number, number];
}

/** The project every row targets: a partner of Forest is in scope, a partner of Ixelles is not. */
const PROJECT = 'in-2022';
/** A project of another MDE, with activity of its own: nothing of it may reach the partner of Forest. */
const OTHER = 'elsewhere-2022';
const OTHER_MARKERS = [OTHER, 'uccle', 'p-elsewhere', 's-elsewhere'];
const local = (id: string, mde = 'forest') => projectBody(id, { mdes: [mde], kind: 'local', theme: undefined });

const COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE = [201, 201, 403, 403, 401, 401] as const;
const READ_BY_ALL_IN_SCOPE = [200, 200, 403, 200, 401, 401] as const;
const READ_BY_COORDINATORS_AND_AUDITORS = [200, 403, 403, 200, 401, 401] as const;
const COORDINATORS_ONLY = [200, 403, 403, 403, 401, 401] as const;
const OPEN = [200, 200, 200, 200, 200, 200] as const;
const STATIC_FILE = 'GET /{file}';

const ROWS: Row[] = [
  {
    route: 'POST /api/projects',
    path: () => '/api/projects',
    body: (c) => local(`new-${c}`),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/projects/{id}/decision',
    path: (c) => `/api/projects/decide-${c}/decision`,
    body: () => ({ decision: 'approved' }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  {
    route: 'POST /api/projects/{id}/outreach',
    path: () => `/api/projects/${PROJECT}/outreach`,
    body: (c) => ({ id: `o-${c}`, date: '2022-09-01', audience: 'people', count: 3 }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/projects/{id}/narrative',
    path: () => `/api/projects/${PROJECT}/narrative`,
    body: (c) => ({ year: 2022, text: `Récit ${c}` }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  { route: 'GET /api/projects/{id}', path: () => `/api/projects/${PROJECT}`, expected: READ_BY_ALL_IN_SCOPE },
  // A partner of another MDE lists the projects too: its own, none of Forest's.
  { route: 'GET /api/projects', path: () => '/api/projects?year=2022', expected: [200, 200, 200, 200, 401, 401] },
  ...(['sessions', 'participants', 'stages', 'outreach', 'outcomes'] as const).map((list) => ({
    route: `GET /api/projects/{id}/${list}`,
    path: () => `/api/projects/${PROJECT}/${list}?year=2022`,
    expected: READ_BY_ALL_IN_SCOPE,
  })),
  { route: 'GET /api/sessions/{id}', path: () => '/api/sessions/held', expected: READ_BY_ALL_IN_SCOPE },
  // Participants are pseudonymous and not bound to an MDE (api.md): every role reads them.
  {
    route: 'GET /api/participants/{id}',
    path: () => '/api/participants/p-1',
    expected: [200, 200, 200, 200, 401, 401],
  },
  {
    route: 'POST /api/sessions',
    path: () => '/api/sessions',
    body: (c) => ({ id: `s-${c}`, projectId: PROJECT, date: '2022-07-18', kind: 'workshop' }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/sessions/{id}/cancellation',
    path: (c) => `/api/sessions/cancel-${c}/cancellation`,
    body: () => ({ reason: 'storm' }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/sessions/{id}/attendances',
    path: () => '/api/sessions/held/attendances',
    body: (c) => ({ participantId: `p-${c}` }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/sessions/{id}/attendances/{participantId}/retraction',
    path: (c) => `/api/sessions/held/attendances/r-${c}/retraction`,
    body: () => ({ reason: 'mistake' }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/participants',
    path: () => '/api/participants',
    body: (c) => participantBody(`new-${c}`),
    expected: [201, 201, 201, 403, 401, 401],
  },
  {
    route: 'POST /api/participants/{id}/stages',
    path: () => '/api/participants/p-1/stages',
    body: (c) => ({ id: `st-${c}`, projectId: PROJECT, startDate: '2022-10-03', sector: 'horeca', companyId: 'c-1' }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  {
    route: 'POST /api/participants/{id}/outcomes',
    path: () => '/api/participants/p-1/outcomes',
    body: (c) => ({ id: `oc-${c}`, projectId: PROJECT, type: 'hired', date: '2022-11-30' }),
    expected: COMMANDS_ALLOWED_TO_PARTNERS_IN_SCOPE,
  },
  { route: 'GET /api/figures/{year}', path: () => '/api/figures/2022', expected: READ_BY_COORDINATORS_AND_AUDITORS },
  {
    route: 'GET /api/figures/{year}/projects/{projectId}',
    path: () => `/api/figures/2022/projects/${PROJECT}`,
    expected: READ_BY_ALL_IN_SCOPE,
  },
  {
    route: 'GET /api/figures/{year}/mdes/{mde}',
    path: () => '/api/figures/2022/mdes/forest',
    expected: READ_BY_ALL_IN_SCOPE,
  },
  {
    route: 'GET /api/figures/{year}/provenance',
    path: () => '/api/figures/2022/provenance?figure=participants',
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  {
    route: 'GET /api/figures/{year}/projects/{projectId}/provenance',
    path: () => `/api/figures/2022/projects/${PROJECT}/provenance?figure=participants`,
    expected: READ_BY_ALL_IN_SCOPE,
  },
  {
    route: 'GET /api/figures/{year}/mdes/{mde}/provenance',
    path: () => '/api/figures/2022/mdes/forest/provenance?figure=sessions',
    expected: READ_BY_ALL_IN_SCOPE,
  },
  {
    route: 'GET /api/figures/{year}/corrections',
    path: () => '/api/figures/2022/corrections',
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  { route: 'GET /api/events', path: () => '/api/events?limit=5', expected: READ_BY_COORDINATORS_AND_AUDITORS },
  {
    route: 'GET /api/streams/{stream}',
    path: () => `/api/streams/project-${PROJECT}`,
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  { route: 'GET /api/audit/ledger', path: () => '/api/audit/ledger', expected: READ_BY_COORDINATORS_AND_AUDITORS },
  {
    route: 'GET /api/audit/ledger/anchors/{position}',
    path: () => `/api/audit/ledger/anchors/3?hash=${encodeURIComponent('ab12 '.repeat(16).trim())}`,
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  { route: 'POST /api/audit/rebuild', path: () => '/api/audit/rebuild', expected: COORDINATORS_ONLY },
  { route: 'GET /api/reports/{year}', path: () => '/api/reports/2022', expected: READ_BY_COORDINATORS_AND_AUDITORS },
  {
    route: 'POST /api/reports/{year}/publications',
    path: () => '/api/reports/2022/publications',
    body: () => ({ lang: 'fr' }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  {
    route: 'GET /api/reports/{year}/publications',
    path: () => '/api/reports/2022/publications',
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  {
    route: 'GET /api/reports/{year}/publications/{n}',
    path: () => '/api/reports/2022/publications/1',
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  {
    route: 'GET /api/reports/{year}/publications/{n}/changes',
    path: () => '/api/reports/2022/publications/1/changes',
    expected: READ_BY_COORDINATORS_AND_AUDITORS,
  },
  {
    route: 'POST /api/tokens',
    path: () => '/api/tokens',
    body: (c) => ({ role: 'auditor', label: `made by ${c}` }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  { route: 'GET /api/tokens', path: () => '/api/tokens', expected: COORDINATORS_ONLY },
  { route: 'DELETE /api/tokens/{id}', path: (c) => `/api/tokens/{victim-${c}}`, expected: COORDINATORS_ONLY },
  {
    route: 'POST /api/mdes',
    path: () => '/api/mdes',
    body: (c) => ({ id: `mde-${c.toLowerCase()}`, name: { fr: `MDE ${c}`, nl: `MDE ${c}` } }),
    expected: [201, 403, 403, 403, 401, 401],
  },
  { route: 'GET /api/mdes', path: () => '/api/mdes', expected: [200, 200, 200, 200, 401, 401] },
  // Signing in needs no token in the header: the body's token is the column's (none: a made-up one).
  { route: 'POST /api/session', path: () => '/api/session', expected: [204, 204, 204, 204, 401, 401] },
  { route: 'GET /api/session', path: () => '/api/session', expected: [200, 200, 200, 200, 401, 401] },
  { route: 'DELETE /api/session', path: () => '/api/session', expected: [204, 204, 204, 204, 401, 401] },
  {
    // The scope is checked row by row: out of scope, the answer is 200 with every row refused (403).
    route: 'POST /api/imports',
    path: () => '/api/imports?kind=sessions',
    file: (c) => ({
      contentType: 'text/csv',
      payload: `id;projectId;date;kind\nimp-${c};${PROJECT};18/07/2022;workshop\n`,
    }),
    expected: [200, 200, 200, 403, 401, 401],
  },
  { route: 'GET /api/imports', path: () => '/api/imports', expected: [200, 200, 200, 200, 401, 401] },
  {
    route: 'GET /api/imports/templates/{file}',
    path: () => '/api/imports/templates/attendances.csv?lang=nl',
    expected: [200, 200, 200, 200, 401, 401],
  },
  { route: 'GET /health', path: () => '/health', expected: OPEN },
  { route: 'GET /health/live', path: () => '/health/live', expected: OPEN },
  { route: 'GET /health/ready', path: () => '/health/ready', expected: OPEN },
  // Business volumes: a token of any role, unless METRICS_PUBLIC=true.
  { route: 'GET /metrics', path: () => '/metrics', expected: [200, 200, 200, 200, 401, 401] },
  // The API's description and its page: the routes, no data.
  { route: 'GET /api/docs-json', path: () => '/api/docs-json', expected: OPEN },
  { route: 'GET /api/docs-yaml', path: () => '/api/docs-yaml', expected: OPEN },
  { route: 'GET /api/docs', path: () => '/api/docs', expected: OPEN },
  // The web app's page, at / and at every screen's URL: it holds no data (the API it calls is checked above).
  { route: 'GET /', path: () => '/', expected: OPEN },
  { route: 'GET /{screen}', path: () => `/projects/${OTHER}`, expected: OPEN },
  // The files built with the web app, and those of the API page, served as they are.
  { route: STATIC_FILE, path: () => `/assets/${readdirSync(join(WEB_APP_DIR, 'assets'))[0]!}`, expected: OPEN },
];

/**
 * A route as the matrix names it: one row stands for every file served as it is, and the web
 * app's catch-all route (`/*`) for every screen's URL.
 */
const rowOf = (route: string): string =>
  route === 'GET /*' ? 'GET /{screen}' : /^GET \/(assets\/|index\.html$|api\/docs\/)/.test(route) ? STATIC_FILE : route;

/** Why a request is refused, by status and column: the rule the problem details must name. */
const refusalRule = (status: number, column: Column, route?: string): RegExp =>
  status === 401 && route === 'GET /metrics'
    ? /\/metrics needs a token/
    : status === 401 && route === 'POST /api/session'
      ? /The token is unknown or revoked/
      : status === 401
        ? column === 'none'
          ? /A bearer token is required/
          : /The token is unknown or revoked/
        : /needs the role|outside this token's scope|cover every MDE/;

describe('who may do what: every route for every kind of caller', () => {
  let app: TestApp;
  const tokens = new Map<string, string>();
  const victims = new Map<Column, string>();

  const issue = async (body: object): Promise<{ id: string; token: string }> => {
    const response = await app.post('/api/tokens', body);
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string };
  };
  const as = (column: Column) => {
    const token = tokens.get(column);
    return { authorization: token ? `Bearer ${token}` : '' };
  };
  const request = (row: Row, column: Column): Promise<TestResponse> => {
    const path = row.path(column).replace(/\{victim-(\w+)\}/, (_, c: Column) => victims.get(c)!);
    const method = row.route.split(' ')[0]!;
    if (method === 'GET') return app.get(path, as(column));
    if (method === 'DELETE') return app.send('DELETE', path, '', as(column));
    if (row.route === 'POST /api/session')
      return app.post(path, { token: tokens.get(column) ?? 'made-up' }, as(column));
    const file = row.file?.(column);
    if (file) return app.send('POST', path, file.payload, { 'content-type': file.contentType, ...as(column) });
    return app.post(path, row.body?.(column) ?? {}, as(column));
  };

  beforeAll(async () => {
    app = await startTestApp();
    const setup: Array<readonly [string, unknown]> = [
      ['/api/projects', local(PROJECT)],
      [`/api/projects/${PROJECT}/decision`, { decision: 'approved' }],
      ['/api/participants', participantBody('p-1')],
      ['/api/sessions', { id: 'held', projectId: PROJECT, date: '2022-07-18', kind: 'workshop' }],
      ['/api/sessions/held/attendances', { participantId: 'p-1' }],
      ['/api/projects', local(OTHER, 'uccle')],
      [`/api/projects/${OTHER}/decision`, { decision: 'approved' }],
      ['/api/participants', participantBody('p-elsewhere')],
      ...['s-elsewhere-1', 's-elsewhere-2'].flatMap((id) => [
        ['/api/sessions', { id, projectId: OTHER, date: '2022-08-18', kind: 'workshop' }] as const,
        [`/api/sessions/${id}/attendances`, { participantId: 'p-elsewhere' }] as const,
      ]),
      ['/api/reports/2022/publications', { lang: 'fr' }],
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
    await recordAll(app.post, setup);

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

  it('has a row for every route the app describes and registers, so a new route cannot go unchecked', async () => {
    const docs = await app.get('/api/docs-json');
    const described = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Also those the description leaves out: itself, the Prometheus text, the web app's page and files.
    const registered = registeredRoutes(app.app.getHttpAdapter().getInstance()).map(rowOf);
    const rows = ROWS.map((row) => row.route);

    expect(described.filter((route) => !rows.includes(route))).toEqual([]);
    expect(registered.filter((route) => !rows.includes(route))).toEqual([]);
    expect(rows.filter((route) => !described.includes(route) && !registered.includes(route))).toEqual([]);
    expect(described.length).toBeGreaterThanOrEqual(31);
    expect(registered).toEqual(expect.arrayContaining(described));
  });

  const cases = ROWS.flatMap((row) => COLUMNS.map((column, i) => [row.route, column, row.expected[i]!, row] as const));

  it.each(cases)('%s as %s answers %i', async (_route, column, expected, row) => {
    if (expected < 400) {
      expect((await request(row, column)).status).toBe(expected);
      return;
    }
    const refused = await expectRefusal(
      app,
      () => request(row, column),
      expected,
      refusalRule(expected, column, row.route),
    );
    if (expected === 401) expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  /** The registry of MDEs is the list of names every role reads (api.md, "Security"): no MDE's data. */
  const SHARED_WITH_EVERY_ROLE = ['GET /api/mdes'];

  it.each(
    ROWS.filter(
      (row) =>
        row.route.startsWith('GET ') &&
        row.expected[1] === 200 &&
        row.expected[4] === 401 &&
        !SHARED_WITH_EVERY_ROLE.includes(row.route),
    ),
  )("answers a partner with its MDEs' data only: $route", async (row) => {
    const answer = await request(row, 'partnerIn');

    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(OTHER_MARKERS.filter((marker) => text.includes(marker))).toEqual([]);
  });

  it("counts in a partner's MDE figures only the projects of its MDEs", async () => {
    const [mde, inScope, programme] = await Promise.all([
      app.get('/api/figures/2022/mdes/forest', as('partnerIn')),
      app.get(`/api/figures/2022/projects/${PROJECT}`),
      app.get('/api/figures/2022'),
    ]);
    const sessions = (answer: TestResponse) =>
      (answer.body.activity as { sessions: number } | undefined)?.sessions ?? answer.body.sessions;

    // The other MDE's two sessions are in the programme's figures, not in Forest's.
    expect(sessions(programme)).toBe(Number(sessions(inScope)) + 2);
    expect(sessions(mde)).toBe(sessions(inScope));
  });
});
