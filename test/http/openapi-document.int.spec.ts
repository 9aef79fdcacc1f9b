import { Ajv, type ValidateFunction } from 'ajv';
import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'DELETE';

/** One live request of the check: the route it exercises, in the document's own spelling. */
interface Exchange {
  readonly route: string;
  readonly method: Method;
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** The status the request is made to get, so a check never passes on an unexpected error. */
  readonly status: number;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly example?: string | number | boolean;
  readonly schema?: { example?: string | number | boolean };
}

interface Operation {
  readonly security?: ReadonlyArray<Record<string, unknown>>;
  readonly parameters?: readonly Parameter[];
  readonly responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { securitySchemes: Record<string, Record<string, unknown>>; schemas: object };
}

const json = (route: string, url = route, status = 200): Exchange => ({ route, method: 'GET', url, status });
const command = (route: string, url: string, body: unknown, status = 201): Exchange => ({
  route,
  method: 'POST',
  url,
  body,
  status,
});

/** A representative valid request of every route, in an order that makes each one meaningful. */
const EXCHANGES: readonly Exchange[] = [
  command('/api/projects', '/api/projects', projectBody('local-2022', { kind: 'local', theme: undefined })),
  command('/api/sessions', '/api/sessions', sessionBody('dm-04')),
  command('/api/participants/{id}/stages', '/api/participants/p-7f3a/stages', {
    id: 's-1',
    projectId: 'digimobile-2022',
    startDate: '2022-10-03',
    sector: 'horeca',
    companyId: 'c-12',
  }),
  command('/api/participants/{id}/outcomes', '/api/participants/p-7f3a/outcomes', {
    id: 'out-1',
    projectId: 'digimobile-2022',
    type: 'hired',
    date: '2022-11-30',
  }),
  command('/api/projects/{id}/outreach', '/api/projects/digimobile-2022/outreach', {
    id: 'o-1',
    date: '2022-09-01',
    audience: 'people',
    count: 180,
  }),
  command('/api/projects/{id}/narrative', '/api/projects/digimobile-2022/narrative', {
    year: 2022,
    text: 'Le Digibus.',
  }),
  command('/api/sessions/{id}/attendances', '/api/sessions/dm-02/attendances', { participantId: 'p-7f3a' }),
  command(
    '/api/sessions/{id}/attendances/{participantId}/retraction',
    '/api/sessions/dm-02/attendances/p-7f3a/retraction',
    { reason: 'recorded twice' },
  ),
  command('/api/sessions/{id}/cancellation', '/api/sessions/dm-03/cancellation', { reason: 'rain' }),
  // A repeat answers 200 with the same shape.
  command('/api/participants', '/api/participants', participantBody(), 200),
  command('/api/tokens', '/api/tokens', { role: 'partner', mdes: ['forest'], label: 'MDE Forest' }),
  { route: '/api/tokens/{id}', method: 'DELETE', url: '/api/tokens/tok-to-revoke', status: 200 },
  json('/api/tokens'),
  command('/api/mdes', '/api/mdes', { id: 'nowhere-ville', name: { fr: 'Nulle-part', nl: 'Nergens' } }),
  json('/api/mdes'),
  { route: '/api/session', method: 'POST', url: '/api/session', body: { token: 'sign-in' }, status: 204 },
  { ...command('/api/session', '/api/session', { token: 'nope.nope' }, 401), headers: { authorization: '' } },
  json('/api/session'),
  { route: '/api/session', method: 'DELETE', url: '/api/session', status: 204 },
  json('/api/projects/{id}', '/api/projects/digimobile-2022'),
  json('/api/projects', '/api/projects?year=2022&limit=1'),
  json('/api/projects', '/api/projects?status=approved&mde=forest'),
  json('/api/projects/{id}/sessions', '/api/projects/digimobile-2022/sessions?year=2022'),
  json('/api/sessions/{id}', '/api/sessions/dm-02'),
  json('/api/sessions/{id}', '/api/sessions/dm-03'),
  json('/api/projects/{id}/participants', '/api/projects/digimobile-2022/participants'),
  json('/api/projects/{id}/stages', '/api/projects/digimobile-2022/stages?year=2022'),
  json('/api/projects/{id}/outreach', '/api/projects/digimobile-2022/outreach'),
  json('/api/projects/{id}/outcomes', '/api/projects/digimobile-2022/outcomes'),
  json('/api/participants/{id}', '/api/participants/p-7f3a'),
  json('/api/participants/{id}', '/api/participants/nobody', 404),
  json('/api/projects/{id}/sessions', '/api/projects/digimobile-2022/sessions?limit=0', 400),
  json('/api/figures/{year}', '/api/figures/2022'),
  json('/api/figures/{year}', '/api/figures/2022?atPosition=3'),
  json('/api/figures/{year}/projects/{projectId}', '/api/figures/2022/projects/digimobile-2022'),
  json('/api/figures/{year}/mdes/{mde}', '/api/figures/2022/mdes/forest'),
  json('/api/figures/{year}/provenance', '/api/figures/2022/provenance?figure=participants'),
  json(
    '/api/figures/{year}/projects/{projectId}/provenance',
    '/api/figures/2022/projects/digimobile-2022/provenance?figure=sessions',
  ),
  json('/api/figures/{year}/mdes/{mde}/provenance', '/api/figures/2022/mdes/forest/provenance?figure=outreach.people'),
  json('/api/figures/{year}/corrections', '/api/figures/2022/corrections'),
  json('/api/events', '/api/events?limit=5'),
  json('/api/events', '/api/events?type=SessionHeld&from=2022-01-01&to=2030-12-31&limit=5'),
  json('/api/streams/{stream}', '/api/streams/project-digimobile-2022'),
  json('/api/audit/ledger'),
  // An anchor of another log: it does not match, and the answer says so.
  json(
    '/api/audit/ledger/anchors/{position}',
    `/api/audit/ledger/anchors/3?hash=${encodeURIComponent('ab12 '.repeat(16).trim())}`,
  ),
  { route: '/api/audit/rebuild', method: 'POST', url: '/api/audit/rebuild', status: 200 },
  json('/api/reports/{year}', '/api/reports/2022'),
  { ...json('/api/reports/{year}', '/api/reports/2022'), headers: { accept: 'text/markdown' } },
  { ...json('/api/reports/{year}', '/api/reports/2022'), headers: { accept: 'text/csv' } },
  command('/api/reports/{year}/publications', '/api/reports/2022/publications', { lang: 'fr' }),
  json('/api/reports/{year}/publications', '/api/reports/2022/publications'),
  json('/api/reports/{year}/publications/{n}', '/api/reports/2022/publications/1'),
  json('/api/reports/{year}/publications/{n}/changes', '/api/reports/2022/publications/1/changes'),
  {
    ...command(
      '/api/imports',
      '/api/imports?kind=participants&fileName=inscrits.csv',
      'id;role;registeredJobSeeker\np-imp-1;citizen;non\n',
      200,
    ),
    headers: { 'content-type': 'text/csv' },
  },
  {
    ...command(
      '/api/imports',
      '/api/imports?kind=attendances&dryRun=true',
      'Séance;Participant\ndm-01;p-imp-1\ndm-01;p-unknown\n',
      200,
    ),
    headers: { 'content-type': 'text/csv' },
  },
  json('/api/imports', '/api/imports?limit=10'),
  json('/api/imports/templates/{file}', '/api/imports/templates/sessions.csv?lang=fr'),
  json('/health'),
  json('/health/live'),
  json('/health/ready'),
  // Errors: problem details.
  command('/api/participants', '/api/participants', { id: 'p-1', role: 'job-seeker', colour: 'red' }, 400),
  json('/api/projects/{id}', '/api/projects/nowhere', 404),
  { ...json('/api/figures/{year}', '/api/figures/2022'), headers: { authorization: 'Bearer nope.nope' }, status: 401 },
  command('/api/projects/{id}/decision', '/api/projects/digimobile-2022/decision', { decision: 'rejected' }, 409),
  command('/api/sessions/{id}/attendances', '/api/sessions/dm-03/attendances', { participantId: 'p-7f3a' }, 422),
];

