import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { LogRecord } from './double-log.js';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type RecordedEvent = InstanceType<typeof streamsPb.ReadResp.ReadEvent.RecordedEvent>;

export function streamNameOf(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}

export function uuidOf(uuid: InstanceType<typeof sharedPb.UUID> | undefined): string {
  if (!uuid) return '';
  if (uuid.hasString()) return uuid.getString();
  // The structured form: two signed 64-bit halves, most significant first.
  const structured = uuid.getStructured()!;
  const half = (value: string) => BigInt.asUintN(64, BigInt(value)).toString(16).padStart(16, '0');
  const hex = half(structured.getMostSignificantBits()) + half(structured.getLeastSignificantBits());
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function recordOf(record: LogRecord): RecordedEvent {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(record.id);
  recorded.setId(id);
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(record.stream));
  recorded.setStreamIdentifier(identifier);
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.toString());
  recorded.setPreparePosition(record.position.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created.toString());
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.metadata);
  return recorded;
}

/** A read's event: the link and the event it points at when links are resolved, else the record alone. */
export function readEventOf(
  record: LogRecord,
  target: LogRecord | undefined,
  withCommitPosition: boolean,
): InstanceType<typeof streamsPb.ReadResp.ReadEvent> {
  const event = new streamsPb.ReadResp.ReadEvent();
  if (target) {
    event.setEvent(recordOf(target));
    event.setLink(recordOf(record));
  } else {
    event.setEvent(recordOf(record));
  }
  if (withCommitPosition) event.setCommitPosition(record.position.toString());
  else event.setNoPosition(new sharedPb.Empty());
  return event;
}

/** A read's or subscription's server-side filter: on stream name or event type, by regex or prefixes. */
export class RecordFilter {
  private readonly on: 'stream' | 'type' | undefined;
  private readonly regex: RegExp | undefined;
  private readonly prefixes: readonly string[];

  constructor(options: ReadOptions) {
    const filter = options.hasFilter() ? options.getFilter() : undefined;
    const expression = filter?.hasStreamIdentifier() ? filter.getStreamIdentifier() : filter?.getEventType();
    this.on = filter === undefined ? undefined : filter.hasStreamIdentifier() ? 'stream' : 'type';
    const regex = expression?.getRegex();
    this.regex = regex ? new RegExp(regex) : undefined;
    this.prefixes = expression?.getPrefixList() ?? [];
  }

  get active(): boolean {
    return this.on !== undefined;
  }

  accepts(record: LogRecord): boolean {
    if (this.on === undefined) return true;
    const value = this.on === 'stream' ? record.stream : record.type;
    if (this.regex && !this.regex.test(value)) return false;
    return this.prefixes.length === 0 || this.prefixes.some((prefix) => value.startsWith(prefix));
  }
}
