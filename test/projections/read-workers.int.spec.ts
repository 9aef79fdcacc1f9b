import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { yearCorrections } from '../../src/figures/corrections/corrections.js';
import { figureNamed } from '../../src/figures/figure-definitions.js';
import { figuresAtPoint } from '../../src/figures/figures.queries.js';
import { FiguresHistory } from '../../src/figures/history/figures-history.js';
import { figureProvenance } from '../../src/figures/provenance/figure-provenance.js';
import { problemOf } from '../../src/http/problem-kinds.js';
import { ReadStore } from '../../src/projections/read-store.js';
import { ReadInterruptedError, ReadWorkers, type ReadJob } from '../../src/projections/read-workers.js';
import { changesSince } from '../../src/reports/publications.js';
import { reportModel, type ReportSources } from '../../src/reports/report-builder.js';
import { REPORT_FORMATS, type ReportFormat } from '../../src/reports/report-format.js';
import { ReportRenderer } from '../../src/reports/report-renderer.js';
import { startReportApp } from '../reports/report-programme.js';
import { ROOT } from '../support/service-process.js';
import type { TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/** The worker `npm run build` compiles: the in-process app runs its reads on the request thread. */
const BUILT_WORKER = pathToFileURL(join(ROOT, 'dist/app/read-worker.js'));
/** A read worker that hangs (a busy loop: only terminate() ends it), crashes, or answers its input back. */
const FAULTY_WORKER = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from 'node:worker_threads';
    parentPort.on('message', ({ input }) => {
      if (input === 'hang') for (;;);
      if (input === 'crash') setImmediate(() => { throw new Error('the worker crashed'); });
      else parentPort.postMessage({ output: input });
    });`)}`,
);

function pool(app: TestApp, script: URL, timeoutMs = 10_000): ReadWorkers {
  const files = { readModels: join(app.dataDir, 'read-models.db'), events: join(app.dataDir, 'events.db') };
  const readStore = app.app.get(ReadStore);
  return new ReadWorkers({ script, size: 2, timeoutMs, files, generation: () => readStore.generation });
}

