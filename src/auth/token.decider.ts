import { alreadyApplied, assertNever, type Decider, type Decision } from '../shared/domain/decider.js';
import { ConflictError } from '../shared/domain/errors.js';
import { mustExist, type Recorded } from '../shared/domain/recorded.js';
import { requireRegisteredMdes } from '../shared/domain/registered-mdes.js';
import type { TokenEvent, TokenIssuedData } from './token.events.js';

export type TokenCommand =
  | {
      readonly type: 'IssueToken';
      readonly data: TokenIssuedData;
      /** The MDEs of a partner's scope that the registry does not hold. */
      readonly unregisteredMdes: readonly string[];
    }
  | { readonly type: 'RevokeToken'; readonly data: { readonly tokenId: string } };

export type TokenState =
  | { readonly status: 'absent' }
  | { readonly status: 'active' | 'revoked'; readonly issued: Recorded<TokenIssuedData>; readonly revokedAt?: number };

export const tokenDecider: Decider<TokenCommand, TokenEvent, TokenState> = {
  initialState: () => ({ status: 'absent' }),
  evolve(state, event, revision) {
    switch (event.type) {
      case 'TokenIssued':
        return { status: 'active', issued: { data: event.data, revision } };
      case 'TokenRevoked':
        return state.status === 'absent' ? state : { ...state, status: 'revoked', revokedAt: revision };
      default:
        return assertNever(event);
    }
  },
  decide(command, state): Decision<TokenEvent> {
    switch (command.type) {
      case 'IssueToken':
        // Ids are random: an existing one is a collision or a replayed bootstrap, never a repeat.
        if (state.status !== 'absent') throw new ConflictError(`Token ${command.data.tokenId} already exists`);
        requireRegisteredMdes(command.unregisteredMdes);
        return [{ type: 'TokenIssued', data: command.data }];
      case 'RevokeToken': {
        const token = mustExist(state, `Token ${command.data.tokenId} does not exist`);
        if (token.revokedAt !== undefined) return alreadyApplied(token.revokedAt);
        return [{ type: 'TokenRevoked', data: command.data }];
      }
      default:
        return assertNever(command);
    }
  },
};
