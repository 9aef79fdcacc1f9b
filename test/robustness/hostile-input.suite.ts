import fc from 'fast-check';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { authorizedRequests, randomToken } from '../support/api-client.js';
import { seedFrom } from '../support/seeded-random.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { expectRefusal } from '../support/refusal.js';
import {
  formEncoded,
  hostileKey,
  hostileQuery,
  hostileSegment,
  malformedJson,
  mutatedBody,
  notCalendarDate,
  notTimestamp,
  notJsonMediaType,
  notUtf8,
  pathOf,
  type CommandRoute,
  type HostilePayload,
} from './hostile-payloads.js';

/**
 * Property-based tests (fast-check) that throw generated and mutated requests
 * at every route: wrong types, unknown and missing fields, huge strings, deep
 * nesting, unicode edge cases, bytes that are not UTF-8, malformed JSON, path
 * traversal in ids, hostile query strings and headers. Each is refused with a
 * 4xx problem+json, and the log does not move. HOSTILE_INPUT_SEED replays a run.
 *
 * Run at two scales: a tenth of the runs in the fast suite
 * (hostile-input.int.spec.ts), every run in the slow one
 * (hostile-input.slow.int.spec.ts), where HOSTILE_INPUT_SCALE=10 tries ten
 * times as many requests, for a longer hunt.
 */
const JSON_TYPE = { 'content-type': 'application/json' };

const COMMAND_ROUTES: readonly CommandRoute[] = [
  {
    template: '/api/projects',
    params: {},
    body: projectBody('fresh-2022'),
    required: ['id', 'year', 'title', 'mdes', 'carrier', 'carrier.name', 'carrier.type', 'kind', 'theme', 'audience'],
    text: ['title', 'carrier.name'],
  },
  {
    template: '/api/projects/{id}/decision',
    params: { id: 'undecided-2022' },
    body: { decision: 'approved', fundedAmount: 1500.5, reason: 'Fits the call' },
    required: ['decision'],
    text: ['reason'],
  },
  {
    template: '/api/projects/{id}/outreach',
    params: { id: 'digimobile-2022' },
    body: { id: 'o-1', date: '2022-09-01', audience: 'people', count: 180 },
    required: ['id', 'date', 'audience', 'count'],
    text: [],
  },
  {
    template: '/api/projects/{id}/narrative',
    params: { id: 'digimobile-2022' },
    body: { year: 2022, text: 'Entre mi-juillet et début novembre, un bus…' },
    required: ['year', 'text'],
    text: ['text'],
  },
  {
    template: '/api/sessions',
    params: {},
    body: sessionBody('dm-02'),
    required: ['id', 'projectId', 'date', 'kind'],
    text: ['title', 'location'],
  },
  {
    template: '/api/sessions/{id}/attendances',
    params: { id: 'dm-01' },
    body: { participantId: 'p-2' },
    required: ['participantId'],
    text: [],
  },
  {
    template: '/api/sessions/{id}/attendances/{participantId}/retraction',
    params: { id: 'dm-01', participantId: 'p-7f3a' },
    body: { reason: 'wrong session' },
    required: ['reason'],
    text: ['reason'],
  },
  {
    template: '/api/participants',
    params: {},
    body: participantBody('p-3'),
    required: ['id', 'role', 'registeredJobSeeker'],
    text: [],
  },
  {
    template: '/api/participants/{id}/stages',
    params: { id: 'p-7f3a' },
    body: { id: 's-1', projectId: 'digimobile-2022', startDate: '2022-10-03', sector: 'horeca', companyId: 'c-12' },
    required: ['id', 'projectId', 'startDate', 'sector', 'companyId'],
    text: ['sector'],
  },
  {
    template: '/api/participants/{id}/outcomes',
    params: { id: 'p-7f3a' },
    body: { id: 'out-1', projectId: 'digimobile-2022', type: 'hired', date: '2022-11-30' },
    required: ['id', 'projectId', 'type', 'date'],
    text: [],
  },
  {
    template: '/api/tokens',
    params: {},
    body: { role: 'partner', mdes: ['forest'], label: 'MDE Forest' },
    required: ['role', 'mdes', 'label'],
    text: ['label'],
  },
  {
    template: '/api/sessions/{id}/cancellation',
    params: { id: 'dm-01' },
    body: { reason: 'storm warning' },
    required: ['reason'],
    text: ['reason'],
  },
];

