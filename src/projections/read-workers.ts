import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KindedError } from '../shared/errors.js';
import { READ_LIMITS } from './read-capacity.js';

/** An expensive read that did not finish: its worker crashed, took too long, or the service is stopping. */
export class ReadInterruptedError extends KindedError {
  readonly kind = 'read-interrupted';
}

/**
 * An expensive read that runs the same in a read worker and on the request
 * thread: a name the worker looks it up by, and a function of the readers it
 * needs (`Tools`) and of its input. Input and output cross threads by
 * structured clone: plain data, Maps, bigints, no class instances.
 */
export interface ReadJob<Tools, Input, Output> {
  readonly name: string;
  /** Whether it reads the event log's streams, which a worker can open only on the embedded store. */
  readonly readsLog?: boolean;
  run(tools: Tools, input: Input): Output | Promise<Output>;
}

/** What a read worker opens, read-only: the read models, and the embedded store's file (null: EventStoreDB). */
export interface ReadWorkerFiles {
  readonly readModels: string;
  readonly events: string | null;
}

export interface ReadWorkerRequest {
  readonly name: string;
  readonly input: unknown;
  /** The read store's generation: a worker reopens its connection when a rebuild replaced the file. */
  readonly generation: number;
}

export type ReadWorkerAnswer =
  { readonly output: unknown } | { readonly error: { readonly message: string; readonly stack?: string | undefined } };

export interface ReadWorkersOptions {
  /** The worker's compiled script; null runs every read on the request thread. */
  readonly script: URL | null;
  /** Workers at most (READ_WORKERS; by default defaultReadWorkers()). */
  readonly size: number;
  /** A read running longer is stopped (its worker ended and replaced), and answered 503. */
  readonly timeoutMs: number;
  readonly files: ReadWorkerFiles;
  readonly generation: () => number;
}

/** What the pool tells as it goes (the service's metrics). */
export interface ReadWorkersObserver {
  workers(running: number): void;
  interrupted(): void;
}

interface Pending {
  readonly name: string;
  readonly input: unknown;
  resolve(output: never): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  job?: Pending | undefined;
  timer?: NodeJS.Timeout | undefined;
}

/** A read taking longer than this is a bug or a hostile load: the demo year's report builds in ~0.2 s. */
export const READ_TIMEOUT_MS = 30_000;

/**
 * The compiled read worker (src/app/read-worker.ts), next to this module when
 * it runs compiled; none when it runs from its sources (the in-process tests:
 * a worker thread cannot load TypeScript), where the reads run on the request
 * thread. The tests of the workers themselves name the built one.
 */
export function readWorkerScript(): URL | null {
  const script = new URL('../app/read-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(script)) ? script : null;
}

/**
 * As many workers as the replays the read capacity lets run at once (2), but
 * one core left to the request thread: on 2 cores, 1. Two busy workers and
 * Chromium leave the request thread no core of its own there, and each worker
 * costs about 100 MB of memory under load (docs/performance.md, auditor_load).
 */
export function defaultReadWorkers(): number {
  return Math.min(READ_LIMITS.lanes.replay.running, Math.max(1, availableParallelism() - 1));
}

/**
 * Runs expensive reads (replays, report builds) in a small pool of worker
 * threads, each with its own read-only SQLite connections, so that the request
 * thread keeps serving commands and cheap reads while they run (issue 19,
 * point 2). One read per worker at a time; the read capacity bounds how many
 * wait. A worker that crashes or overruns its time is ended and replaced, its
 * read answered 503. Without a compiled worker, on read models in memory, or
 * for a read of the log's streams on EventStoreDB, the read runs on the
 * request thread, as before.
 */
@Injectable()
export class ReadWorkers implements OnApplicationShutdown {
  private readonly logger = new Logger('read-workers');
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  private observer: ReadWorkersObserver | undefined;

  constructor(private readonly options: ReadWorkersOptions) {}

  observe(observer: ReadWorkersObserver): void {
    this.observer = observer;
  }

  /** Whether this job runs in a worker (otherwise on the request thread). */
  offThread(job: ReadJob<never, never, unknown>): boolean {
    const { script, files } = this.options;
    return script !== null && files.readModels !== ':memory:' && !(job.readsLog === true && files.events === null);
  }

  async run<Tools, Input, Output>(job: ReadJob<Tools, Input, Output>, input: Input, local: Tools): Promise<Output> {
    if (this.closed) throw new ReadInterruptedError('The service is stopping');
    if (!this.offThread(job)) return job.run(local, input);
    return new Promise<Output>((resolve, reject) => {
      this.queue.push({ name: job.name, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Workers running now (the tests and the metrics look). */
  get workers(): number {
    return this.slots.size;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new ReadInterruptedError('The service is stopping'));
    await Promise.all(
      [...this.slots].map((slot) => this.end(slot, new ReadInterruptedError('The service is stopping'))),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idle.pop() ?? (this.slots.size < this.options.size ? this.spawn() : undefined);
      if (slot === undefined) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        this.logger.warn(`A read (${job.name}) ran longer than ${this.options.timeoutMs} ms: its worker is replaced`);
        void this.end(
          slot,
          new ReadInterruptedError(`The read took longer than ${this.options.timeoutMs / 1000} s and was stopped`),
        );
      }, this.options.timeoutMs);
      const request: ReadWorkerRequest = { name: job.name, input: job.input, generation: this.options.generation() };
      slot.worker.postMessage(request);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script!, { workerData: this.options.files });
    const slot: Slot = { worker };
    this.slots.add(slot);
    this.observer?.workers(this.slots.size);
    worker.on('message', (answer: ReadWorkerAnswer) => this.answered(slot, answer));
    worker.on('error', (error) => {
      this.logger.warn({ err: error }, 'A read worker failed: it is replaced');
      void this.end(slot, new ReadInterruptedError('The read failed in its worker; try again', { cause: error }));
    });
    worker.on('exit', (code) => {
      if (this.slots.has(slot)) void this.end(slot, new ReadInterruptedError(`The read worker exited (${code})`));
    });
    return slot;
  }

  private answered(slot: Slot, answer: ReadWorkerAnswer): void {
    const { job } = slot;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    this.idle.push(slot);
    if ('error' in answer) {
      const error = new Error(answer.error.message);
      if (answer.error.stack !== undefined) error.stack = answer.error.stack;
      job?.reject(error);
    } else job?.resolve(answer.output as never);
    this.dispatch();
  }

  /** Ends a worker, answers its read with `error`; the next read starts a new one. */
  private async end(slot: Slot, error: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    this.observer?.workers(this.slots.size);
    if (slot.job !== undefined && !this.closed) this.observer?.interrupted();
    clearTimeout(slot.timer);
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    slot.job?.reject(error);
    slot.job = undefined;
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
