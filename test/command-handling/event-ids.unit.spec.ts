import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { commandContext, eventIdFor, type ImportOrigin } from '../../src/command-handling/command-context.js';
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

  it('keeps the ids the service has always derived, so a retry of a command stored earlier is still recognised', () => {
    expect(eventIdFor(withKey('k-1'), 0)).toBe('d66c49bf-5552-8dc5-9d3c-0fa042039f2f');
    expect(eventIdFor(withKey('k-1'), 3)).toBe('18be5337-952f-84c2-bde8-e0b607d075fe');
  });

  it('gives a command without a key fresh ids, in the order they were made', () => {
    const context = commandContext(command, { actor: 'coordinator', access: FULL_ACCESS });
    const first = eventIdFor(context, 0);
    expect(eventIdFor(context, 0)).not.toBe(first);
    expect(first).toMatch(UUID_V7);
  });
});

describe("an imported row's event ids", () => {
  const importId = timeOrderedUuid();
  const fromRow = (origin: ImportOrigin, key: string) =>
    commandContext(
      { type: 'RecordAttendance', data: { sessionId: 's-1', participantId: key } },
      { actor: 'coordinator', access: FULL_ACCESS, idempotencyKey: `import-${key}`, origin },
    );
  const isSorted = (ids: readonly string[]) => ids.every((id, i) => i === 0 || ids[i - 1]! < id);

  it('are the same for a retry within the import, and version-8 UUIDs', () => {
    const row = fromRow({ importId, line: 2 }, 'p-1');
    expect(eventIdFor(row, 0)).toBe(eventIdFor(fromRow({ importId, line: 2 }, 'p-1'), 0));
    expect(eventIdFor(row, 0)).toMatch(UUID_V8);
  });

  it('differ between the commands of one line, and between the events of one command', () => {
    const ids = new Set([
      eventIdFor(fromRow({ importId, line: 2 }, 'p-1'), 0),
      eventIdFor(fromRow({ importId, line: 2 }, 'p-1'), 1),
      eventIdFor(fromRow({ importId, line: 2 }, 'p-2'), 0),
    ]);
    expect(ids.size).toBe(3);
  });

  it("sort in the sheet's line order, whatever their keys, and after an earlier import's", () => {
    const lines = [2, 3, 17, 1_000, 65_536, 100_001];
    const ids = lines.map((line) => eventIdFor(fromRow({ importId, line }, `p-${100_001 - line}`), 0));
    expect(isSorted(ids)).toBe(true);

    const later = eventIdFor(fromRow({ importId: timeOrderedUuid(), line: 2 }, 'p-1'), 0);
    expect(later > ids[ids.length - 1]!).toBe(true);
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