const QUERY_ROUTES = [
  { template: '/api/projects/{id}', params: { id: 'digimobile-2022' } },
  { template: '/api/figures/{year}', params: { year: '2022' } },
  { template: '/api/figures/{year}/projects/{projectId}', params: { year: '2022', projectId: 'digimobile-2022' } },
  { template: '/api/figures/{year}/mdes/{mde}', params: { year: '2022', mde: 'forest' } },
  {
    template: '/api/figures/{year}/projects/{projectId}/provenance',
    params: { year: '2022', projectId: 'digimobile-2022' },
  },
  { template: '/api/figures/{year}/corrections', params: { year: '2022' } },
  { template: '/api/streams/{stream}', params: { stream: 'session-dm-01' } },
  { template: '/api/reports/{year}', params: { year: '2022' } },
  { template: '/api/reports/{year}/publications/{n}', params: { year: '2022', n: '1' } },
];

const routeName = (route: { template: string }) => route.template;

/** The app every test of the suite starts from: two projects (one approved), two participants, a session attended. */
async function startSeededApp(): Promise<{ app: TestApp; api: ReturnType<typeof authorizedRequests> }> {
  const token = randomToken();
  const app = await startTestApp({ env: { ADMIN_TOKEN: token } });
  const api = authorizedRequests(app, token);
  await recordAll(api.post, [
    ['/api/projects', projectBody()],
    ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
    ['/api/projects', projectBody('undecided-2022')],
    ['/api/participants', participantBody('p-7f3a')],
    ['/api/participants', participantBody('p-2')],
    ['/api/sessions', sessionBody('dm-01')],
    ['/api/sessions/dm-01/attendances', { participantId: 'p-7f3a' }],
  ]);
  return { app, api };
}

