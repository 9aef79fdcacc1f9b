import { Inject, Injectable, Logger } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { PROJECTION_FACTORY, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadStore } from './read-store.js';

/** Deletes an SQLite database and its side files, where they exist. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Builds every projection from position 0 into a new read store at `path`
 * (anything there before is deleted), up to `until` or the head of the log.
 * The caller closes the read store.
 */
export async function buildReadModelsAside(options: {
  readonly path: string;
  readonly store: EventStore;
  readonly projections: Projection[];
  readonly schemas: EventSchemas;
  readonly until?: bigint;
}): Promise<{ readonly readStore: ReadStore; readonly runner: ProjectionRunner }> {
  removeDatabaseFiles(options.path);
  const readStore = new ReadStore(options.path);
  try {
    const runner = new ProjectionRunner(options.store, readStore, options.projections, options.schemas);
    runner.start({ follow: false });
    await runner.catchUp(options.until);
    return { readStore, runner };
  } catch (error) {
    readStore.close();
    throw error;
  }
}

export interface RebuildReport {
  /** The position the new read models reflect. */
  readonly position: string;
  readonly seconds: number;
}

/**
 * Replaces the read models with ones rebuilt from position 0, without stopping
 * the service: they are built aside while the live ones keep answering; then
 * the live runner pauses, the rebuild catches up with the last events, the
 * files are swapped, and the runner resumes on the new read models.
 */
@Injectable()
export class ReadModelRebuild {
  private readonly logger = new Logger('projections');
  private running: Promise<RebuildReport> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly runner: ProjectionRunner,
    private readonly schemas: EventSchemas,
    @Inject(PROJECTION_FACTORY) private readonly freshProjections: () => Projection[],
  ) {}

  /** One rebuild at a time: a second request waits for the one under way. */
  rebuild(): Promise<RebuildReport> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<RebuildReport> {
    const started = performance.now();
    const asidePath = `${this.readStore.path}.rebuild`;
    const { readStore: aside, runner: rebuilt } = await buildReadModelsAside({
      path: asidePath,
      store: this.store,
      projections: this.freshProjections(),
      schemas: this.schemas,
    });
    const wasFollowing = this.runner.isFollowing;
    await this.runner.stop();
    try {
      await rebuilt.catchUp();
      aside.close();
      this.readStore.replaceWith(asidePath);
    } finally {
      this.runner.start({ follow: wasFollowing });
    }
    const report = { position: (rebuilt.position ?? 0n).toString(), seconds: (performance.now() - started) / 1000 };
    this.logger.log(`Read models rebuilt from position 0 up to ${report.position} in ${report.seconds.toFixed(1)} s`);
    return report;
  }
}
