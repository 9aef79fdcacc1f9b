import { createHash, type Hash } from 'node:crypto';
import type { EventStore } from '../event-store/event-store.port.js';
import { canonicalJson } from '../shared/domain/same-content.js';

export interface StreamSummary {
  readonly events: number;
  /** SHA-256 over each event's id, type, data and metadata, in stream order. */
  readonly digest: string;
}

export interface StreamDifference {
  readonly stream: string;
  /** Null when the stream is missing on that side. */
  readonly source: StreamSummary | null;
  readonly target: StreamSummary | null;
}

export interface LogComparison {
  readonly sourceEvents: number;
  readonly targetEvents: number;
  readonly streams: number;
  readonly differences: readonly StreamDifference[];
}

/**
 * Compares two logs stream by stream: event counts and a digest of what each
 * event says. Positions are left out: they are the store's own, and differ.
 */
export async function compareLogs(source: EventStore, target: EventStore): Promise<LogComparison> {
  const [fromSource, fromTarget] = await Promise.all([summarise(source), summarise(target)]);
  const streams = [...new Set([...fromSource.keys(), ...fromTarget.keys()])].sort();
  const differences: StreamDifference[] = [];
  for (const stream of streams) {
    const a = fromSource.get(stream) ?? null;
    const b = fromTarget.get(stream) ?? null;
    if (a?.events !== b?.events || a?.digest !== b?.digest) differences.push({ stream, source: a, target: b });
  }
  return { sourceEvents: total(fromSource), targetEvents: total(fromTarget), streams: streams.length, differences };
}

/** Each stream's summary, in one pass over the log. */
export async function summarise(store: EventStore, pageSize = 1000): Promise<Map<string, StreamSummary>> {
  const running = new Map<string, { events: number; hash: Hash }>();
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      let stream = running.get(event.stream);
      if (!stream) running.set(event.stream, (stream = { events: 0, hash: createHash('sha256') }));
      stream.events += 1;
      stream.hash.update(canonicalJson({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
      stream.hash.update('\n');
    }
    after = page[page.length - 1]!.position;
  }
  return new Map([...running].map(([stream, { events, hash }]) => [stream, { events, digest: hash.digest('hex') }]));
}

function total(summaries: ReadonlyMap<string, StreamSummary>): number {
  let events = 0;
  for (const summary of summaries.values()) events += summary.events;
  return events;
}
