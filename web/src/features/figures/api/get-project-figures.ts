import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

/** One project's figures for a year, with its targets. */
export const projectFiguresQuery = (year: number, projectId: string) =>
  queryOptions({
    queryKey: ['project-figures', year, projectId],
    queryFn: () =>
      unwrap(
        api.GET('/api/figures/{year}/projects/{projectId}', {
          params: { path: { year, projectId }, query: afterOwnWrites() },
        }),
      ),
  });

export const useProjectFigures = (year: number, projectId: string, enabled: boolean) =>
  useQuery({ ...projectFiguresQuery(year, projectId), enabled });
