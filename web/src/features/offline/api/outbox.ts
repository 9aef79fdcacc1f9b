import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProblemDetails } from '../../../api/problem';
import type { Command } from './command';

/** A write that got no answer: pending until the service answers it; refused if it then refuses it. */
export interface Queued extends Command {
  readonly queuedAt: string;
  /** The order it was queued in, even within one millisecond (a paste queues many at once). */
  readonly order: number;
  readonly state: 'pending' | 'refused';
  readonly problem?: ProblemDetails;
}

interface OutboxSchema extends DBSchema {
  outbox: { key: string; value: Queued; indexes: { order: number } };
}

let database: Promise<IDBPDatabase<OutboxSchema>> | undefined;

/** The browser's database of writes waiting for the network: it outlives a reload and a closed tab. */
function outbox(): Promise<IDBPDatabase<OutboxSchema>> {
  database ??= openDB<OutboxSchema>('indicators', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('order', 'order');
    },
  });
  return database;
}

let queuedInThisPage = 0;

export async function enqueue(command: Command): Promise<void> {
  const now = Date.now();
  const order = now * 1000 + (queuedInThisPage++ % 1000);
  // put, not add: the same key queued twice (a form sent twice while offline) stays one write.
  await (await outbox()).put('outbox', { ...command, queuedAt: new Date(now).toISOString(), order, state: 'pending' });
}

/** Every queued write, oldest first: they are sent in the order they were made. */
export async function queued(): Promise<Queued[]> {
  return (await outbox()).getAllFromIndex('outbox', 'order');
}

export async function forget(key: string): Promise<void> {
  await (await outbox()).delete('outbox', key);
}

export async function markRefused(write: Queued, problem: ProblemDetails): Promise<void> {
  await (await outbox()).put('outbox', { ...write, state: 'refused', problem });
}
