import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { loggedEvent } from '../audit/logged-event.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../event-store/event-store.port.js';
import { parsePosition } from '../projections/consistency.js';

interface EventsOptions {
  after?: bigint;
  limit?: number;
  stream?: string;
}

/** The log as NDJSON, one event a line, exactly as stored: for auditors' own tools. */
@Command({ name: 'events', description: 'Print the log (or one stream) as NDJSON, in order' })
export class EventsCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], options: EventsOptions): Promise<void> {
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    let after = options.after;
    let fromRevision = 0n;
    while (remaining > 0) {
      const maxCount = Math.min(1000, remaining);
      let page: StoredEvent[];
      if (options.stream !== undefined) {
        page = await this.store.readStream(options.stream, { fromRevision, maxCount });
        if (page.length > 0) fromRevision = page[page.length - 1]!.revision + 1n;
      } else {
        page = await this.store.readAll({ ...(after === undefined ? {} : { after }), maxCount });
        if (page.length > 0) after = page[page.length - 1]!.position;
      }
      if (page.length === 0) return;
      if (!process.stdout.write(page.map((event) => JSON.stringify(loggedEvent(event))).join('\n') + '\n')) {
        await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      remaining -= page.length;
    }
  }

  @Option({ flags: '--after <position>', description: 'start after this log position' })
  parseAfter(value: string): bigint {
    if (!/^\d{1,20}$/.test(value)) throw new Error('--after must be a log position');
    return parsePosition(value);
  }

  @Option({ flags: '--limit <count>', description: 'print at most this many events' })
  parseLimit(value: string): number {
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit must be a positive whole number');
    return limit;
  }

  @Option({ flags: '--stream <stream>', description: 'one stream only (e.g. session-dm-01)' })
  parseStream(value: string): string {
    return value;
  }
}
