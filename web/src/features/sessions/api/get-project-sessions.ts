import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

/** The project's sessions of a year, in the service's order (by date), up to 500. */
export const projectSessionsQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['project-sessions', id, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/projects/{id}/sessions', {
          params: { path: { id }, query: { ...afterOwnWrites(), year: String(year), limit: '500' } },
        }),
      ),
  });

export const useProjectSessions = (id: string, year: number, enabled: boolean) =>
  useQuery({ ...projectSessionsQuery(id, year), enabled });
