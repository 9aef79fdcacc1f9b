import { Injectable } from '@nestjs/common';
import { KindedError } from '../shared/errors.js';

/** Too many expensive reads at once, in all or for one token: try again in a moment. */
export class ReadsBusyError extends KindedError {
  readonly kind = 'reads-busy';
}

/** The two kinds of expensive read: a replay or report build (CPU), a PDF print (a Chromium page). */
export type ReadLane = 'replay' | 'pdf';

export interface ReadLimits {
  /** Expensive reads one token may have running or waiting at once. */
  readonly perToken: number;
  readonly lanes: Readonly<Record<ReadLane, { readonly running: number; readonly waiting: number }>>;
}

/**
 * docs/api.md, "Security": a few replays run at once (they are synchronous:
 * more would only queue behind each other on the event loop), one PDF print
 * at a time (each Chromium page costs a renderer process and ~100 MB), and a
 * short queue behind each; beyond, 503 with Retry-After at once, which costs
 * nothing.
 */
export const READ_LIMITS: ReadLimits = {
  perToken: 4,
  lanes: { replay: { running: 2, waiting: 8 }, pdf: { running: 1, waiting: 3 } },
};

/**
 * Bounds the expensive reads (reports, provenance, corrections, replays at a
 * past point): per token, and per lane in all. Each read starts on a fresh
 * turn of the event loop, so the commands and cheap reads that arrived
 * meanwhile run between two expensive ones instead of after all of them.
 */
@Injectable()
export class ReadCapacity {
  private readonly inFlight = new Map<string, number>();
  private readonly lanes: Readonly<Record<ReadLane, Lane>>;

  constructor(private readonly limits: ReadLimits = READ_LIMITS) {
    this.lanes = { replay: new Lane('replay', limits.lanes.replay), pdf: new Lane('pdf', limits.lanes.pdf) };
  }

  async run<T>(actor: string, lane: ReadLane, work: () => T | Promise<T>): Promise<T> {
    const count = this.inFlight.get(actor) ?? 0;
    if (count >= this.limits.perToken) {
      throw new ReadsBusyError(
        `This token already has ${count} expensive reads (reports, provenance, replays) in flight; wait for them`,
      );
    }
    this.inFlight.set(actor, count + 1);
    try {
      return await this.lanes[lane].run(work);
    } finally {
      const left = (this.inFlight.get(actor) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(actor);
      else this.inFlight.set(actor, left);
    }
  }
}

class Lane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly name: ReadLane,
    private readonly limit: { readonly running: number; readonly waiting: number },
  ) {}

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.running < this.limit.running) this.running++;
    else if (this.waiting.length < this.limit.waiting) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else
      throw new ReadsBusyError(
        `The service is busy with other ${this.name === 'pdf' ? 'PDF prints' : 'expensive reads'}`,
      );
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return await work();
    } finally {
      // The slot passes to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
