import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';
import type { FiguresScope } from './get-figures';
import { scopeKey } from './get-figures';

export type Provenance = components['schemas']['Provenance'];

export interface ProvenanceRequest {
  readonly year: number;
  readonly scope: FiguresScope;
  readonly figure: string;
  readonly asOf?: string | undefined;
}

interface PageCursor {
  readonly after?: string;
  /** Every page after the first is read at the first page's position, so the pages fit together. */
  readonly atPosition?: string;
}

const PAGE_SIZE = '50';

function readPage({ year, scope, figure, asOf }: ProvenanceRequest, cursor: PageCursor): Promise<Provenance> {
  const query = {
    figure,
    limit: PAGE_SIZE,
    ...(cursor.atPosition === undefined ? (asOf === undefined ? {} : { asOf }) : { atPosition: cursor.atPosition }),
    ...(cursor.after === undefined ? {} : { after: cursor.after }),
  };
  switch (scope.kind) {
    case 'programme':
      return unwrap(api.GET('/api/figures/{year}/provenance', { params: { path: { year }, query } }));
    case 'mde':
      return unwrap(
        api.GET('/api/figures/{year}/mdes/{mde}/provenance', { params: { path: { year, mde: scope.mde }, query } }),
      );
    case 'project':
      return unwrap(
        api.GET('/api/figures/{year}/projects/{projectId}/provenance', {
          params: { path: { year, projectId: scope.projectId }, query },
        }),
      );
  }
}

/** A figure's provenance, a page of events at a time. */
export const provenanceQuery = (request: ProvenanceRequest) =>
  infiniteQueryOptions({
    queryKey: ['provenance', request.year, scopeKey(request.scope), request.figure, request.asOf ?? null],
    queryFn: ({ pageParam }) => readPage(request, pageParam),
    initialPageParam: {},
    getNextPageParam: (last, pages): PageCursor | undefined =>
      last.next === undefined ? undefined : { after: last.next, atPosition: pages[0]?.position ?? last.position },
  });

export const useProvenance = (request: ProvenanceRequest) => useInfiniteQuery(provenanceQuery(request));
