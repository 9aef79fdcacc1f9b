import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type ProgrammeFigures = components['schemas']['ProgrammeFigures'];
export type ProjectFigures = components['schemas']['ProjectFigures'];

/** Whose figures: the programme, one MDE's projects, or one project. */
export type FiguresScope =
  | { readonly kind: 'programme' }
  | { readonly kind: 'mde'; readonly mde: string }
  | { readonly kind: 'project'; readonly projectId: string };

/** The figures of a scope for a year; with `asOf`, as they stood at that time (events recorded up to then). */
export interface FiguresRequest {
  readonly year: number;
  readonly scope: FiguresScope;
  readonly asOf?: string | undefined;
}

const asOfQuery = (asOf: string | undefined) => (asOf === undefined ? {} : { asOf });

async function readFigures({ year, scope, asOf }: FiguresRequest): Promise<ProgrammeFigures | ProjectFigures> {
  const query = asOfQuery(asOf);
  switch (scope.kind) {
    case 'programme':
      return unwrap(api.GET('/api/figures/{year}', { params: { path: { year }, query } }));
    case 'mde':
      return unwrap(api.GET('/api/figures/{year}/mdes/{mde}', { params: { path: { year, mde: scope.mde }, query } }));
    case 'project':
      return unwrap(
        api.GET('/api/figures/{year}/projects/{projectId}', {
          params: { path: { year, projectId: scope.projectId }, query },
        }),
      );
  }
}

export const scopeKey = (scope: FiguresScope): string =>
  scope.kind === 'programme' ? 'programme' : scope.kind === 'mde' ? `mde:${scope.mde}` : `project:${scope.projectId}`;

export const figuresQuery = (request: FiguresRequest) =>
  queryOptions({
    queryKey: ['figures', request.year, scopeKey(request.scope), request.asOf ?? null],
    queryFn: () => readFigures(request),
  });

export const useFigures = (request: FiguresRequest, enabled = true) => useQuery({ ...figuresQuery(request), enabled });

/** The programme figures of a year, or one MDE's: the dashboard's shape. */
export function programmeFiguresQuery(year: number, mde: string | undefined) {
  const scope: FiguresScope = mde === undefined ? { kind: 'programme' } : { kind: 'mde', mde };
  return queryOptions({
    queryKey: figuresQuery({ year, scope }).queryKey,
    queryFn: async () => (await readFigures({ year, scope })) as ProgrammeFigures,
  });
}

/** One project's figures of a year, with the targets it set itself. */
export function projectFiguresQuery(year: number, projectId: string) {
  const scope: FiguresScope = { kind: 'project', projectId };
  return queryOptions({
    queryKey: figuresQuery({ year, scope }).queryKey,
    queryFn: async () => (await readFigures({ year, scope })) as ProjectFigures,
  });
}
