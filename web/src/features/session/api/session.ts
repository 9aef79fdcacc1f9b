import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type SignedIn = components['schemas']['BrowserSession'];

/** Who is signed in, or null when nobody is (the service answers 401). */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SignedIn | null> => {
    try {
      return await unwrap(api.GET('/api/session'));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const useSession = () => useQuery(sessionQuery);

/** Exchanges the pasted token for the session cookie; the token is not kept anywhere. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/session', { body: { token } })),
    // Another token may see other things: nothing cached for the previous one is kept.
    onSuccess: () => client.resetQueries(),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/session')),
    onSuccess: () => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
      client.setQueryData(sessionQuery.queryKey, null);
    },
  });
}
