import { tokenDecider } from '../../src/auth/token.decider.js';
import type { TokenIssuedData } from '../../src/auth/token.events.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../src/shared/domain/errors.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(tokenDecider);

const token: TokenIssuedData = {
  tokenId: 'tok_forest',
  role: 'partner',
  mdes: ['forest'],
  label: 'MDE Forest',
  secretHash: 'ab'.repeat(32),
};
const issued = { type: 'TokenIssued', data: token } as const;
const revoked = { type: 'TokenRevoked', data: { tokenId: 'tok_forest' } } as const;

describe('token decider', () => {
  describe('IssueToken', () => {
    it('issues a new token', () => {
      given([]).when({ type: 'IssueToken', data: token, unregisteredMdes: [] }).then([issued]);
    });

    it('refuses an id that exists, even with the same content: ids are random, so it is a collision', () => {
      given([issued])
        .when({ type: 'IssueToken', data: token, unregisteredMdes: [] })
        .thenThrows(ConflictError, /already exists/);
      given([issued, revoked])
        .when({ type: 'IssueToken', data: token, unregisteredMdes: [] })
        .thenThrows(ConflictError);
    });

    it('refuses a partner scope naming an MDE the registry does not hold', () => {
      given([])
        .when({ type: 'IssueToken', data: token, unregisteredMdes: ['forest'] })
        .thenThrows(RuleViolationError, /MDE forest is not registered/);
    });
  });

  describe('RevokeToken', () => {
    it('revokes an active token', () => {
      given([issued])
        .when({ type: 'RevokeToken', data: { tokenId: 'tok_forest' } })
        .then([revoked]);
    });

    it('answers a second revocation as already applied, at the revocation', () => {
      given([issued, revoked])
        .when({ type: 'RevokeToken', data: { tokenId: 'tok_forest' } })
        .thenAlreadyApplied(1);
    });

    it('cannot revoke a token that was never issued', () => {
      given([])
        .when({ type: 'RevokeToken', data: { tokenId: 'tok_nothere' } })
        .thenThrows(NotFoundError, /tok_nothere does not exist/);
    });
  });
});
