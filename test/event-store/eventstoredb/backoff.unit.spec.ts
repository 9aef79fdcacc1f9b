import { Backoff } from '../../../src/event-store/eventstoredb/backoff.js';

describe('backoff between attempts', () => {
  it('doubles the step up to its ceiling, and starts over after a success', () => {
    const backoff = new Backoff(100, 500, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      100, 200, 400, 500, 500,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('waits between half and all of each step, so instances that failed together do not retry in lockstep', () => {
    const least = new Backoff(100, 500, () => 0);
    expect([least.next(), least.next(), least.next(), least.next()]).toEqual([50, 100, 200, 250]);

    const delays = Array.from({ length: 20 }, () => new Backoff(1000, 30_000).next());
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
    expect(new Set(delays).size).toBeGreaterThan(10);
  });
});
