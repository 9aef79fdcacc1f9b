import { PassThrough } from 'node:stream';
import { batches } from '../../../src/event-store/eventstoredb/eventstoredb-subscription.js';

/** An object-mode stream the test writes to, as the client's subscription receives events. */
const objectStream = (): PassThrough => new PassThrough({ objectMode: true });

async function next<T>(iterator: AsyncIterator<T>): Promise<T | 'done'> {
  const result = await iterator.next();
  return result.done ? 'done' : result.value;
}

describe('batches of a subscription', () => {
  it('hands out what has arrived in one batch, never more than the largest batch', async () => {
    const source = objectStream();
    for (const n of [1, 2, 3, 4, 5]) source.write(n);
    const iterator = batches<number>(source, 3);

    expect(await next(iterator)).toEqual([1, 2, 3]);
    expect(await next(iterator)).toEqual([4, 5]);
    source.end();
    expect(await next(iterator)).toBe('done');
  });

  it('waits for the next item when none has arrived, then hands it out at once', async () => {
    const source = objectStream();
    const iterator = batches<string>(source, 10);
    const pending = next(iterator);
    setTimeout(() => source.write('late'), 20);

    expect(await pending).toEqual(['late']);
  });

  it('hands out the items received before a failure, then fails', async () => {
    const source = objectStream();
    source.write(1);
    const iterator = batches<number>(source, 10);
    expect(await next(iterator)).toEqual([1]);

    source.destroy(new Error('14 UNAVAILABLE'));

    await expect(iterator.next()).rejects.toThrow('14 UNAVAILABLE');
  });

  it('pauses the stream while the consumer lags, and loses nothing when it resumes', async () => {
    const source = objectStream();
    const iterator = batches<number>(source, 2);
    source.write(0);
    expect(await next(iterator)).toEqual([0]);

    for (let n = 1; n <= 6; n++) source.write(n);
    await new Promise((resolve) => setImmediate(resolve));

    expect(source.isPaused()).toBe(true);
    expect([await next(iterator), await next(iterator), await next(iterator)]).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});
