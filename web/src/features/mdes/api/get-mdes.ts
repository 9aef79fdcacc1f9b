import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';
import { useLocale } from '../../../i18n/locale';

export type Mde = components['schemas']['MdeList']['mdes'][number];

/** The registry of MDEs (any role): their slugs and their names in French and Dutch. */
export const mdesQuery = queryOptions({
  queryKey: ['mdes'],
  queryFn: () => unwrap(api.GET('/api/mdes')),
  staleTime: 60_000,
});

export const useMdes = () => useQuery(mdesQuery);

/** An MDE's name in the chosen language; its slug while the registry loads or when it is not registered. */
export function useMdeName(): (id: string) => string {
  const { locale } = useLocale();
  const { data } = useMdes();
  return useCallback((id: string) => data?.mdes.find((mde) => mde.id === id)?.name[locale] ?? id, [data, locale]);
}
