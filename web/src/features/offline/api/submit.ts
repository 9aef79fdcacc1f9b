import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiProblem, Unreachable } from '../../../api/problem';
import { wroteAt } from '../../../lib/read-your-writes';
import { sendCommand, type Command, type Sent } from './command';
import { enqueue, forget, markRefused, queued } from './outbox';

export const outboxQuery = queryOptions({ queryKey: ['outbox'], queryFn: queued, networkMode: 'always' });

export const useOutbox = () => useQuery(outboxQuery);

/** What became of a write: applied (new or repeat), or kept in the browser until the network is back. */
export type Submitted = Sent | { readonly outcome: 'queued' };

/** After a write every screen reads again, at least up to it. */
async function refresh(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== outboxQuery.queryKey[0] });
}

/**
 * Sends a command; without network, keeps it in the outbox (same Idempotency-Key) and says so.
 * A refusal (ApiProblem) is thrown to the form that made it, which shows it next to its fields.
 */
export async function submit(client: QueryClient, command: Command): Promise<Submitted> {
  try {
    const sent = await sendCommand(command);
    wroteAt(sent.position);
    void refresh(client);
    return sent;
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    await enqueue(command);
    await client.invalidateQueries(outboxQuery);
    return { outcome: 'queued' };
  }
}

let flushing: Promise<void> | undefined;

/**
 * Sends the pending writes of this owner again, oldest first, each with its own key: a write the
 * service had already applied before the connection dropped is answered as a repeat and counted
 * once. Stops at the first that gets no answer; a refused one stays, marked, for the user to read.
 */
export function flushOutbox(client: QueryClient, owner: string): Promise<void> {
  flushing ??= (async () => {
    let sentAny = false;
    try {
      for (const write of await queued()) {
        if (write.state !== 'pending' || write.owner !== owner) continue;
        try {
          const sent = await sendCommand(write);
          wroteAt(sent.position);
          await forget(write.key);
          sentAny = true;
        } catch (error) {
          if (error instanceof ApiProblem) await markRefused(write, error.problem);
          else break;
        }
      }
    } finally {
      flushing = undefined;
      await client.invalidateQueries(outboxQuery);
      if (sentAny) await refresh(client);
    }
  })();
  return flushing;
}
