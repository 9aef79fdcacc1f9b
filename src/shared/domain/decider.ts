/**
 * The decider of an aggregate: a pure function pair over its own stream.
 * `evolve` is told the stream revision of the event it folds, so that the
 * state can remember where a fact was recorded (and point back to it when an
 * identical command is repeated).
 */
export interface Decider<Command, Event, State> {
  initialState(): State;
  evolve(state: State, event: Event, revision: number): State;
  decide(command: Command, state: State): Decision<Event>;
}

/** What a decider answers: new events, or "already applied at this revision". */
export type Decision<Event> = readonly Event[] | AlreadyApplied;

export interface AlreadyApplied {
  readonly alreadyApplied: true;
  /** Revision, in this stream, of the event that recorded the same fact. */
  readonly revision: number;
}

export const alreadyApplied = (revision: number): AlreadyApplied => ({ alreadyApplied: true, revision });

export const isAlreadyApplied = <E>(decision: Decision<E>): decision is AlreadyApplied => !Array.isArray(decision);

/** Exhaustiveness check for switches over discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
