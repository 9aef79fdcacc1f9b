import { mdeDecider } from '../../src/mdes/mde.decider.js';
import { specificationFor } from '../support/decider-specification.js';

const { given } = specificationFor(mdeDecider);
const forest = { mdeId: 'forest', name: { fr: 'Forest', nl: 'Vorst' } };
const registered = { type: 'MdeRegistered', data: forest } as const;

describe('MDE decider', () => {
  it('registers a new MDE', () => {
    given([]).when({ type: 'RegisterMde', data: forest }).then([registered]);
  });

  it('answers the same names again as already applied', () => {
    given([registered])
      .when({ type: 'RegisterMde', data: { ...forest } })
      .thenAlreadyApplied(0);
  });

  it('renames an MDE registered again with other names; the latest names count', () => {
    const renamed = { mdeId: 'forest', name: { fr: 'Forest', nl: 'Vorst (Brussel)' } };
    given([registered])
      .when({ type: 'RegisterMde', data: renamed })
      .then([{ type: 'MdeRegistered', data: renamed }]);
    given([registered, { type: 'MdeRegistered', data: renamed }])
      .when({ type: 'RegisterMde', data: forest })
      .then([registered]);
  });
});
