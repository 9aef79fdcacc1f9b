import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type IssuedToken = components['schemas']['IssuedToken'];
export type TokenRequest = components['schemas']['IssueTokenDto'];

/** The tokens issued, without their secrets (coordinators). */
export const tokensQuery = queryOptions({
  queryKey: ['tokens'],
  queryFn: () => unwrap(api.GET('/api/tokens')),
});

export const useTokens = () => useQuery(tokensQuery);

/** Issues a token: the answer carries its secret, shown this once. */
export function useIssueToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenRequest) => unwrap(api.POST('/api/tokens', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
}

/** Revokes a token at once: its sessions end with it. */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
}
