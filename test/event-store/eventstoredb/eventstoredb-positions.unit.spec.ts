import {
  fromClientRevision,
  isKnownPosition,
  toClientExpectedRevision,
  toClientPosition,
  toLogPosition,
} from '../../../src/event-store/eventstoredb/eventstoredb-positions.js';

describe('EventStoreDB positions and revisions', () => {
  // A commit position past 2^53, as a large EventStoreDB log has: a Number would round it.
  const beyondDoubles = 2n ** 53n + 7n;

  it('keeps commit positions beyond 2^53 exact, both ways', () => {
    expect(toLogPosition({ commit: beyondDoubles, prepare: beyondDoubles }, 'e')).toBe(beyondDoubles);
    expect(toClientPosition(beyondDoubles)).toEqual({ commit: beyondDoubles, prepare: beyondDoubles });
    expect(toLogPosition(toClientPosition(beyondDoubles), 'e').toString()).toBe('9007199254740999');
  });

  it('refuses a position the server did not know, naming the event and the server version needed', () => {
    expect(() => toLogPosition(undefined, 'event 42')).toThrow(/event 42.*22\.10 or later/);
    expect(() => toLogPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }, 'event 42')).toThrow(
      /did not give the log position of event 42/,
    );
  });

  it('tells a position the server gave from none (absent, or -1 read as 2^64-1)', () => {
    expect(isKnownPosition({ commit: 0n, prepare: 0n })).toBe(true);
    expect(isKnownPosition({ commit: beyondDoubles, prepare: beyondDoubles })).toBe(true);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(false);
  });

  it('refuses to turn a negative or out-of-range number into a checkpoint', () => {
    expect(() => toClientPosition(-1n)).toThrow(RangeError);
    expect(() => toClientPosition(2n ** 64n)).toThrow(RangeError);
  });

  it('maps the expected revisions of the port to the client’s', () => {
    expect(toClientExpectedRevision('no-stream')).toBe('no_stream');
    expect(toClientExpectedRevision('stream-exists')).toBe('stream_exists');
    expect(toClientExpectedRevision('any')).toBe('any');
    expect(toClientExpectedRevision(beyondDoubles)).toBe(beyondDoubles);
  });

  it('reads the actual revision of a conflict, a missing stream as null', () => {
    expect(fromClientRevision('no_stream')).toBeNull();
    expect(fromClientRevision(-1n)).toBeNull();
    expect(fromClientRevision(0n)).toBe(0n);
    expect(fromClientRevision(41n)).toBe(41n);
  });
});