describe('the OpenAPI document (/api/docs-json) describes the live answers', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<object, ValidateFunction>();

  /** A response schema, its `#/components/…` references resolved against the document. */
  function validatorOf(schema: object): ValidateFunction {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
      validators.set(schema, validate);
    }
    return validate;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await recordAll(app.post, [
      ['/api/projects', projectBody()],
      ['/api/projects/digimobile-2022/decision', { decision: 'approved', fundedAmount: 12000 }],
      ['/api/participants', participantBody()],
      ['/api/sessions', sessionBody()],
      ['/api/sessions', sessionBody('dm-02')],
      ['/api/sessions', sessionBody('dm-03')],
      ['/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }],
    ]);
    await app.post('/api/tokens', { role: 'auditor', label: 'to revoke' }, {});
    document = (await app.get('/api/docs-json')).body as unknown as OpenApiDocument;
    ajv.addSchema({ components: document.components }, 'openapi');
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('declares the bearer token (opaque, not a JWT) and the web app’s session cookie', () => {
    const schemes = document.components.securitySchemes;
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(JSON.stringify(schemes.bearer)).not.toMatch(/jwt/i);
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'indicators_session' });
  });

  it('asks for either on every /api operation, and for none on the open routes', () => {
    for (const [path, operations] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(operations)) {
        const expected = path.startsWith('/api/') ? [{ bearer: [] }, { session: [] }] : [];
        expect({ path, method, security: operation.security ?? [] }).toEqual({ path, method, security: expected });
      }
  });

  it('exercises every documented operation', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const exercised = new Set(EXCHANGES.map((exchange) => `${exchange.method} ${exchange.route}`));
    expect(documented.filter((operation) => !exercised.has(operation))).toEqual([]);
  });

  it.each(EXCHANGES.map((exchange) => [`${exchange.method} ${exchange.url} → ${exchange.status}`, exchange] as const))(
    '%s: status and body as documented',
    async (_name, exchange) => {
      const response = await send(app, exchange);
      expect({ url: exchange.url, status: response.status }).toEqual({ url: exchange.url, status: exchange.status });

      const operation = document.paths[exchange.route]?.[exchange.method.toLowerCase()];
      const documented = operation?.responses[String(response.status)];
      expect({ route: exchange.route, status: response.status, documented: documented !== undefined }).toEqual({
        route: exchange.route,
        status: response.status,
        documented: true,
      });
      if (response.status === 204) return;
      const mediaType = String(response.headers['content-type']).split(';')[0]?.trim() ?? '';
      const content = documented?.content?.[mediaType];
      expect({ route: exchange.route, mediaType, declared: Object.keys(documented?.content ?? {}) }).toEqual(
        expect.objectContaining({ declared: expect.arrayContaining([mediaType]) }),
      );
      if (!mediaType.endsWith('json')) return;
      expect(content?.schema).toBeDefined();
      const validate = validatorOf(content!.schema!);
      validate(response.body);
      expect({ route: exchange.route, status: response.status, errors: validate.errors ?? [] }).toEqual({
        route: exchange.route,
        status: response.status,
        errors: [],
      });
    },
  );

  // Swagger UI's "Try it out" fills every query parameter with its example and sends them all: an
  // example that waits for a later position, travels back in time or contradicts another makes a
  // newcomer's first try fail.
  const firstPlainGets = EXCHANGES.filter(
    (exchange, index) =>
      exchange.method === 'GET' &&
      exchange.status === 200 &&
      exchange.headers === undefined &&
      EXCHANGES.findIndex((other) => other.method === 'GET' && other.route === exchange.route) === index,
  );
  it.each(firstPlainGets.map((exchange) => [exchange.route, exchange] as const))(
    'GET %s answers 200 with the query Try it out sends: every example, together',
    async (_route, exchange) => {
      const asked = new URL(exchange.url, 'http://indicators.test');
      const tried = new URL(asked.pathname, asked);
      for (const parameter of document.paths[exchange.route]?.get?.parameters ?? []) {
        if (parameter.in !== 'query') continue;
        const example = parameter.example ?? parameter.schema?.example;
        const typed = parameter.required ? asked.searchParams.get(parameter.name) : null;
        if (example !== undefined) tried.searchParams.set(parameter.name, String(example));
        else if (typed !== null) tried.searchParams.set(parameter.name, typed);
      }
      const url = `${tried.pathname}${tried.search}`;
      const response = await app.get(url);
      expect({ url, status: response.status, detail: response.body.detail }).toEqual({
        url,
        status: 200,
        detail: undefined,
      });
    },
  );
});

async function send(app: TestApp, exchange: Exchange): Promise<TestResponse> {
  const headers = exchange.headers ?? {};
  if (exchange.url === '/api/tokens/tok-to-revoke') {
    const tokens = (await app.get('/api/tokens')).body.tokens as Array<{ id: string; label: string }>;
    const id = tokens.find((token) => token.label === 'to revoke')?.id ?? 'missing';
    return app.send('DELETE', `/api/tokens/${id}`, '', headers);
  }
  if (exchange.url === '/api/session' && exchange.method === 'POST' && exchange.status === 204) {
    return app.post('/api/session', { token: app.adminToken }, { authorization: '' });
  }
  if (exchange.method === 'GET') return app.get(exchange.url, headers);
  if (exchange.body === undefined) return app.send(exchange.method, exchange.url, '', headers);
  if (typeof exchange.body === 'string') return app.send(exchange.method, exchange.url, exchange.body, headers);
  return app.post(exchange.url, exchange.body, headers);
}
