import { Controller, Get, Header, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { UnauthenticatedError } from '../auth/auth.guard.js';
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { Metrics } from './metrics.js';
import { HealthAnswerSchema } from './health-answer.dto.js';

export interface HealthAnswer {
  readonly status: 'ok' | 'degraded' | 'unavailable';
  /** skippedEvents: events of the log this service did not write, skipped (EventStoreDB only). */
  readonly eventStore: { readonly status: 'up' | 'down'; readonly skippedEvents?: number };
  readonly projections: { readonly position: string; readonly head: string | null; readonly failing: boolean };
}

/**
 * Open routes (no token, and none looked up): they answer nothing private. Why
 * the store is down goes to the log, never to an anonymous caller.
 */
@ApiTags('operations')
@Public()
@Controller()
export class OperationsController {
  private readonly logger = new Logger('health');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers (restart it when this fails); asks nothing of the store' })
  @ApiResponse({
    status: 200,
    description: 'The process answers',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  @ApiOperation({
    summary: 'Readiness: the event store answers and the projections are not failing (send traffic); 503 otherwise',
  })
  @ApiResponse({ status: 200, description: 'Ready', schema: HealthAnswerSchema })
  @ApiResponse({
    status: 503,
    description: 'The store does not answer, or a projection is failing',
    schema: HealthAnswerSchema,
  })
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    return this.answer(reply, true);
  }

  @Get('health')
  @ApiOperation({ summary: 'Liveness and event store reachability; 503 when the store does not answer' })
  @ApiResponse({ status: 200, description: 'Up (or degraded: a projection is failing)', schema: HealthAnswerSchema })
  @ApiResponse({ status: 503, description: 'The event store does not answer', schema: HealthAnswerSchema })
  health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    return this.answer(reply, false);
  }

  /** Degraded projections keep /health at 200 (the process is fine) and take the instance out of readiness. */
  private async answer(reply: FastifyReply, readiness: boolean): Promise<HealthAnswer> {
    let eventStore: HealthAnswer['eventStore'] = { status: 'up' };
    let head: bigint | null = null;
    try {
      await this.store.ping();
      head = await this.store.headPosition();
      if (this.store.skippedEvents !== undefined)
        eventStore = { status: 'up', skippedEvents: this.store.skippedEvents };
    } catch (error) {
      this.logger.warn(`The event store does not answer: ${error instanceof Error ? error.message : String(error)}`);
      eventStore = { status: 'down' };
    }
    const failing = this.runner.failure !== undefined;
    const status = eventStore.status === 'down' ? 'unavailable' : failing ? 'degraded' : 'ok';
    void reply.status(status === 'unavailable' || (readiness && status !== 'ok') ? 503 : 200);
    return {
      status,
      eventStore,
      projections: { position: (this.runner.position ?? 0n).toString(), head: head?.toString() ?? null, failing },
    };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async prometheus(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Business volumes (attendances recorded, versions) are for the service's own people.
    if (!this.config.metricsPublic && request.principal === undefined) {
      throw new UnauthenticatedError('/metrics needs a token (any role), unless METRICS_PUBLIC=true');
    }
    const text = await this.metrics.registry.metrics();
    void reply.header('content-type', this.metrics.registry.contentType).send(text);
  }
}
