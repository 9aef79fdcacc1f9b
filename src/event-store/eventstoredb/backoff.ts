/** Delays that double after each failure, up to a ceiling, and start over after a success. */
export class Backoff {
  private delay: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {
    this.delay = initialMs;
  }

  /** The delay to wait before the next attempt. */
  next(): number {
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, this.maxMs);
    return delay;
  }

  reset(): void {
    this.delay = this.initialMs;
  }
}
