import { createHash } from 'node:crypto';
import {
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { DuplicateEventIdError, type ExpectedRevision, type NewEvent, type StoredEvent } from '../event-store.port.js';
import { readToEnd } from './eventstoredb-reads.js';

/**
 * Streams of the command index: one per command, named by a digest of its id.
 * They hold the index, not the service's log: `$all` reads and the subscription
 * leave them out (see isOutsideTheLog).
 */
export const COMMAND_STREAM_PREFIX = 'command-';

/** Where a command wrote its events: the first event of its index stream. */
interface CommandReservation {
  readonly commandId: string;
  readonly stream: string;
  /** Revision of the command's first event when the append named it (an exact expected revision), else null. */
  readonly fromRevision: string | null;
  readonly requestHash: string | null;
}

const RESERVED = 'CommandReserved';
/** Events of a stream read at once while looking for a command's events. */
export const COMMAND_SCAN_PAGE = 100;
const MAX_REMEMBERED = 10_000;

export const commandStream = (commandId: string): string =>
  `${COMMAND_STREAM_PREFIX}${createHash('sha256').update(commandId).digest('base64url')}`;

/**
 * The commands' own index on EventStoreDB. The server compares event ids within
 * one stream only, and its `$by_correlation_id` projection writes a moment
 * after each append (and only when it runs): a key reused on another stream, or
 * two requests racing with one key, were not caught. Before its events, each
 * command is reserved in a stream of its own with expected revision no-stream,
 * carrying the target stream and the request's digest: the server lets exactly
 * one reservation in; the other request finds it and is told whether it is the
 * same request (it goes on, and the server's id check makes it a retry) or
 * another (refused, nothing written). The cost is one more append per command.
 */
export class CommandIndex {
  /** Commands this process reserved, by id: an append retried after a conflict does not reserve again. */
  private readonly reservedHere = new Map<string, CommandReservation>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly timeouts: { readonly appendMs: number; readonly readMs: number },
  ) {}

  /** Reserves every command of an append (one, except in a migration's copy). */
  async reserve(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<void> {
    const first = typeof expected === 'bigint' ? expected + 1n : expected === 'no-stream' ? 0n : undefined;
    const commands = new Map<string, { reservation: CommandReservation; eventId: string }>();
    events.forEach((event, index) => {
      const { commandId, requestHash } = event.metadata;
      if (commands.has(commandId)) return;
      const fromRevision = first === undefined ? null : (first + BigInt(index)).toString();
      commands.set(commandId, {
        reservation: { commandId, stream, fromRevision, requestHash: requestHash ?? null },
        eventId: event.id,
      });
    });
    await Promise.all([...commands.values()].map(({ reservation, eventId }) => this.reserveOne(reservation, eventId)));
  }

  /** The events a command wrote, in order, found from its reservation; empty when it has none. */
  async eventsOf(
    commandId: string,
    readStream: (stream: string, from: bigint, maxCount: number) => Promise<StoredEvent[]>,
  ): Promise<StoredEvent[]> {
    const reservation = await this.reservationOf(commandId);
    if (!reservation) return [];
    const found: StoredEvent[] = [];
    let from = reservation.fromRevision === null ? 0n : BigInt(reservation.fromRevision);
    for (;;) {
      const page = await readStream(reservation.stream, from, COMMAND_SCAN_PAGE);
      for (const event of page) {
        if (event.metadata.commandId === commandId) found.push(event);
        // A command's events are consecutive: the first other event after them ends the search.
        else if (found.length > 0) return found;
      }
      if (page.length < COMMAND_SCAN_PAGE) return found;
      from = page[page.length - 1]!.revision + 1n;
    }
  }

  private async reserveOne(reservation: CommandReservation, eventId: string): Promise<void> {
    const known = this.reservedHere.get(reservation.commandId);
    if (known?.stream === reservation.stream && known.requestHash === reservation.requestHash) return;
    await this.reserveOnServer(reservation, eventId);
    this.reservedHere.set(reservation.commandId, reservation);
    if (this.reservedHere.size > MAX_REMEMBERED) {
      const oldest = this.reservedHere.keys().next().value;
      if (oldest !== undefined) this.reservedHere.delete(oldest);
    }
  }

  private async reserveOnServer(reservation: CommandReservation, eventId: string): Promise<void> {
    try {
      await this.client.appendToStream(
        commandStream(reservation.commandId),
        jsonEvent({ type: RESERVED, data: { ...reservation } }),
        { expectedRevision: 'no_stream', deadline: this.timeouts.appendMs },
      );
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const earlier = await this.reservationOf(reservation.commandId);
    if (earlier?.stream === reservation.stream && earlier.requestHash === reservation.requestHash) return;
    throw new DuplicateEventIdError(eventId, reservation.stream);
  }

  private async reservationOf(commandId: string): Promise<CommandReservation | undefined> {
    try {
      const read = this.client.readStream(commandStream(commandId), {
        direction: FORWARDS,
        fromRevision: START,
        maxCount: 1,
      });
      const [resolved] = await readToEnd(read, this.timeouts.readMs, 'read the index of a command');
      return resolved?.event?.data as CommandReservation | undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }
}
