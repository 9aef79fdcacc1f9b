import type { DomainEvent } from '../shared/domain/event.js';

/** An MDE's name in the programme's two languages. */
export interface MdeNames {
  readonly fr: string;
  readonly nl: string;
}

export interface MdeRegisteredData {
  /** The slug projects and tokens name the MDE by. */
  readonly mdeId: string;
  readonly name: MdeNames;
}

/** An MDE registered, or renamed: the latest names are its names. */
export type MdeRegistered = DomainEvent<'MdeRegistered', MdeRegisteredData>;
export type MdeEvent = MdeRegistered;

export const MDE_EVENT_TYPES: readonly MdeEvent['type'][] = ['MdeRegistered'];

export const mdeStream = (mdeId: string): string => `mde-${mdeId}`;
