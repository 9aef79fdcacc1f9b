import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

/** The project as recorded: its submission, status and decision. */
export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: ['project', id],
    queryFn: () => unwrap(api.GET('/api/projects/{id}', { params: { path: { id }, query: afterOwnWrites() } })),
  });

export const useProject = (id: string) => useQuery(projectQuery(id));
