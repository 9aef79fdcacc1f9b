import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../shared/domain/event.js';
import type { EventData, StoredEvent } from './event-store.port.js';

/** Turns the data of one version of an event type into the next version's shape. */
export interface Upcaster {
  readonly type: string;
  /** The version it reads; it writes `from + 1`. */
  readonly from: number;
  upcast(data: EventData): EventData;
}

/**
 * The schema versions of the events, oldest first. A change of an event's
 * fields adds an upcaster here and never rewrites a stored event: every event
 * is read in its current shape, so a replay of an old log never breaks.
 */
export const UPCASTERS: readonly Upcaster[] = [
  {
    // v1, from the partners' spreadsheets, named one MDE per project (`mde`);
    // thematic projects span several MDEs, so v2 has `mdes`. (Events written by
    // this service as v1 already carry `mdes`: they pass unchanged.)
    type: 'ProjectSubmitted',
    from: 1,
    upcast: (data) => {
      if (data.mdes !== undefined || typeof data.mde !== 'string') return data;
      const { mde, ...rest } = data;
      return { ...rest, mdes: [mde] };
    },
  },
];

export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly version: number,
    readonly known: number,
  ) {
    super(
      `Event ${type} has schema version ${version}; this program knows up to ${known}: upgrade it to read this log`,
    );
    this.name = 'UnknownSchemaVersionError';
  }
}

@Injectable()
export class EventSchemas {
  private readonly chains = new Map<string, Upcaster[]>();

  constructor() {
    for (const upcaster of UPCASTERS) {
      const chain = this.chains.get(upcaster.type) ?? [];
      if (upcaster.from !== chain.length + 1) {
        throw new Error(`Upcasters of ${upcaster.type} must go 1, 2, 3…; got ${upcaster.from} after ${chain.length}`);
      }
      chain.push(upcaster);
      this.chains.set(upcaster.type, chain);
    }
  }

  /** The version new events of this type are written in. */
  currentVersion(type: string): number {
    return (this.chains.get(type)?.length ?? 0) + 1;
  }

  /** The stored event with its data in the current shape (metadata as stored). */
  upcast(stored: StoredEvent): StoredEvent {
    const current = this.currentVersion(stored.type);
    const version = stored.metadata.schemaVersion ?? 1;
    if (version === current) return stored;
    if (version > current) throw new UnknownSchemaVersionError(stored.type, version, current);
    let data = stored.data;
    for (const upcaster of this.chains.get(stored.type)!.slice(version - 1)) data = upcaster.upcast(data);
    // The stored JSON text is no longer this event's data.
    const { json: _stored, ...rest } = stored;
    return { ...rest, data };
  }

  toDomainEvent<E extends DomainEvent<string, object>>(stored: StoredEvent): E {
    const current = this.upcast(stored);
    return { type: current.type, data: current.data } as unknown as E;
  }
}
