import { AccessDeniedError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../../../src/event-store/event-store.port.js';
import { toStoreError } from '../../../src/event-store/eventstoredb/eventstoredb-errors.js';

describe('EventStoreDB error mapping', () => {
  const append = { action: 'append', stream: 'session-dm-01', expectedRevision: 3n } as const;

  it('turns a wrong expected version into the port’s conflict, with the stream’s actual revision', () => {
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 'session-dm-01',
      expected: 3n,
      current: 5n,
    });

    const mapped = toStoreError(conflict, append);

    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 'session-dm-01', expected: 3n, actual: 5n });
  });

  it('reports a conflict on a missing stream with actual null, and keeps the caller’s expectation', () => {
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 'session-dm-02',
      expected: 'stream_exists',
      current: 'no_stream',
    });

    const mapped = toStoreError(conflict, {
      action: 'append',
      stream: 'session-dm-02',
      expectedRevision: 'stream-exists',
    });

    expect(mapped).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 'stream-exists', actual: null });
  });

  it('turns an unreachable server into the port’s unavailable error (a 503), saying what failed', () => {
    const fromClient = toStoreError(new UnavailableError(), append);
    // The batch append stream fails with the raw gRPC error: status 14, no client type.
    const raw = toStoreError(
      Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }),
      append,
    );
    const discovery = toStoreError(new Error('Failed to discover after 10 attempts.'), { action: 'read $all' });

    expect(fromClient).toBeInstanceOf(EventStoreUnavailableError);
    expect(raw).toBeInstanceOf(EventStoreUnavailableError);
    expect(raw.message).toMatch(/^EventStoreDB cannot append: 14 UNAVAILABLE/);
    expect(discovery).toBeInstanceOf(EventStoreUnavailableError);
  });

  it('passes other errors through unchanged', () => {
    const denied = new AccessDeniedError();
    expect(toStoreError(denied, append)).toBe(denied);
    expect(toStoreError('odd', append)).toEqual(new Error('odd'));
  });
});
