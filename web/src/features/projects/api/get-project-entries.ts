import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

const params = (id: string, year: number) => ({
  params: { path: { id }, query: { ...afterOwnWrites(), year: String(year), limit: '500' } },
});

/** The stages, outreach and outcomes recorded for a project in a year, with their ids. */
export const projectStagesQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['project-stages', id, year],
    queryFn: () => unwrap(api.GET('/api/projects/{id}/stages', params(id, year))),
  });

export const projectOutreachQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['project-outreach', id, year],
    queryFn: () => unwrap(api.GET('/api/projects/{id}/outreach', params(id, year))),
  });

export const projectOutcomesQuery = (id: string, year: number) =>
  queryOptions({
    queryKey: ['project-outcomes', id, year],
    queryFn: () => unwrap(api.GET('/api/projects/{id}/outcomes', params(id, year))),
  });

export const useProjectStages = (id: string, year: number) => useQuery(projectStagesQuery(id, year));
export const useProjectOutreach = (id: string, year: number) => useQuery(projectOutreachQuery(id, year));
export const useProjectOutcomes = (id: string, year: number) => useQuery(projectOutcomesQuery(id, year));
