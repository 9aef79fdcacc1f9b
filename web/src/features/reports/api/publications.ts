import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';
import type { ReportLanguage } from '../formats';

export type Publication = components['schemas']['Publication'];

export const publicationsQuery = (year: number) =>
  queryOptions({
    queryKey: ['publications', year],
    queryFn: () => unwrap(api.GET('/api/reports/{year}/publications', { params: { path: { year } } })),
  });

export const usePublications = (year: number) => useQuery(publicationsQuery(year));

/** What changed in the figures since a publication, with the events that changed them. */
export const publicationChangesQuery = (year: number, n: number) =>
  queryOptions({
    queryKey: ['publications', year, n, 'changes'],
    queryFn: () => unwrap(api.GET('/api/reports/{year}/publications/{n}/changes', { params: { path: { year, n } } })),
  });

export const usePublicationChanges = (year: number, n: number) => useQuery(publicationChangesQuery(year, n));

/** Freezes the year's report at the current position (coordinators). */
export function usePublish(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (lang: ReportLanguage) =>
      unwrap(api.POST('/api/reports/{year}/publications', { params: { path: { year } }, body: { lang } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['publications', year] }),
  });
}
