import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type AnchorVerification = components['schemas']['AnchorVerification'];

/** The head of the hash chain over the log. */
export const ledgerQuery = queryOptions({
  queryKey: ['ledger'],
  queryFn: () => unwrap(api.GET('/api/audit/ledger')),
});

export const useLedger = () => useQuery(ledgerQuery);

export interface Anchor {
  readonly position: string;
  readonly hash: string;
  readonly check?: string | undefined;
}

/** Recomputes the chain from the events up to the anchor's position and compares it with the anchor's hash. */
export function verifyAnchor(anchor: Anchor): Promise<AnchorVerification> {
  return unwrap(
    api.GET('/api/audit/ledger/anchors/{position}', {
      params: {
        path: { position: anchor.position },
        query: { hash: anchor.hash, ...(anchor.check === undefined ? {} : { check: anchor.check }) },
      },
    }),
  );
}

export const useVerifyAnchor = () => useMutation({ mutationFn: verifyAnchor });
