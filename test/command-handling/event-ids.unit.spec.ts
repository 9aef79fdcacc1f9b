import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { commandContext, eventIdFor } from '../../src/command-handling/command-context.js';
import { timeOrderedUuid, timeOrderedUuids } from '../../src/command-handling/time-ordered-uuid.js';

/** Any UUID EventStoreDB accepts: 32 hex digits in 8-4-4-4-12 groups; ours are version 8, RFC 4122 variant. */
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids derived from the Idempotency-Key', () => {
  const command = { type: 'RecordSession', data: { id: 'dm-01' } };
  const withKey = (key: string) =>
    commandContext(command, { actor: 'coordinator', access: FULL_ACCESS, idempotencyKey: key });

  it('gives a retried command the same ids, so the store (SQLite or EventStoreDB) recognises the retry', () => {
    expect(eventIdFor(withKey('k-1'), 0)).toBe(eventIdFor(withKey('k-1'), 0));
    expect(eventIdFor(withKey('k-1'), 1)).toBe(eventIdFor(withKey('k-1'), 1));
  });

  it('gives each event of a command, and each key, its own id', () => {
    const ids = new Set([eventIdFor(withKey('k-1'), 0), eventIdFor(withKey('k-1'), 1), eventIdFor(withKey('k-2'), 0)]);
    expect(ids.size).toBe(3);
  });

  it('formats them as version-8 UUIDs, in lower case as the server gives them back', () => {
    expect(eventIdFor(withKey('k-1'), 0)).toMatch(UUID_V8);
    expect(eventIdFor(withKey('ÉTÉ 2022 / séance ✓'), 7)).toMatch(UUID_V8);
  });

  it('gives a command without a key fresh ids, in the order they were made', () => {
    const context = commandContext(command, { actor: 'coordinator', access: FULL_ACCESS });
    const first = eventIdFor(context, 0);
    expect(eventIdFor(context, 0)).not.toBe(first);
    expect(first).toMatch(UUID_V7);
  });
});

describe('time-ordered event ids', () => {
  const madeAt = (times: readonly number[]) => {
    let i = 0;
    const next = timeOrderedUuids(() => times[Math.min(i++, times.length - 1)]!);
    return times.map(() => next());
  };
  const isSorted = (ids: readonly string[]) => ids.every((id, i) => i === 0 || ids[i - 1]! < id);

  it('sort as the times they were made, whatever their random part', () => {
    const times = [Date.UTC(2022, 6, 18), Date.UTC(2022, 6, 18) + 1, Date.UTC(2023, 0, 1), Date.UTC(2031, 4, 2)];
    const ids = madeAt(times);

    expect(isSorted(ids)).toBe(true);
    expect(ids.map((id) => parseInt(id.replace(/-/g, '').slice(0, 12), 16))).toEqual(times);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('sort in the order they were made within one millisecond (RFC 9562 counter)', () => {
    const ids = madeAt(Array.from({ length: 5000 }, () => Date.UTC(2022, 6, 18)));

    expect(isSorted(ids)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('keep their order when the clock steps back', () => {
    const ids = madeAt([Date.UTC(2022, 6, 18, 12), Date.UTC(2022, 6, 18, 11), Date.UTC(2022, 6, 18, 10)]);
    expect(isSorted(ids)).toBe(true);
  });

  it('are sorted as the service makes them, one after the other', () => {
    const ids = Array.from({ length: 2000 }, () => timeOrderedUuid());
    expect(isSorted(ids)).toBe(true);
  });
});
