import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics (prom-client: the de-facto Node client, with the process
 * and event-loop metrics built in).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events written to the event store by this process',
    registers: [this.registry],
  });

  readonly eventsSkipped = new Counter({
    name: 'event_store_skipped_events_total',
    help: 'Events of the log this service did not write (a shared EventStoreDB server), skipped by reads and the projections',
    registers: [this.registry],
  });

  readonly commitAppends = new Histogram({
    name: 'event_store_commit_appends',
    help: 'Appends written together by one commit (group commit)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'projection_position',
    help: 'Log position the read models have reached',
    registers: [this.registry],
  });

  readonly projectedEvents = new Counter({
    name: 'projection_events_total',
    help: 'Events applied to the read models',
    registers: [this.registry],
  });

  readonly readWorkers = new Gauge({
    name: 'read_workers',
    help: 'Worker threads running expensive reads (replays, report builds)',
    registers: [this.registry],
  });

  readonly readsInterrupted = new Counter({
    name: 'reads_interrupted_total',
    help: 'Expensive reads answered 503 because their worker crashed or overran its time',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
