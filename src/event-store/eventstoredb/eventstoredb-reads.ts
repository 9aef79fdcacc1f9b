import { EventStoreUnavailableError } from '../event-store.port.js';

/** What the adapter needs of the client's streaming read. */
export interface ClientRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
  destroy(error?: Error): unknown;
}

/**
 * Every event of a read, read to its end within the adapter's own time limit.
 *
 * The client (6.2.1) gives its reads no deadline (`deadline: Infinity`,
 * whatever the caller passes), and a read left before its end stays in the
 * client's list of open calls, which `dispose()` then waits for forever. So a
 * read is always consumed to its end (callers ask for the count they need), and
 * when it fails or runs out of time it is cancelled on the server and
 * destroyed here: no read the adapter starts is ever left open.
 */
export async function readToEnd<T>(read: ClientRead<T>, timeoutMs: number, what: string): Promise<T[]> {
  const items: T[] = [];
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new EventStoreUnavailableError(`EventStoreDB did not ${what} within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  const consumed = (async () => {
    for await (const item of read) items.push(item);
    ended = true;
  })();
  try {
    await Promise.race([consumed, timedOut]);
    return items;
  } finally {
    clearTimeout(timer);
    if (!ended) {
      consumed.catch(() => undefined);
      await read.cancel().catch(() => undefined);
      read.destroy();
    }
  }
}
