import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/generated/schema';

export type LoggedEvent = components['schemas']['LoggedEvent'];

export const PAGE_SIZE = 100;

/** A page of the global log after a position (exclusive), or of one stream from a revision. */
export interface EventLogRequest {
  readonly stream?: string | undefined;
  readonly after?: string | undefined;
  /** Filters of the global log, applied by the service: one event type, recording days (UTC, inclusive). */
  readonly type?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface EventLogPage {
  readonly events: readonly LoggedEvent[];
  /** The next page's request, or undefined on the last page. */
  readonly next: EventLogRequest | undefined;
}

async function readPage(request: EventLogRequest): Promise<EventLogPage> {
  if (request.stream !== undefined) {
    const fromRevision = request.after ?? '0';
    const answer = await unwrap(
      api.GET('/api/streams/{stream}', {
        params: { path: { stream: request.stream }, query: { fromRevision, limit: String(PAGE_SIZE) } },
      }),
    );
    const last = answer.events[answer.events.length - 1];
    return {
      events: answer.events,
      next:
        answer.events.length === PAGE_SIZE && last
          ? { stream: request.stream, after: String(last.revision + 1) }
          : undefined,
    };
  }
  const filters = {
    ...(request.type === undefined ? {} : { type: request.type }),
    ...(request.from === undefined ? {} : { from: request.from }),
    ...(request.to === undefined ? {} : { to: request.to }),
  };
  const answer = await unwrap(
    api.GET('/api/events', {
      params: {
        query: {
          limit: String(PAGE_SIZE),
          ...filters,
          ...(request.after === undefined ? {} : { after: request.after }),
        },
      },
    }),
  );
  return { events: answer.events, next: answer.next === null ? undefined : { ...filters, after: answer.next } };
}

export const eventLogQuery = (request: EventLogRequest) =>
  queryOptions({
    queryKey: [
      'events',
      request.stream ?? null,
      request.after ?? null,
      request.type ?? null,
      request.from ?? null,
      request.to ?? null,
    ],
    queryFn: () => readPage(request),
    placeholderData: keepPreviousData,
  });

export const useEventLog = (request: EventLogRequest) => useQuery(eventLogQuery(request));
