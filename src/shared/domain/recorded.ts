import { alreadyApplied, type AlreadyApplied } from './decider.js';
import { ConflictError, NotFoundError } from './errors.js';
import { sameContent } from './same-content.js';

/** A fact in an aggregate's state, with the stream revision that recorded it. */
export interface Recorded<T> {
  readonly data: T;
  readonly revision: number;
}

/**
 * A fact sent again: the same content is already applied (nothing to write);
 * other content under the same id is a conflict. Undefined when it is new.
 */
export function repeated<T>(earlier: Recorded<T> | undefined, data: T, conflict: string): AlreadyApplied | undefined {
  if (!earlier) return undefined;
  if (sameContent(earlier.data, data)) return alreadyApplied(earlier.revision);
  throw new ConflictError(conflict);
}

type Existing<S> = Exclude<S, { readonly status: 'absent' }>;

/** The aggregate named by the command must exist. */
export function mustExist<S extends { readonly status: string }>(state: S, notFound: string): Existing<S> {
  if (state.status === 'absent') throw new NotFoundError(notFound);
  return state as Existing<S>;
}

/** In `evolve`: any event but the first needs the aggregate to exist (a broken stream otherwise). */
export function created<S extends { readonly status: string }>(state: S, first: string): Existing<S> {
  if (state.status === 'absent') throw new Error(`Event before ${first}`);
  return state as Existing<S>;
}
