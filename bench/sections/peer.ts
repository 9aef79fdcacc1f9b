import { isExpectedVersionConflictError, type Event } from '@event-driven-io/emmett';
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { join } from 'node:path';
import { FULL_ACCESS } from '../../src/shared/access-scope.js';
import { CommandExecutor } from '../../src/command-handling/command-executor.js';
import { EventSchemas } from '../../src/event-store/event-schemas.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import type { SessionCommand } from '../../src/sessions/session.commands.js';
import { sessionDecider, type SessionState } from '../../src/sessions/session.decider.js';
import type { SessionEvent } from '../../src/sessions/session.events.js';
import { SystemClock } from '../../src/shared/clock.js';
import { isAlreadyApplied } from '../../src/shared/domain/decider.js';
import { sessionStream } from '../../src/shared/domain/ids.js';
import { answerParent } from '../support/child-process.js';
import { scratchDir } from '../support/bench-paths.js';
import { round } from '../support/stats.js';

export interface PeerSide {
  readonly commands_per_s: number;
  readonly concurrency: number;
  readonly commands: number;
  /** Appends refused for a stale expected version, then retried. */
  readonly conflicts: number;
  readonly errors: number;
}

/** Sessions each worker records attendances in, in turn: workers never share a stream. */
const SESSIONS_PER_WORKER = 20;

interface Loop {
  /** Records that `participantId` attended `sessionId`; true when the append succeeded, false on a conflict. */
  handle(sessionId: string, participantId: string): Promise<boolean>;
  seed(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The command loop (read the stream, fold it, decide, append with the expected
 * version) with the service's session decider, on our store through the
 * service's CommandExecutor, or on @event-driven-io/emmett-sqlite configured at
 * its best: one shared connection, WAL, synchronous=FULL as ours.
 *
 * Usage (child process): peer.js ours|emmett <seconds> <concurrency>
 */
answerParent(async ([side, seconds, concurrency]): Promise<PeerSide> => {
  const dir = scratchDir(`peer-${side}-${concurrency}`);
  const loop = side === 'emmett' ? await emmettLoop(join(dir, 'emmett.db')) : oursLoop(join(dir, 'events.db'));
  const workers = Number(concurrency);
  const sessions = (worker: number) => Array.from({ length: SESSIONS_PER_WORKER }, (_, i) => `w${worker}-s${i}`);
  for (let worker = 0; worker < workers; worker++) for (const id of sessions(worker)) await loop.seed(id);

  let commands = 0;
  let conflicts = 0;
  let errors = 0;
  const deadline = performance.now() + Number(seconds) * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      const own = sessions(worker);
      for (let n = 0; performance.now() < deadline; n++) {
        const sessionId = own[n % own.length]!;
        for (let attempt = 0; ; attempt++) {
          try {
            if (await loop.handle(sessionId, `p-${worker}-${n}`)) break;
            conflicts++;
          } catch (error) {
            errors++;
            if (attempt >= 5) throw error;
          }
        }
        commands++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await loop.close();
  return { commands_per_s: round(commands / elapsed), concurrency: workers, commands, conflicts, errors };
});

const attend = (sessionId: string, participantId: string): SessionCommand => ({
  type: 'RecordAttendance',
  data: { sessionId, participantId },
  participantRegistered: true,
});

const held = (sessionId: string): SessionEvent => ({
  type: 'SessionHeld',
  data: { sessionId, projectId: 'bench-project', date: '2024-03-01', kind: 'workshop' },
});

function oursLoop(path: string): Loop {
  const store = new SqliteEventStore({ path });
  const executor = new CommandExecutor(store, new SystemClock('Europe/Brussels'), new EventSchemas());
  const sender = { actor: 'bench', access: FULL_ACCESS };
  return {
    handle: async (sessionId, participantId) => {
      await executor.execute(sessionStream(sessionId), sessionDecider, attend(sessionId, participantId), sender);
      return true;
    },
    seed: async (sessionId) => {
      const { type, data } = held(sessionId);
      await store.appendToStream(
        sessionStream(sessionId),
        [
          {
            id: crypto.randomUUID(),
            type,
            data: { ...data },
            metadata: {
              recordedAt: new Date().toISOString(),
              actor: 'bench',
              commandId: crypto.randomUUID(),
              correlationId: 'bench',
              causationId: 'bench',
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'no-stream' },
      );
    },
    close: () => store.close(),
  };
}

async function emmettLoop(fileName: string): Promise<Loop> {
  const connection = sqliteConnection({ fileName });
  // Set here, not left to emmett's own set-up: one quick run in five found the file still in rollback-journal mode.
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command('PRAGMA synchronous = FULL');
  const pragmas = {
    journal: await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode'),
    synchronous: await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous'),
  };
  if (pragmas.journal?.journal_mode !== 'wal' || pragmas.synchronous?.synchronous !== 2) {
    throw new Error(`emmett's connection is not WAL with synchronous=FULL: ${JSON.stringify(pragmas)}`);
  }
  const store = getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
  const toEmmett = (event: SessionEvent): Event => ({ type: event.type, data: { ...event.data } });
  return {
    handle: async (sessionId, participantId) => {
      const stream = sessionStream(sessionId);
      const { events, currentStreamVersion } = await store.readStream(stream);
      let state: SessionState = sessionDecider.initialState();
      events.forEach((event, revision) => {
        state = sessionDecider.evolve(state, { type: event.type, data: event.data } as SessionEvent, revision);
      });
      const decision = sessionDecider.decide(attend(sessionId, participantId), state);
      if (isAlreadyApplied(decision)) return true;
      try {
        await store.appendToStream(stream, decision.map(toEmmett), { expectedStreamVersion: currentStreamVersion });
        return true;
      } catch (error) {
        if (isExpectedVersionConflictError(error)) return false;
        throw error;
      }
    },
    seed: async (sessionId) => {
      await store.appendToStream(sessionStream(sessionId), [toEmmett(held(sessionId))]);
    },
    close: () => {
      connection.close();
      return Promise.resolve();
    },
  };
}
