import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { Metrics } from './metrics.js';
import { HealthAnswerSchema } from './health-answer.dto.js';

export interface HealthAnswer {
  readonly status: 'ok' | 'degraded' | 'unavailable';
  readonly eventStore: { readonly status: 'up' | 'down'; readonly detail?: string };
  readonly projections: { readonly position: string; readonly head: string | null; readonly failing: boolean };
}

/** Open routes (no token): they answer nothing private. */
@ApiTags('operations')
@Public()
@Controller()
export class OperationsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly metrics: Metrics,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness and event store reachability; 503 when the store does not answer' })
  @ApiResponse({ status: 200, description: 'Up (or degraded: a projection is failing)', schema: HealthAnswerSchema })
  @ApiResponse({ status: 503, description: 'The event store does not answer', schema: HealthAnswerSchema })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthAnswer> {
    let eventStore: HealthAnswer['eventStore'] = { status: 'up' };
    let head: bigint | null = null;
    try {
      await this.store.ping();
      head = await this.store.headPosition();
    } catch (error) {
      eventStore = { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
    const failing = this.runner.failure !== undefined;
    const status = eventStore.status === 'down' ? 'unavailable' : failing ? 'degraded' : 'ok';
    void reply.status(status === 'unavailable' ? 503 : 200);
    return {
      status,
      eventStore,
      projections: { position: (this.runner.position ?? 0n).toString(), head: head?.toString() ?? null, failing },
    };
  }

  @Get('metrics')
  @ApiExcludeEndpoint()
  @Header('cache-control', 'no-store')
  async prometheus(@Res() reply: FastifyReply): Promise<void> {
    const text = await this.metrics.registry.metrics();
    void reply.header('content-type', this.metrics.registry.contentType).send(text);
  }
}
