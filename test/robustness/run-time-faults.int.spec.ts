import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { READ_MODELS } from '../../src/app/read-models.module.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { verifyReadModels } from '../../src/projections/read-model-verification.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { participantBody, projectBody, recordAll, sessionBody } from '../support/api-fixtures.js';
import { authorizedRequests, randomToken } from '../support/api-client.js';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app.js';
import { senderScopedKey } from '../../src/command-handling/command-context.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The disk fills up or turns read-only under a running service. A portable
 * test cannot fill a disk or remount it without root, so the fault is made by
 * SQLite itself on the service's own connections: `max_page_count` at the
 * current size fails the next write with SQLITE_FULL, as a full disk does, and
 * `query_only` fails it with SQLITE_READONLY, as a read-only file system does.
 * Nothing acknowledged may be lost, nothing refused may be written, and the
 * service must recover by itself once the fault is gone.
 */
describe('resource faults at run time', () => {
  let app: TestApp;
  let api: ReturnType<typeof authorizedRequests>;
  let store: EventStore;
  let readStore: ReadStore;

  /** The events database connection the store writes through (private to the adapter, hence the cast). */
  const eventsConnection = () => (store as unknown as { db: Database.Database }).db;
  const fill = (db: Database.Database) =>
    db.pragma(`max_page_count = ${String(db.pragma('page_count', { simple: true }))}`);
  const unfill = (db: Database.Database) => db.pragma('max_page_count = 4294967294');
  const narrative = (n: number) => ({ year: 2022, text: `Rapport n° ${n} : ${'une séance de plus. '.repeat(200)}` });
  // The admin token sends every command here; its keys are stored scoped to it.
  const commandEvents = (key: string) => store.readCommandEvents(senderScopedKey('admin', key));
  const health = async () =>
    (await api.get('/health')).body as { status: string; projections: Record<string, unknown> };

  beforeEach(async () => {
    const token = randomToken();
    app = await startTestApp({ env: { ADMIN_TOKEN: token } });
    api = authorizedRequests(app, token);
    store = app.app.get<EventStore>(EVENT_STORE);
    readStore = app.app.get(ReadStore);
    await recordAll(api.post, [
      ['/api/projects', projectBody()],
      ['/api/projects/digimobile-2022/decision', { decision: 'approved' }],
    ]);
  });

  afterEach(async () => {
    unfill(eventsConnection());
    unfill(readStore.db);
    eventsConnection().pragma('query_only = OFF');
    await app.close();
  });

  const faults: Array<[string, (db: Database.Database) => void, (db: Database.Database) => void]> = [
    ['the disk is full', fill, unfill],
    ['the file system turns read-only', (db) => db.pragma('query_only = ON'), (db) => db.pragma('query_only = OFF')],
  ];

  it.each(faults)(
    'answers writes 503 with Retry-After while %s, writes nothing, keeps serving reads, and takes the retry once it is gone',
    async (_fault, makeFault, clearFault) => {
      const before = await store.headPosition();
      makeFault(eventsConnection());

      const refused = await api.post('/api/projects/digimobile-2022/narrative', narrative(1), {
        'idempotency-key': 'n-1',
      });

      expect(refused.status).toBe(503);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toBeDefined();
      expect(refused.body).toMatchObject({ status: 503, title: 'Event store unavailable' });
      expect(await store.headPosition()).toBe(before);
      expect(await commandEvents('n-1')).toEqual([]);
      expect((await api.get('/api/projects/digimobile-2022')).status).toBe(200);

      clearFault(eventsConnection());
      const retried = await api.post('/api/projects/digimobile-2022/narrative', narrative(1), {
        'idempotency-key': 'n-1',
      });

      expect(retried.status).toBe(201);
      expect(await commandEvents('n-1')).toHaveLength(1);
      const project = await api.get(`/api/projects/digimobile-2022?minPosition=${String(retried.body.position)}`);
      expect(project.body).toMatchObject({ narratives: { '2022': { text: narrative(1).text } } });
    },
  );

  it('keeps every acknowledged write when the disk fills up in the middle of a burst', async () => {
    await recordAll(api.post, [['/api/participants', participantBody('p-1')]]);
    const burst = (from: number) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.post('/api/projects/digimobile-2022/narrative', narrative(from + i), {
            'idempotency-key': `burst-${from + i}`,
          }),
        ),
      );
    const first = await burst(0);
    fill(eventsConnection());
    const second = await burst(20);
    unfill(eventsConnection());

    const answers: Array<[number, TestResponse]> = [...first, ...second].map((answer, n) => [n, answer]);
    for (const [n, answer] of answers) {
      const written = await commandEvents(`burst-${n}`);
      expect([answer.status, written.length]).toEqual(answer.status === 201 ? [201, 1] : [503, 0]);
    }
    expect(first.every((answer) => answer.status === 201)).toBe(true);
    expect(second.some((answer) => answer.status === 503)).toBe(true);
  });

  it('keeps taking writes when the read models cannot be written, says so in /health, and catches up once they can', async () => {
    fill(readStore.db);
    const sessions = Array.from({ length: 30 }, (_, i) => ['/api/sessions', sessionBody(`s-${i}`)] as const);
    await recordAll(api.post, sessions);
    const head = String(await store.headPosition());

    await waitFor(async () => (await health()).projections.failing === true, { what: '/health to say so' });
    expect(await health()).toMatchObject({ status: 'degraded', projections: { head } });
    expect((await health()).projections.position).not.toBe(head);

    unfill(readStore.db);
    await waitFor(async () => (await health()).projections.position === head, { what: 'the projections to catch up' });
    expect(await health()).toMatchObject({ status: 'ok', projections: { failing: false } });
    const figures = await api.get(`/api/figures/2022/projects/digimobile-2022?minPosition=${head}`);
    expect(figures.body).toMatchObject({ sessions: 30 });
    const scratchDir = mkdtempSync(join(tmpdir(), 'indicators-verify-'));
    try {
      const report = await verifyReadModels({
        live: readStore,
        store,
        schemas: app.app.get(EventSchemas),
        projections: () => READ_MODELS.map((Model) => new Model()),
        scratchDir,
      });
      expect(report.differences).toEqual([]);
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
  });
});
