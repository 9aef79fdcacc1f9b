/**
 * Delays that double after each failure, up to a ceiling, and start over after
 * a success. Each delay is drawn between half and all of its step ("equal
 * jitter"): instances that lost the store together do not all reconnect in the
 * same millisecond, and none retries sooner than half its step.
 */
export class Backoff {
  private delay: number;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    this.delay = initialMs;
  }

  /** The delay to wait before the next attempt. */
  next(): number {
    const step = this.delay;
    this.delay = Math.min(this.delay * 2, this.maxMs);
    return Math.round(step / 2 + (step / 2) * this.random());
  }

  reset(): void {
    this.delay = this.initialMs;
  }
}
