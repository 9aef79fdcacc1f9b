import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

/** The events that make up one figure of a project (the first page, up to 1000 events). */
export const projectProvenanceQuery = (year: number, projectId: string, figure: string) =>
  queryOptions({
    queryKey: ['project-provenance', year, projectId, figure],
    queryFn: () =>
      unwrap(
        api.GET('/api/figures/{year}/projects/{projectId}/provenance', {
          params: { path: { year, projectId }, query: { ...afterOwnWrites(), figure, limit: '1000' } },
        }),
      ),
  });

export const useProjectProvenance = (year: number, projectId: string, figure: string) =>
  useQuery(projectProvenanceQuery(year, projectId, figure));
