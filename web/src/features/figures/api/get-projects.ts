import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type ProjectSummary = components['schemas']['ProjectPage']['items'][number];

/** The approved projects of a year in scope (all of them: the list is read page by page). */
export const approvedProjectsQuery = (year: number, mde: string | undefined) =>
  queryOptions({
    queryKey: ['projects', 'approved', year, mde ?? null],
    queryFn: async (): Promise<ProjectSummary[]> => {
      const projects: ProjectSummary[] = [];
      let after: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/projects', {
            params: {
              query: {
                year: String(year),
                status: 'approved',
                limit: '500',
                ...(mde === undefined ? {} : { mde }),
                ...(after === undefined ? {} : { after }),
              },
            },
          }),
        );
        projects.push(...page.items);
        after = page.next ?? undefined;
      } while (after !== undefined);
      return projects;
    },
  });
