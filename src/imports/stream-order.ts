/**
 * Rows in file order where it matters: a row starts once every earlier row
 * that shares one of its streams has finished; rows on other streams proceed
 * together (and share the store's group commit). The outcome is that of
 * applying the rows one by one, in file order.
 */
export class StreamOrder {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(streams: readonly string[], work: () => Promise<T>): Promise<T> {
    const before: Promise<void>[] = [];
    for (const stream of streams) {
      const tail = this.tails.get(stream);
      if (tail) before.push(tail);
    }
    const result = before.length === 0 ? work() : Promise.all(before).then(work);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    for (const stream of streams) this.tails.set(stream, done);
    void done.then(() => {
      for (const stream of streams) if (this.tails.get(stream) === done) this.tails.delete(stream);
    });
    return result;
  }
}
