import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';

/** The year's corrections (cancelled sessions, retracted attendances) with their reasons and what they changed. */
export const correctionsQuery = (year: number) =>
  queryOptions({
    queryKey: ['corrections', year],
    queryFn: () => unwrap(api.GET('/api/figures/{year}/corrections', { params: { path: { year } } })),
  });

export const useCorrections = (year: number) => useQuery(correctionsQuery(year));