export function describeHostileInput(scale: number): void {
  const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * scale)) });
  /** Each property sends a few hundred requests in about a second; the margin is for a loaded CI machine. */
  const TIMEOUT = Math.max(30_000, 30_000 * scale);

  describe(`hostile input at every route (${scale} × the runs)`, () => {
    const seed = seedFrom('HOSTILE_INPUT_SEED');
    const tried = new Map<string, number>();
    let app: TestApp;
    let api: ReturnType<typeof authorizedRequests>;
    let store: EventStore;
    const startedAt = performance.now();

    const count = (kind: string) => tried.set(kind, (tried.get(kind) ?? 0) + 1);

    function expectProblem(response: TestResponse): void {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: response.status,
        detail: expect.any(String),
      });
    }

    /** Sends the request and checks it is refused (4xx problem details saying why) and leaves the log where it was. */
    const expectRefusedUnwritten = (send: () => Promise<TestResponse>) => expectRefusal(app, send, [400, 499], /\S/);

    /** For queries: any answer but a failure, errors as problem details, and nothing written. */
    async function expectNoFailure(send: () => Promise<TestResponse>): Promise<void> {
      const before = await store.headPosition();
      const response = await send();
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) expectProblem(response);
      expect(await store.headPosition()).toBe(before);
    }

    const post = (path: string, { payload }: HostilePayload, headers: Record<string, string> = JSON_TYPE) =>
      api.send('POST', path, payload, headers);

    beforeAll(async () => {
      // No shrinking: a failure may have written, and smaller inputs tried after it would fail for that alone.
      fc.configureGlobal({ seed, endOnFailure: true });
      ({ app, api } = await startSeededApp());
      store = app.app.get<EventStore>(EVENT_STORE);
    });

    afterAll(async () => {
      fc.resetConfigureGlobal();
      const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
      console.log(
        `Hostile input (HOSTILE_INPUT_SEED=${seed}): ${total} requests tried (${[...tried].map(([k, n]) => `${n} ${k}`).join(', ')}) ` +
          `in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
      );
      await app.close();
    });

    describe('the holes the properties found stay closed', () => {
      const deep = (depth: number) => `${'['.repeat(depth)}0${']'.repeat(depth)}`;
      const form = 'application/x-www-form-urlencoded';
      it.each<[string, string, string | Buffer, string, number]>([
        [
          'a body nested 100 000 levels deep (was 500)',
          '/api/participants',
          `{"id":"p-9","role":${deep(100_000)}}`,
          'application/json',
          400,
        ],
        [
          'a field named valueOf (was dropped silently)',
          '/api/participants',
          '{"id":"p-9","role":"citizen","registeredJobSeeker":true,"valueOf":1}',
          'application/json',
          400,
        ],
        [
          'a field named prototype (was dropped silently)',
          '/api/participants',
          '{"id":"p-9","role":"citizen","registeredJobSeeker":true,"prototype":1}',
          'application/json',
          400,
        ],
        [
          'a lone surrogate in free text (was stored)',
          '/api/projects/digimobile-2022/narrative',
          '{"year":2022,"text":"Fin \\ud800"}',
          'application/json',
          400,
        ],
        [
          'a text of zero-width spaces (was stored)',
          '/api/sessions/dm-01/cancellation',
          '{"reason":"\\u200b\\u200b"}',
          'application/json',
          400,
        ],
        [
          'a control character in free text (was stored)',
          '/api/sessions/dm-01/cancellation',
          '{"reason":"storm\\u001b[2J"}',
          'application/json',
          400,
        ],
        [
          'an MDE slug of 100 000 characters (was stored)',
          '/api/projects',
          JSON.stringify(projectBody('p-9', { mdes: ['x'.repeat(100_000)] })),
          'application/json',
          400,
        ],
        [
          'Latin-1 bytes (were stored as U+FFFD)',
          '/api/sessions/dm-01/cancellation',
          Buffer.from('{"reason":"temp\xeate"}', 'latin1'),
          'application/json',
          400,
        ],
        [
          'an HTML form (was written)',
          '/api/sessions',
          'id=dm-9&projectId=digimobile-2022&date=2022-07-18&kind=workshop',
          form,
          415,
        ],
      ])('refuses %s', async (_case, path, payload, contentType, status) => {
        await expectRefusal(app, () => api.send('POST', path, payload, { 'content-type': contentType }), status, /\S/);
      });

      it.each([
        ['a minPosition beyond 2^64 (was 500)', '/api/figures/2022?minPosition=99999999999999999999'],
        ['an atPosition beyond 2^64 (was 500)', '/api/figures/2022?atPosition=99999999999999999999'],
        [
          'an atPosition beyond 2^64 in a provenance (was 500)',
          '/api/figures/2022/provenance?figure=participants&atPosition=18446744073709551616',
        ],
        ['an after beyond 2^64 in the log (was 500)', '/api/events?after=99999999999999999999'],
        ['a malformed percent-encoding (was not problem details)', '/api/projects/%ff'],
        ['a path segment of 300 characters (was 414, not problem details)', `/api/projects/${'a'.repeat(300)}`],
      ])('answers 400 problem details for %s', async (_case, path) => {
        const response = await api.get(path);
        expect(response.status).toBe(400);
        expectProblem(response);
      });
    });

    describe.each(COMMAND_ROUTES.map((route) => [routeName(route), route] as const))('POST %s', (_name, route) => {
      /** A property: every payload `arbitrary` makes for this route is refused and writes nothing. */
      const refusesEvery = (title: string, kind: string, arbitrary: fc.Arbitrary<HostilePayload>, numRuns: number) =>
        it(
          title,
          async () => {
            await fc.assert(
              fc.asyncProperty(arbitrary, async (hostile) => {
                count(kind);
                await expectRefusedUnwritten(() => post(pathOf(route), hostile));
              }),
              runs(numRuns),
            );
          },
          TIMEOUT,
        );

      refusesEvery('refuses a body with one field made hostile', 'mutated bodies', mutatedBody(route), 300);
      refusesEvery(
        'refuses malformed JSON and JSON that is not an object',
        'malformed bodies',
        malformedJson(route),
        80,
      );
      refusesEvery(
        'refuses bytes that are not UTF-8 rather than storing replacement characters',
        'non-UTF-8 bodies',
        notUtf8(route),
        25,
      );

      it(
        'refuses a valid body sent with a hostile Idempotency-Key or X-Correlation-Id',
        async () => {
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom('idempotency-key', 'x-correlation-id'),
              hostileKey,
              async (header, value) => {
                count('hostile headers');
                await expectRefusedUnwritten(() =>
                  api.send('POST', pathOf(route), JSON.stringify(route.body), { ...JSON_TYPE, [header]: value }),
                );
              },
            ),
            runs(25),
          );
        },
        TIMEOUT,
      );

      it(
        'refuses a valid body sent as anything but JSON',
        async () => {
          await fc.assert(
            fc.asyncProperty(notJsonMediaType, async (mediaType) => {
              count('other media types');
              const payload = mediaType.includes('form-urlencoded')
                ? formEncoded(route.body)
                : JSON.stringify(route.body);
              await expectRefusedUnwritten(() =>
                api.send('POST', pathOf(route), payload, { 'content-type': mediaType }),
              );
            }),
            runs(10),
          );
        },
        TIMEOUT,
      );

      if (Object.keys(route.params).length > 0) {
        it(
          'refuses a hostile or unknown id in the path, even with a valid body',
          async () => {
            await fc.assert(
              fc.asyncProperty(
                fc.constantFrom(...Object.keys(route.params)),
                hostileSegment,
                async (param, segment) => {
                  count('hostile paths');
                  const path = pathOf(route, { ...route.params, [param]: segment });
                  await expectRefusedUnwritten(() => api.send('POST', path, JSON.stringify(route.body), JSON_TYPE));
                },
              ),
              runs(60),
            );
          },
          TIMEOUT,
        );
      }
    });

    describe.each(QUERY_ROUTES.map((route) => [route.template, route] as const))('GET %s', (_name, route) => {
      it(
        'never fails on a hostile path segment or query string, and answers errors as problem details',
        async () => {
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom(...Object.keys(route.params)),
              fc.option(hostileSegment),
              hostileQuery,
              async (param, segment, query) => {
                count('hostile queries');
                const params = segment === null ? route.params : { ...route.params, [param]: segment };
                const path = route.template.replace(
                  /\{(\w+)\}/g,
                  (_, name: string) => params[name as keyof typeof params]!,
                );
                await expectNoFailure(() => api.get(`${path}?${query}`));
              },
            ),
            runs(150),
          );
        },
        TIMEOUT,
      );
    });

    describe('what is valid still gets through', () => {
      it(
        'stores free text with unicode edge cases exactly as sent',
        async () => {
          const edgy = fc.constantFrom(
            '🧑🏽‍💻',
            'e\u0301',
            'ﷺ',
            '\u202bעברית\u202c',
            '中文',
            'Ǆ',
            'ß',
            '\t',
            '\n',
            'İı',
            '𝔘𝔫𝔦',
          );
          const text = fc
            .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), edgy), {
              minLength: 1,
              maxLength: 30,
            })
            .map((parts) => `« ${parts.join('')} »`);
          await fc.assert(
            fc.asyncProperty(text, async (narrative) => {
              count('valid unicode texts');
              const written = await api.post('/api/projects/digimobile-2022/narrative', {
                year: 2022,
                text: narrative,
              });
              expect([200, 201]).toContain(written.status);
              const project = await api.get(
                `/api/projects/digimobile-2022?minPosition=${String(written.body.position)}`,
              );
              expect((project.body.narratives as Record<string, { text: string }>)['2022']!.text).toBe(narrative);
            }),
            { numRuns: 40 },
          );
        },
        TIMEOUT,
      );

      it.each(COMMAND_ROUTES.map((route) => [routeName(route), route] as const))(
        'accepts the unmutated body of POST %s, so the refusals above were the mutations',
        async (_name, route) => {
          // On an app of its own: whichever order the routes come in, each finds the state it was written for.
          const fresh = await startSeededApp();
          try {
            const response = await fresh.api.post(pathOf(route), route.body);
            expect(response.status).toBe(201);
          } finally {
            await fresh.app.close();
          }
        },
      );
    });

    it.each([
      ['year', 'a year in hexadecimal (was read as 2022)', '/api/figures/0x7e6'],
      ['year', 'a year in exponent notation (built a report for year 1000)', '/api/reports/1e3'],
      ['year', 'a year with a sign', '/api/figures/+2022'],
      ['n', 'a publication number in hexadecimal', '/api/reports/2022/publications/0x1'],
      ['__proto__', 'a query parameter named __proto__ (was let through)', '/api/figures/2022?__proto__=1'],
      ['constructor', 'a query parameter named constructor (was let through)', '/api/figures/2022?constructor=1'],
      ['toString', 'a query parameter named toString (was let through)', '/api/projects/digimobile-2022?toString=1'],
    ])('answers 400 naming %s for %s', async (field, _case, path) => {
      const response = await api.get(path);
      expect(response.status).toBe(400);
      expectProblem(response);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it.each([
      ['a month 13 (was 500)', '2023-13-01T00:00Z'],
      ['30 February (was read as 2 March)', '2023-02-30T00:00Z'],
      ['24:00 (was read as the next day)', '2023-01-05T24:00Z'],
    ])('answers 400 naming asOf for %s', async (_case, asOf) => {
      const response = await api.get(`/api/figures/2022/projects/digimobile-2022?asOf=${asOf}`);
      expect(response.status).toBe(400);
      expectProblem(response);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    });

    describe('dates and timestamps are real ones, strictly ISO 8601', () => {
      const FIGURES_ROUTES = QUERY_ROUTES.filter((route) => route.template.startsWith('/api/figures/'));

      it(
        'refuses every near-miss timestamp as asOf on every figures route, naming it',
        async () => {
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(...FIGURES_ROUTES), notTimestamp, async (route, asOf) => {
              count('hostile timestamps');
              const path = route.template.replace(
                /\{(\w+)\}/g,
                (_, name: string) => (route.params as Record<string, string>)[name]!,
              );
              const figure = path.endsWith('/provenance') ? '&figure=participants' : '';
              await expectRefusedUnwritten(async () => {
                const response = await api.get(`${path}?asOf=${encodeURIComponent(asOf)}${figure}`);
                expect(response.status).toBe(400);
                expect(response.body.errors).toEqual(
                  expect.arrayContaining([expect.objectContaining({ field: 'asOf' })]),
                );
                return response;
              });
            }),
            runs(150),
          );
        },
        TIMEOUT,
      );

      it(
        'refuses every near-miss date in every date field of a command, naming it',
        async () => {
          const dated = COMMAND_ROUTES.flatMap((route) =>
            Object.keys(route.body)
              .filter((field) => /date$/i.test(field))
              .map((field) => ({ route, field })),
          );
          expect(dated.map(({ field }) => field).sort()).toEqual(['date', 'date', 'date', 'startDate']);
          await fc.assert(
            fc.asyncProperty(fc.constantFrom(...dated), notCalendarDate, async ({ route, field }, date) => {
              count('hostile dates');
              await expectRefusedUnwritten(async () => {
                const response = await api.post(pathOf(route), { ...route.body, [field]: date });
                expect(response.status).toBe(400);
                expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
                return response;
              });
            }),
            runs(150),
          );
        },
        TIMEOUT,
      );

      it(
        'refuses every near-miss date as from or to of the event log, naming it',
        async () => {
          await fc.assert(
            fc.asyncProperty(fc.constantFrom('from', 'to'), notCalendarDate, async (field, date) => {
              count('hostile dates');
              await expectRefusedUnwritten(async () => {
                const response = await api.get(`/api/events?${field}=${encodeURIComponent(date)}`);
                expect(response.status).toBe(400);
                expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
                return response;
              });
            }),
            runs(150),
          );
        },
        TIMEOUT,
      );
    });
  });
}
