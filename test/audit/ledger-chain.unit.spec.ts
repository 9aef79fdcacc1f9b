import { GENESIS, findChainBreak, nextLink } from '../../src/audit/ledger-chain.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';

const event = (position: bigint, data: Record<string, unknown>): StoredEvent => ({
  id: `e-${position}`,
  position,
  stream: 'session-s1',
  revision: position - 1n,
  type: 'ParticipantAttended',
  data,
  metadata: {
    recordedAt: '2022-07-18T10:00:00.000Z',
    actor: 'tok_a',
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    schemaVersion: 1,
  },
});

describe('the hash chain', () => {
  const log = [event(1n, { a: 1 }), event(2n, { a: 2 }), event(3n, { a: 3 })];
  const links = new Map<bigint, string>();
  let previous = GENESIS;
  for (const e of log) {
    previous = nextLink(previous, e);
    links.set(e.position, previous);
  }
  const read = (events: StoredEvent[]) => (after: bigint | undefined) =>
    Promise.resolve(after === undefined ? events : events.filter((e) => e.position > after));

  it('links an event read back from the store as it linked it when written: its stored JSON text', () => {
    const readBack = {
      ...log[0]!,
      json: { data: JSON.stringify(log[0]!.data), metadata: JSON.stringify(log[0]!.metadata) },
    };
    expect(nextLink(GENESIS, readBack)).toBe(links.get(1n));
    expect(nextLink(GENESIS, { ...readBack, json: { ...readBack.json, data: '{"a": 1}' } })).not.toBe(links.get(1n));
  });

  it('verifies an unaltered log', async () => {
    const result = await findChainBreak(read(log), (p) => links.get(p), 3n);
    expect(result.break).toBeNull();
    expect(result.checked).toBe(3);
    expect(result.head).toBe(links.get(3n));
  });

  it('names the first position whose event was altered', async () => {
    const altered = [log[0]!, { ...log[1]!, data: { a: 20 } }, log[2]!];
    const result = await findChainBreak(read(altered), (p) => links.get(p), 3n);
    expect(result.break?.position).toBe(2n);
  });

  it('names an event the ledger never chained', async () => {
    const result = await findChainBreak(read(log), (p) => (p === 3n ? undefined : links.get(p)), 3n);
    expect(result.break).toEqual({ position: 3n, reason: 'the ledger has no link for this event' });
  });
});
