import type { AllStreamRecordedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent } from '../../../src/event-store/event-store.port.js';
import {
  decodeEvent,
  decodeMetadata,
  encodeEvent,
  LOG_STREAMS,
  isOutsideTheLog,
} from '../../../src/event-store/eventstoredb/eventstoredb-event-encoding.js';

const metadata: EventMetadata = {
  recordedAt: '2022-07-18T10:00:00.000Z',
  actor: 'coordinator',
  commandId: 'key-1',
  correlationId: 'corr-1',
  causationId: 'key-1',
  schemaVersion: 1,
  requestHash: 'abc',
};

const event: NewEvent = {
  id: '0f8fad5b-d9cb-869f-a165-70867728950e',
  type: 'SessionHeld',
  data: { sessionId: 'dm-01', date: '2022-07-18', nested: { n: [1, 'é'] } },
  metadata,
};

/** What the server hands back for what the client wrote: JSON bytes parsed again, plus the record's place. */
function asRecorded(encoded: ReturnType<typeof encodeEvent>, position: bigint): AllStreamRecordedEvent {
  return {
    streamId: 'session-dm-01',
    id: encoded.id,
    isJson: true,
    revision: 0n,
    type: encoded.type,
    created: new Date(0),
    data: JSON.parse(JSON.stringify(encoded.data)) as Record<string, unknown>,
    metadata: JSON.parse(JSON.stringify(encoded.metadata)) as Record<string, unknown>,
    position: { commit: position, prepare: position },
  };
}

describe('EventStoreDB event encoding', () => {
  it('writes JSON with the service’s id, and EventStoreDB’s correlation keys in the metadata', () => {
    const encoded = encodeEvent(event);

    expect(encoded).toMatchObject({ id: event.id, type: 'SessionHeld', contentType: 'application/json' });
    // $correlationId names the command, for an operator who runs the server's $by_correlation_id projection.
    expect(encoded.metadata).toMatchObject({ ...metadata, $correlationId: metadata.commandId, $causationId: 'key-1' });
  });

  it('reads back exactly what was written: data, metadata (without the $ keys), id, and a large position', () => {
    const position = 2n ** 60n + 1n;
    const stored = decodeEvent(asRecorded(encodeEvent(event), position));

    expect(stored).toEqual({ ...event, stream: 'session-dm-01', revision: 0n, position });
  });

  it('reads data stored as JSON bytes', () => {
    const recorded = { ...asRecorded(encodeEvent(event), 5n), isJson: false as const };
    const bytes = { ...recorded, data: new TextEncoder().encode('{"a":1}') } as unknown as AllStreamRecordedEvent;
    expect(decodeEvent(bytes).data).toEqual({ a: 1 });
  });

  it('refuses an event without the service’s metadata, naming it', () => {
    expect(() => decodeMetadata(undefined, 'event x (s-1@0)')).toThrow(
      'The metadata of event x (s-1@0) is not a JSON object',
    );
    expect(() => decodeMetadata({ actor: 'a' }, 'event x (s-1@0)')).toThrow(/has no recordedAt/);
  });

  it('tells what is outside the log by the stream alone, with the same rule as the server-side filter', () => {
    const cases = [
      { streamId: '$$session-1', outside: true },
      { streamId: '$ce-session', outside: true },
      { streamId: '$stats-127.0.0.1:2113', outside: true },
      { streamId: 'command-3q2-7wEB', outside: true },
      { streamId: 'session-dm-01', outside: false },
      { streamId: 'participant-p-1', outside: false },
    ];
    for (const { streamId, outside } of cases) {
      expect(isOutsideTheLog({ streamId })).toBe(outside);
      expect(new RegExp(LOG_STREAMS).test(streamId)).toBe(!outside);
    }
  });
});
