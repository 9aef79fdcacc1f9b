import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TokenBootstrap } from '../auth/token-bootstrap.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { Metrics } from '../operations/metrics.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ReadStore } from '../projections/read-store.js';
import { ReadWorkers } from '../projections/read-workers.js';

const CATCH_UP_ON_STOP_MS = 5000;

/**
 * Start and stop in order: the projections follow the log once the service is
 * up; on shutdown they stop after their last batch (its checkpoint written),
 * then the event store flushes pending appends and closes, then the read store.
 */
@Injectable()
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('lifecycle');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly readStore: ReadStore,
    private readonly metrics: Metrics,
    private readonly tokens: TokenBootstrap,
    private readonly readWorkers: ReadWorkers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.runner.observe((position, events) => {
      this.metrics.projectionPosition.set(Number(position));
      this.metrics.projectedEvents.inc(events);
    });
    this.readWorkers.observe({
      workers: (running) => this.metrics.readWorkers.set(running),
      interrupted: () => this.metrics.readsInterrupted.inc(),
    });
    this.runner.start();
    await this.tokens.ensureCoordinatorToken();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.catchUp();
    await this.runner.stop();
    await this.store.close();
    this.readStore.close();
    this.logger.log(`Stopped${signal ? ` on ${signal}` : ''}; projections at ${this.runner.position ?? 0n}`);
  }

  /**
   * The HTTP server has closed and no command is in flight: the projections
   * apply the tail of the log before they stop, so that their checkpoints
   * stand at its head and a restart has nothing to catch up. Bounded: read
   * models that cannot be written resume from their checkpoint next time.
   */
  private async catchUp(): Promise<void> {
    try {
      await this.runner.waitForHead(CATCH_UP_ON_STOP_MS);
    } catch (error) {
      this.logger.warn(
        `Stopping with the projections behind the log (${error instanceof Error ? error.message : String(error)}); they resume from their checkpoint`,
      );
    }
  }
}