/** Issue 19, point 2: replays and report builds run in worker threads, with the same answers. */
describe('read workers', () => {
  let app: TestApp;
  let local: ReportSources;

  beforeAll(async () => {
    if (!existsSync(BUILT_WORKER)) throw new Error('Run `npm run build` first: these tests start the built worker');
    app = await startReportApp();
    await app.post('/api/sessions/dm-01/attendances/p-2/retraction', { reason: 'recorded twice' });
    local = {
      history: app.app.get(FiguresHistory),
      readStore: app.app.get(ReadStore),
      streams: app.app.get<EventStore>(EVENT_STORE),
      schemas: app.app.get(EventSchemas),
    };
  });
  afterAll(() => app.close());

  it('answers every expensive read as the request thread does, reports byte for byte', async () => {
    const workers = pool(app, BUILT_WORKER);
    const head = (await app.head())!;
    const participants = figureNamed('participants', 'programme')!;
    const sessions = figureNamed('sessions', 'project')!;
    const cases: Array<[ReadJob<ReportSources, never, unknown>, unknown]> = [
      [figuresAtPoint, { scope: { kind: 'programme' }, year: 2022, point: { atPosition: head - 3n } }],
      [figuresAtPoint, { scope: { kind: 'mde', mde: 'forest' }, year: 2022, point: { asOf: '2023-01-10T10:00:00Z' } }],
      [figureProvenance, { scope: { kind: 'programme' }, year: 2022, point: {}, figure: participants, limit: 2 }],
      [
        figureProvenance,
        { scope: { kind: 'project', projectId: 'digimobile-2022' }, year: 2022, point: {}, figure: sessions, limit: 9 },
      ],
      [yearCorrections, { year: 2022 }],
      [changesSince, { year: 2022, since: head - 5n }],
    ];
    try {
      for (const [job, input] of cases) {
        const inThread = await job.run(local, input as never);
        expect([job.name, await workers.run(job, input as never, local)]).toStrictEqual([job.name, inThread]);
      }
      // One read at a time here: the idle worker takes each.
      expect(workers.workers).toBe(1);

      const renderer = app.app.get(ReportRenderer);
      const input = { year: 2022, language: 'fr', position: head, anchored: true } as const;
      const [fromWorker, here] = [await workers.run(reportModel, input, local), await reportModel.run(local, input)];
      expect(fromWorker).toStrictEqual(here);
      expect(fromWorker.thematic.length + fromWorker.local.length).toBe(2);
      const textFormats = Object.keys(REPORT_FORMATS).filter((format) => format !== 'pdf') as ReportFormat[];
      for (const format of textFormats) {
        const [a, b] = [await renderer.render(fromWorker, format), await renderer.render(here, format)];
        expect([format, a.body.equals(b.body)]).toEqual([format, true]);
      }
    } finally {
      await workers.onApplicationShutdown();
    }
    expect(workers.workers).toBe(0);
  });

  it('stops a read that hangs after its time, answers 503, and replaces the worker', async () => {
    // The limit also covers the replacement worker's start (loading the service's modules), which on a
    // busy 2-core machine took more than 0.3 s: 1.5 s keeps the test short and the good reads in time.
    const workers = pool(app, FAULTY_WORKER, 1_500);
    const echo: ReadJob<object, string, string> = { name: 'echo', run: () => 'on the request thread' };
    try {
      const started = Date.now();
      const hung = workers.run(echo, 'hang', {});
      const other = workers.run(echo, 'second', {});
      await expect(hung).rejects.toThrow(ReadInterruptedError);
      // Stopped by its limit, not left to hang: generous against a loaded machine, far below "never".
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await other).toBe('second');
      const error = await workers.run(echo, 'hang', {}).catch((failed: unknown) => failed as ReadInterruptedError);
      const { problem, headers } = problemOf(error as ReadInterruptedError);
      expect([problem.status, headers?.['retry-after']]).toEqual([503, '2']);
      expect(problem.detail).toMatch(/took longer than 1.5 s/);
      expect(await workers.run(echo, 'after', {})).toBe('after');
    } finally {
      await workers.onApplicationShutdown();
    }
  });

  it('answers 503 for a read whose worker crashed, and the next read gets a new worker', async () => {
    const workers = pool(app, FAULTY_WORKER);
    const echo: ReadJob<object, string, string> = { name: 'echo', run: () => 'on the request thread' };
    try {
      await expect(workers.run(echo, 'crash', {})).rejects.toMatchObject({ kind: 'read-interrupted' });
      expect(await workers.run(echo, 'again', {})).toBe('again');
    } finally {
      await workers.onApplicationShutdown();
    }
  });

  it('ends its workers on shutdown, answering the reads in flight, and refuses new ones', async () => {
    const workers = pool(app, FAULTY_WORKER, 60_000);
    const echo: ReadJob<object, string, string> = { name: 'echo', run: () => 'on the request thread' };
    // Two hang in the two workers, the third waits for one.
    const reads = ['hang', 'hang', 'queued'].map((input) =>
      workers.run(echo, input, {}).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    await waitFor(() => workers.workers === 2, { what: 'two workers to start' });
    const started = Date.now();
    await workers.onApplicationShutdown();
    // The reads hang for 60 s: a stop that waited for them instead of ending the workers would take that long.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await Promise.all(reads)).toEqual(Array(3).fill('The service is stopping'));
    expect(workers.workers).toBe(0);
    await expect(workers.run(echo, 'later', {})).rejects.toThrow(ReadInterruptedError);
  });

  it('runs the reads on the request thread without a worker script', async () => {
    const readStore = app.app.get(ReadStore);
    const files = { readModels: readStore.path, events: null };
    const workers = new ReadWorkers({ script: null, size: 2, timeoutMs: 1000, files, generation: () => 0 });
    const echo: ReadJob<object, string, string> = { name: 'echo', run: () => 'on the request thread' };
    expect(await workers.run(echo, 'x', {})).toBe('on the request thread');
    expect(workers.workers).toBe(0);
  });
});
