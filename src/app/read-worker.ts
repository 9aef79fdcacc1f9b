import { parentPort, workerData } from 'node:worker_threads';
import { EventSchemas } from '../event-store/event-schemas.js';
import { openStreamReader } from '../event-store/open-event-store.js';
import { yearCorrections } from '../figures/corrections/corrections.js';
import { figuresAtPoint } from '../figures/figures.queries.js';
import { FiguresHistory } from '../figures/history/figures-history.js';
import { figureProvenance } from '../figures/provenance/figure-provenance.js';
import { ReadStore } from '../projections/read-store.js';
import type { ReadJob, ReadWorkerAnswer, ReadWorkerFiles, ReadWorkerRequest } from '../projections/read-workers.js';
import { changesSince } from '../reports/publications.js';
import { reportModel, type ReportSources } from '../reports/report-builder.js';

/**
 * A read worker (src/projections/read-workers.ts): its own read-only
 * connections to the read models and to the embedded store's file, and the
 * same read jobs the request thread would run, one at a time.
 */
const files = workerData as ReadWorkerFiles;
const readStore = new ReadStore(files.readModels, true);
const streams = files.events === null ? null : openStreamReader(files.events);
const history = new FiguresHistory(readStore);
const sources = { history, readStore, streams, schemas: new EventSchemas() };

const JOBS: ReadonlyArray<ReadJob<ReportSources, never, unknown>> = [
  figuresAtPoint,
  figureProvenance,
  yearCorrections,
  changesSince,
  reportModel,
];
const jobs = new Map(JOBS.map((job) => [job.name, job]));
let generation = 0;

parentPort!.on('message', (request: ReadWorkerRequest) => {
  void answer(request).then((message) => parentPort!.postMessage(message));
});

async function answer({ name, input, generation: current }: ReadWorkerRequest): Promise<ReadWorkerAnswer> {
  try {
    if (current !== generation) {
      readStore.reopen();
      generation = current;
    }
    const job = jobs.get(name);
    if (job === undefined) throw new Error(`No read job is named ${name}`);
    if (job.readsLog === true && streams === null) throw new Error(`${name} reads the log: not in a worker`);
    return { output: await job.run(sources as ReportSources, input as never) };
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    return { error: { message, stack } };
  }
}
