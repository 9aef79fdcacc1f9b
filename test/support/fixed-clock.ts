import { Clock } from '../../src/shared/clock.js';

/** A clock that says what the test tells it. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  today(): string {
    return this.current.toISOString().slice(0, 10);
  }

  set(iso: string): void {
    this.current = new Date(iso);
  }
}
