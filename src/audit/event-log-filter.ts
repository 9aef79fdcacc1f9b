import type { StoredEvent } from '../event-store/event-store.port.js';

/** Which events of the log a page keeps: of a type, recorded within a range of days (UTC, inclusive). */
export interface EventLogFilter {
  readonly type?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export const isFiltered = (filter: EventLogFilter): boolean =>
  filter.type !== undefined || filter.from !== undefined || filter.to !== undefined;

export function keeps(filter: EventLogFilter, event: StoredEvent): boolean {
  if (filter.type !== undefined && event.type !== filter.type) return false;
  const day = event.metadata.recordedAt.slice(0, 10);
  return (filter.from === undefined || day >= filter.from) && (filter.to === undefined || day <= filter.to);
}
