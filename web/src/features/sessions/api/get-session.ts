import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { afterOwnWrites } from '../../../lib/read-your-writes';

/** A session as recorded, with everyone whose attendance was recorded. */
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: ['session-record', id],
    queryFn: () => unwrap(api.GET('/api/sessions/{id}', { params: { path: { id }, query: afterOwnWrites() } })),
  });

export const useSessionRecord = (id: string) => useQuery(sessionQuery(id));
