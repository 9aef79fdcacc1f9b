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
import { isFiltered, keeps, type EventLogFilter } from './event-log-filter.js';
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

/** Events read at most by one filtered page of the log, in batches of FILTER_BATCH. */
const FILTER_SCAN_LIMIT = 50_000;
const FILTER_BATCH = 1_000;

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
  @ApiOperation({
    summary:
      'The global log in order, a page at a time: pass `next` as `after` for the next page. With `type`, `from` or `to`, a page reads at most 50,000 events of the log and may hold fewer than `limit`: keep following `next` until it is null',
  })
  @QueryResponses(EventPageAnswer, 'A page of the log')
  async events(@Query() query: EventLogQueryDto): Promise<{ events: LoggedEvent[]; next: string | null }> {
    const limit = Number(query.limit ?? '100');
    const after = query.after === undefined ? undefined : this.consistency.storable(query.after, 'after');
    if (!isFiltered(query)) {
      const batch = await this.store.readAll({ ...(after === undefined ? {} : { after }), maxCount: limit });
      const events = batch.map((event) => loggedEvent(event, { withholdSecrets: true }));
      return { events, next: events.length === limit ? events[events.length - 1]!.position : null };
    }
    return this.filteredEvents(query, after, limit);
  }

  /**
   * A filtered page reads the log in batches until it has `limit` events or has read
   * FILTER_SCAN_LIMIT, so one request stays bounded on a large log: then it answers what it
   * found and a `next` after the last event read, and the client asks again from there.
   */
  private async filteredEvents(
    filter: EventLogFilter,
    from: bigint | undefined,
    limit: number,
  ): Promise<{ events: LoggedEvent[]; next: string | null }> {
    const events: LoggedEvent[] = [];
    let after = from;
    let scanned = 0;
    while (scanned < FILTER_SCAN_LIMIT) {
      const batch = await this.store.readAll({ ...(after === undefined ? {} : { after }), maxCount: FILTER_BATCH });
      for (const event of batch) {
        scanned += 1;
        after = event.position;
        if (keeps(filter, event)) events.push(loggedEvent(event, { withholdSecrets: true }));
        if (events.length === limit) return { events, next: event.position.toString() };
      }
      if (batch.length < FILTER_BATCH) return { events, next: null };
    }
    return { events, next: after === undefined ? null : after.toString() };
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
