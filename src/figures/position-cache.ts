/** Values kept at most: one a scope and year (the programme, an MDE or a project); past that the oldest goes. */
const MOST_VALUES = 512;

/**
 * What the figures read side reads from the read models, each read once per
 * position: a figures request at an unchanged position is answered without
 * reading the read store, parsing a project or shaping the counters again
 * (most of a GET's own CPU and allocations, docs/performance.md). Every value
 * of an older position is dropped as soon as the position moves. It holds
 * reads, never decisions: who may read a scope is decided on every request.
 */
export class PositionCache<Value> {
  private position: string | undefined;
  private readonly values = new Map<string, Value>();

  /**
   * The value of `key` at `position`, read by `read` unless this position
   * already has one. `read` must see the read models as they stand, at or
   * after `position`: the position is read before them, never after.
   */
  get(key: string, position: string, read: () => Value): Value {
    if (position !== this.position) {
      this.values.clear();
      this.position = position;
    }
    if (this.values.has(key)) return this.values.get(key)!;
    const value = read();
    if (this.values.size >= MOST_VALUES) this.values.delete(this.values.keys().next().value!);
    this.values.set(key, value);
    return value;
  }
}
