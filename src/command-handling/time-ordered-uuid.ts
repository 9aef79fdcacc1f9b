import { randomUUID } from 'node:crypto';

/** RFC 9562, 6.2, method 1: a 42-bit counter in rand_a (12 bits) and the top of rand_b (30 bits). */
const COUNTER_LIMIT = 2 ** 42;
const LOW_BITS = 2 ** 30;
/** A new millisecond's counter starts at a random value below half its range, leaving room to count. */
const SEED_LIMIT = 2 ** 41;

/**
 * Version-7 UUIDs (RFC 9562): the Unix time in milliseconds, a counter, then
 * random bits. Ids made one after the other sort in the order they were made,
 * also within one millisecond (the counter goes up by one) and when the clock
 * steps back (the last time is kept), so the event id index grows at its end
 * instead of at a random place: appending costs the same with ten thousand or
 * a million events stored. A counter that overflows moves on to the next
 * millisecond, as the RFC allows.
 *
 * The random bits are those of a version-4 UUID: randomUUID draws from a pool
 * of entropy, where randomBytes(16) made a system call for every id (3% of a
 * command).
 */
export function timeOrderedUuids(clock: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const random = randomUUID();
    const now = clock();
    if (now > lastMs) {
      lastMs = now;
      counter = parseInt(random.slice(24, 35), 16) % SEED_LIMIT;
    } else if (++counter === COUNTER_LIMIT) {
      lastMs++;
      counter = 0;
    }
    const time = lastMs.toString(16).padStart(12, '0');
    const high = Math.floor(counter / LOW_BITS)
      .toString(16)
      .padStart(3, '0');
    // The variant (binary 10) above the counter's low 30 bits.
    const low = (2 ** 31 + (counter % LOW_BITS)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${high}-${low.slice(0, 4)}-${low.slice(4)}${random.slice(0, 8)}`;
  };
}

/** The service's ids, in the order it makes them. */
export const timeOrderedUuid: () => string = timeOrderedUuids();
