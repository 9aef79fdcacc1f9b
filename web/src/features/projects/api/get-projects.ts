import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

export interface ProjectFilter {
  readonly year?: string;
  readonly status?: 'submitted' | 'approved' | 'rejected';
}

/** The projects in the signed-in token's scope (a partner: its MDEs'), a page of 100 at a time. */
export const projectsQuery = (filter: ProjectFilter) =>
  infiniteQueryOptions({
    queryKey: ['projects', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/projects', {
          params: {
            query: {
              ...afterOwnWrites(),
              ...(filter.year ? { year: filter.year } : {}),
              ...(filter.status ? { status: filter.status } : {}),
              ...(pageParam ? { after: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next ?? undefined,
  });

export const useProjects = (filter: ProjectFilter) => useInfiniteQuery(projectsQuery(filter));
