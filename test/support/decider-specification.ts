import { alreadyApplied, type Decider } from '../../src/shared/domain/decider.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * given(events).when(command).then(events) for a decider:
 * the events are folded into the state, the command decided against it.
 */
export function specificationFor<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const decide = () =>
            decider.decide(
              command,
              events.reduce((state, event, revision) => decider.evolve(state, event, revision), decider.initialState()),
            );
          return {
            then(expected: readonly E[]): void {
              expect(decide()).toEqual(expected);
            },
            /** Nothing is written: the command repeats the fact recorded at that revision. */
            thenAlreadyApplied(revision: number): void {
              expect(decide()).toEqual(alreadyApplied(revision));
            },
            thenThrows(errorClass: ErrorClass, message?: RegExp): void {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (message) expect((thrown as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
