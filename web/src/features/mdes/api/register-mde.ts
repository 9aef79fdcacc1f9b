import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';
import { mdesQuery } from './get-mdes';

export type MdeRegistration = components['schemas']['RegisterMdeDto'];

/** Registers an MDE, or renames it when its slug is already registered (coordinators). */
export function useRegisterMde() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MdeRegistration) => unwrap(api.POST('/api/mdes', { body })),
    onSuccess: (answer) =>
      client.fetchQuery({
        ...mdesQuery,
        queryFn: () => unwrap(api.GET('/api/mdes', { params: { query: { minPosition: answer.position } } })),
      }),
  });
}
