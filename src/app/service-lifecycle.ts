import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TokenBootstrap } from '../auth/token-bootstrap.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { Metrics } from '../operations/metrics.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ReadStore } from '../projections/read-store.js';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.runner.observe((position, events) => {
      this.metrics.projectionPosition.set(Number(position));
      this.metrics.projectedEvents.inc(events);
    });
    this.runner.start();
    await this.tokens.ensureCoordinatorToken();
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.readStore.close();
    this.logger.log(`Stopped${signal ? ` on ${signal}` : ''}; projections at ${this.runner.position ?? 0n}`);
  }
}
