import { Inject, Injectable, Logger } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { PROJECTION_FACTORY, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadStore } from './read-store.js';

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
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${asidePath}${suffix}`, { force: true });
    const aside = new ReadStore(asidePath);
    const rebuilt = new ProjectionRunner(this.store, aside, this.freshProjections(), this.schemas);
    rebuilt.start({ follow: false });
    await rebuilt.catchUp();
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
