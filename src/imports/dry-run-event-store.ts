import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  matchesExpectedRevision,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogPosition,
  type LogSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '../event-store/event-store.port.js';

/**
 * The event store as a dry run sees it: what is stored, plus what the run
 * "appended", which stays in memory and is thrown away with it. The command
 * loop runs against it unchanged (same handlers, same deciders, same
 * idempotency checks), so a dry run answers what the import would answer,
 * later rows seeing the effect of earlier ones, and writes nothing.
 *
 * Positions of events kept here are past the head of the log, so nothing
 * would mistake them for stored ones; the import never shows them.
 */
export class DryRunEventStore implements EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byCommand = new Map<string, StoredEvent[]>();
  private readonly ids = new Set<string>();
  /** The last stored revision of each stream read from its start (null: no such stream). */
  private readonly storedHeads = new Map<string, bigint | null>();
  private nextPosition: LogPosition | undefined;

  constructor(private readonly stored: EventStore) {}

  get maxPosition(): LogPosition {
    return this.stored.maxPosition;
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const kept = this.streams.get(stream) ?? [];
    const head = kept.length > 0 ? kept[kept.length - 1]!.revision : await this.storedHead(stream);
    if (!matchesExpectedRevision(options.expectedRevision, head)) {
      throw new WrongExpectedRevisionError(stream, options.expectedRevision, head);
    }
    for (const event of events) {
      if (this.ids.has(event.id)) throw new DuplicateEventIdError(event.id, stream);
    }
    this.nextPosition ??= ((await this.stored.headPosition()) ?? 0n) + 1n;
    let revision = head ?? -1n;
    const positions: bigint[] = [];
    for (const event of events) {
      revision += 1n;
      const position = this.nextPosition++;
      positions.push(position);
      const added: StoredEvent = { ...event, stream, revision, position };
      kept.push(added);
      this.ids.add(event.id);
      const command = this.byCommand.get(event.metadata.commandId) ?? [];
      command.push(added);
      this.byCommand.set(event.metadata.commandId, command);
    }
    this.streams.set(stream, kept);
    return { nextExpectedRevision: revision, position: positions[positions.length - 1]!, positions };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromRevision ?? 0n;
    const kept = this.streams.get(stream) ?? [];
    const firstKept = kept[0]?.revision;
    // What the run appended is contiguous from firstKept: read from it by index, not by filtering.
    if (firstKept !== undefined && from >= firstKept) {
      const start = Number(from - firstKept);
      return kept.slice(start, options.maxCount === undefined ? undefined : start + options.maxCount);
    }
    const stored = await this.stored.readStream(stream, withoutMaxCount(options));
    if (firstKept === undefined && (stored.length > 0 || from === 0n)) {
      this.storedHeads.set(stream, stored.length > 0 ? stored[stored.length - 1]!.revision : null);
    }
    const events =
      firstKept === undefined ? stored : [...stored.filter((event) => event.revision < firstKept), ...kept];
    return options.maxCount === undefined ? events : events.slice(0, options.maxCount);
  }

  async readCommandEvents(commandId: string): Promise<StoredEvent[]> {
    return [...(await this.stored.readCommandEvents(commandId)), ...(this.byCommand.get(commandId) ?? [])];
  }

  async readLastCommandEvents(commandIds: readonly string[]): Promise<Map<string, StoredEvent>> {
    const last = await this.stored.readLastCommandEvents(commandIds);
    for (const commandId of commandIds) {
      const kept = this.byCommand.get(commandId);
      if (kept && kept.length > 0) last.set(commandId, kept[kept.length - 1]!);
    }
    return last;
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.stored.readAll(options);
  }

  subscribeToAll(): LogSubscription {
    throw new Error('A dry run follows no subscription');
  }

  headPosition(): Promise<LogPosition | null> {
    return this.stored.headPosition();
  }

  ping(): Promise<void> {
    return this.stored.ping();
  }

  async close(): Promise<void> {
    // The stored log belongs to the service; what the run kept goes with it.
  }

  private async storedHead(stream: string): Promise<bigint | null> {
    const known = this.storedHeads.get(stream);
    if (known !== undefined) return known;
    const events = await this.stored.readStream(stream);
    return events.length === 0 ? null : events[events.length - 1]!.revision;
  }
}

const withoutMaxCount = ({ fromRevision }: ReadStreamOptions): ReadStreamOptions =>
  fromRevision === undefined ? {} : { fromRevision };
