import { Backoff } from '../../../src/event-store/eventstoredb/backoff.js';

describe('backoff between attempts', () => {
  it('doubles the delay up to its ceiling, and starts over after a success', () => {
    const backoff = new Backoff(100, 500);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([
      100, 200, 400, 500, 500,
    ]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });
});
