import { join } from 'node:path';
import { CommandExecutor, type CommandOutcome, type SentCommand } from '../../src/command-handling/command-executor.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import type { SessionCommand } from '../../src/sessions/session.commands.js';
import { sessionDecider } from '../../src/sessions/session.decider.js';
import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { sessionStream } from '../../src/shared/domain/ids.js';
import { FixedClock } from '../support/fixed-clock.js';
import { tempDir } from '../support/temp-dir.js';

const SESSION = sessionStream('dm-01');
const sender = (key?: string) => ({ actor: 'admin', access: FULL_ACCESS, ...(key ? { idempotencyKey: key } : {}) });
const attend = (participantId: string, key?: string, participantRegistered = true): SentCommand<SessionCommand> => ({
  command: { type: 'RecordAttendance', data: { sessionId: 'dm-01', participantId }, participantRegistered },
  sender: sender(key),
});

/** A sign-in sheet: a new attendance, a refused one, a repeat of a key and of a fact decided earlier in the batch. */
const SHEET = [
  attend('p-1', 'row-2'),
  attend('p-ghost', 'row-3', false),
  attend('p-2', 'row-4'),
  attend('p-1', 'row-2'),
  attend('p-2', 'row-6'),
];

describe('commands on one stream decided together (executeAll)', () => {
  const dirs: (() => void)[] = [];
  afterAll(() => dirs.forEach((remove) => remove()));

  /** A store holding one session, and the appends each commit carried. */
  async function sessionHeld() {
    const dir = tempDir();
    dirs.push(dir.remove);
    const appends: number[] = [];
    const store = new SqliteEventStore({
      path: join(dir.path, 'events.db'),
      onCommit: (count) => appends.push(count),
    });
    const executor = new CommandExecutor(store, new FixedClock(new Date('2023-01-05T10:00:00Z')), new EventSchemas());
    await executor.execute(
      SESSION,
      sessionDecider,
      {
        type: 'RecordSession',
        data: { sessionId: 'dm-01', projectId: 'digimobile-2022', date: '2022-07-18', kind: 'workshop' },
        project: { projectId: 'digimobile-2022', status: 'approved', mdes: ['forest'] },
        today: '2023-01-05',
      },
      sender(),
    );
    appends.length = 0;
    return { store, executor, appends };
  }

  const answers = (settled: readonly PromiseSettledResult<CommandOutcome>[]) =>
    settled.map((answer) =>
      answer.status === 'fulfilled'
        ? { status: answer.value.status, position: answer.value.position, events: answer.value.events }
        : { refused: (answer.reason as Error).message },
    );

  it('answers each command as one by one would, in one append', async () => {
    const together = await sessionHeld();
    const oneByOne = await sessionHeld();

    const settled = await together.executor.executeAll(SESSION, sessionDecider, SHEET);
    const alone: PromiseSettledResult<CommandOutcome>[] = [];
    for (const { command, sender } of SHEET) {
      alone.push(
        await oneByOne.executor.execute(SESSION, sessionDecider, command, sender).then(
          (value) => ({ status: 'fulfilled', value }) as const,
          (reason: unknown) => ({ status: 'rejected', reason }) as const,
        ),
      );
    }

    expect(answers(settled)).toEqual(answers(alone));
    expect(answers(settled).map((answer) => ('status' in answer ? answer.status : 'refused'))).toEqual([
      'created',
      'refused',
      'created',
      'unchanged',
      'unchanged',
    ]);
    expect(together.appends).toEqual([1]);
    expect(oneByOne.appends).toEqual([1, 1]);
    const stored = await together.store.readStream(SESSION, { fromRevision: 1n });
    expect(stored.map((event) => [event.data.participantId, event.position])).toEqual([
      ['p-1', (settled[0] as PromiseFulfilledResult<CommandOutcome>).value.position],
      ['p-2', (settled[2] as PromiseFulfilledResult<CommandOutcome>).value.position],
    ]);
    await Promise.all([together.store.close(), oneByOne.store.close()]);
  });

  it('writes nothing when the same commands come again, answering the positions of the first time', async () => {
    const { store, executor, appends } = await sessionHeld();
    const first = answers(await executor.executeAll(SESSION, sessionDecider, SHEET));

    const again = answers(
      await new CommandExecutor(store, new FixedClock(new Date()), new EventSchemas()).executeAll(
        SESSION,
        sessionDecider,
        SHEET,
      ),
    );

    expect(appends).toEqual([1]);
    expect(again.map((answer) => ('position' in answer ? answer.position : answer.refused))).toEqual(
      first.map((answer) => ('position' in answer ? answer.position : answer.refused)),
    );
    expect(again.every((answer) => !('status' in answer) || answer.status === 'unchanged')).toBe(true);
    await store.close();
  });
});
