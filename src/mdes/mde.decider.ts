import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { sameContent } from '../shared/domain/same-content.js';
import type { Recorded } from '../shared/domain/recorded.js';
import type { MdeEvent, MdeRegisteredData } from './mde.events.js';

export type MdeCommand = { readonly type: 'RegisterMde'; readonly data: MdeRegisteredData };

export type MdeState =
  { readonly status: 'absent' } | { readonly status: 'registered'; readonly registration: Recorded<MdeRegisteredData> };

/** The registry of MDEs (docs/domain.md): registered by coordinators; registering again renames. */
export const mdeDecider: Decider<MdeCommand, MdeEvent, MdeState> = {
  initialState: () => ({ status: 'absent' }),
  evolve(_state, event, revision) {
    switch (event.type) {
      case 'MdeRegistered':
        return { status: 'registered', registration: { data: event.data, revision } };
      default:
        return assertNever(event.type);
    }
  },
  decide(command, state): Decision<MdeEvent> {
    switch (command.type) {
      case 'RegisterMde':
        if (state.status === 'registered' && sameContent(state.registration.data, command.data)) {
          return alreadyApplied(state.registration.revision);
        }
        return [{ type: 'MdeRegistered', data: command.data }];
      default:
        return assertNever(command.type);
    }
  },
};
