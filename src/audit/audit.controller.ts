import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Allow } from '../auth/auth.decorators.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { QueryResponses } from '../http/api-responses.js';
import { InvalidRequestError } from '../shared/errors.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import { ReadModelRebuild, type RebuildReport } from '../projections/read-model-rebuild.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { AuditLedgerProjection, type LedgerHead } from './audit-ledger.projection.js';
import { EventLogQueryDto, StreamQueryDto } from './event-log.dto.js';
import { loggedEvent, type LoggedEvent } from './logged-event.js';
import { ReadCapacity } from '../projections/read-capacity.js';
import { ReadStore } from '../projections/read-store.js';
import { AnchorQueryDto } from './anchor-query.dto.js';
import { verifyAnchor, type AnchorVerification } from './anchor-verification.js';
import {
  AnchorVerificationAnswer,
  EventPageAnswer,
  LedgerHeadAnswer,
  RebuildAnswer,
  StreamAnswer,
} from './audit-answers.dto.js';
import { assertAnchorCheck, parseAnchorHash, parseAnchorPosition } from './ledger-anchor.js';

/** Streams are named `category-id` (docs/domain.md). */
const STREAM_PATTERN = /^[a-z]+-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The log itself, for auditors: read only, everything, as stored but for tokens' verifiers. */
@ApiTags('audit')
@Allow('coordinator', 'auditor')
@Controller('api')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ledger: AuditLedgerProjection,
    private readonly consistency: ReadConsistency,
    private readonly rebuilds: ReadModelRebuild,
    private readonly readStore: ReadStore,
    private readonly capacity: ReadCapacity,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'The global log in order, a page at a time: pass `next` as `after` for the next page' })
  @QueryResponses(EventPageAnswer, 'A page of the log')
  async events(@Query() query: EventLogQueryDto): Promise<{ events: LoggedEvent[]; next: string | null }> {
    const limit = Number(query.limit ?? '100');
    const batch = await this.store.readAll({
      ...(query.after === undefined ? {} : { after: this.consistency.storable(query.after, 'after') }),
      maxCount: limit,
    });
    const events = batch.map((event) => loggedEvent(event, { withholdSecrets: true }));
    return { events, next: events.length === limit ? events[events.length - 1]!.position : null };
  }

  @Get('streams/:stream')
  @ApiOperation({ summary: "One stream's events with their revisions" })
  @QueryResponses(StreamAnswer, "The stream's events", 'The stream does not exist')
  async stream(
    @Param('stream') stream: string,
    @Query() query: StreamQueryDto,
  ): Promise<{ stream: string; events: LoggedEvent[] }> {
    if (!STREAM_PATTERN.test(stream)) {
      throw new InvalidRequestError([{ field: 'stream', message: 'must be a stream name: category-id' }]);
    }
    const events = await this.store.readStream(stream, {
      fromRevision: BigInt(query.fromRevision ?? '0'),
      maxCount: Number(query.limit ?? '1000'),
    });
    if (events.length === 0 && query.fromRevision === undefined)
      throw new NotFoundError(`Stream ${stream} has no events`);
    return { stream, events: events.map((event) => loggedEvent(event, { withholdSecrets: true })) };
  }

  @Get('audit/ledger')
  @ApiOperation({
    summary:
      'The head of the hash chain over the log: each link covers the previous one and an event (position, stream, revision, type, data, metadata)',
  })
  @QueryResponses(LedgerHeadAnswer, 'The head of the chain')
  async ledgerHead(@Query() query: ReadQueryDto): Promise<LedgerHead> {
    await this.consistency.reach(query.minPosition);
    return this.ledger.current();
  }

  @Get('audit/ledger/anchors/:position')
  @ApiOperation({
    summary:
      'Verify an anchor printed in a published report: recompute the chain from the events up to its position and ' +
      'compare; a mismatch names the first position where the log now differs from what was published',
  })
  @QueryResponses(AnchorVerificationAnswer, 'Whether the log still gives the anchored head (matches true or false)')
  async anchor(
    @Param('position') typed: string,
    @Query() query: AnchorQueryDto,
    @Actor() actor: string,
  ): Promise<AnchorVerification> {
    const anchor = { position: parseAnchorPosition(typed, 'position'), hash: parseAnchorHash(query.hash, 'hash') };
    if (query.check !== undefined) assertAnchorCheck(anchor, query.check, 'check');
    await this.consistency.reach(query.minPosition);
    // Every event up to the position is read and hashed: an expensive read, in the replay lane.
    return this.capacity.run(actor, 'replay', () => verifyAnchor(this.store, this.readStore.db, anchor));
  }

  @Post('audit/rebuild')
  @Allow('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Rebuilt and swapped in, at this position', schema: RebuildAnswer })
  @ApiOperation({ summary: 'Rebuild every read model from position 0 aside, then swap it in, without stopping' })
  rebuild(): Promise<RebuildReport> {
    return this.rebuilds.rebuild();
  }
}
