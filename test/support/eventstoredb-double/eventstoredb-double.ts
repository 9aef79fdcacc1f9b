import * as grpc from '@grpc/grpc-js';
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import { DoubleLog, type AppendOutcome, type Expected, type LogRecord, type ProposedEvent } from './double-log.js';
import { RecordFilter, readEventOf, streamNameOf, uuidOf } from './double-messages.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;

/** What a call can be made to do instead of its normal answer. */
export type Fault =
  /** The server is a follower: it names the leader (this double, unless told otherwise). */
  | { readonly kind: 'not-leader'; readonly host?: string; readonly port?: number }
  | { readonly kind: 'not-ready' }
  | { readonly kind: 'busy' }
  /** The call is accepted and never answered: only the client's deadline or cancel ends it. */
  | { readonly kind: 'never-answer' }
  /** A subscription hands out this many events, then the server drops it (UNAVAILABLE). */
  | { readonly kind: 'drop-after'; readonly events: number };

export type FaultyCall = 'append' | 'batch-append' | 'read-stream' | 'read-all' | 'subscribe';

export interface DoubleOptions {
  /** The server's MaxAppendSize: 1 MiB by default, as the server's. */
  readonly maxAppendSize?: number;
  /** Runs the `$by_correlation_id` projection, writing each link this many ms after its event (absent: not running). */
  readonly correlationLagMs?: number;
  /** Whether ServerFeatures lists BatchAppend, as a v24 server does. */
  readonly batchAppend?: boolean;
  /** Position of the first record: a log that has run for a while starts far beyond 0. */
  readonly firstPosition?: bigint;
}

interface Live {
  readonly filter: RecordFilter;
  readonly resolveLinks: boolean;
  readonly call: grpc.ServerWritableStream<ReadReq, ReadResp>;
  left: number;
}

/**
 * A gRPC server that answers the EventStoreDB client as a v24.10 single node
 * does, for the parts this service uses: ServerFeatures, Streams.Append and
 * BatchAppend, Streams.Read of a stream and of `$all` in both directions, and
 * catch-up subscriptions to `$all` with filters, confirmation, checkpoints and
 * caught-up. Faults can be injected per call kind. For tests only: never shipped.
 */
export class EventStoreDbDouble {
  readonly log: DoubleLog;
  private readonly server = new grpc.Server();
  private readonly faults = new Map<FaultyCall, Fault[]>();
  private readonly live = new Set<Live>();
  private readonly openCalls = new Set<grpc.ServerWritableStream<ReadReq, ReadResp>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;
  /** Appends answered, per call kind: what a test measures the cost of a command in. */
  readonly appends = { append: 0, batchAppend: 0 };
  readonly reads = { stream: 0, all: 0, subscriptions: 0 };

  constructor(private readonly options: DoubleOptions = {}) {
    this.log = new DoubleLog(options.maxAppendSize ?? 1024 * 1024, options.firstPosition ?? 0n);
    this.server.addService(streamsGrpc.StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) =>
        this.append(call, callback),
      batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      delete: unimplemented,
      tombstone: unimplemented,
    });
    this.server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, this.features()),
    });
  }

  /** Listens on a free loopback port; the connection string the client takes. */
  async start(): Promise<string> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.writeSystemEvents();
    return this.connectionString;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.forceShutdown();
    await Promise.resolve();
  }

  /** The next `times` calls of that kind fail as told. */
  inject(call: FaultyCall, fault: Fault, times = 1): void {
    const queue = this.faults.get(call) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(call, queue);
  }

  /** Reads (not subscriptions) the server has started and not seen end or cancelled. */
  get openReads(): number {
    return this.openCalls.size;
  }

  get subscribers(): number {
    return this.live.size;
  }

  /** An event as another application sharing the server would write it (not this service's shape). */
  appendForeign(stream: string, type: string, data: unknown): void {
    this.commit(stream, { kind: 'any' }, [
      {
        id: crypto.randomUUID(),
        type,
        contentType: 'application/json',
        data: Buffer.from(JSON.stringify(data)),
        metadata: new Uint8Array(),
      },
    ]);
  }

  private features(): InstanceType<typeof featuresPb.SupportedMethods> {
    const methods = new featuresPb.SupportedMethods();
    methods.setEventStoreServerVersion('24.10.0');
    const names = [
      'read',
      'append',
      'delete',
      'tombstone',
      ...(this.options.batchAppend === false ? [] : ['batchappend']),
    ];
    for (const name of names) {
      const method = new featuresPb.SupportedMethod();
      method.setServiceName('event_store.client.streams.streams');
      method.setMethodName(name);
      if (name === 'read') method.setFeaturesList(['position', 'events']);
      methods.addMethods(method);
    }
    return methods;
  }

  /** A node's own events at start: what every `$all` reader must leave out. */
  private writeSystemEvents(): void {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    this.commit('$settings', { kind: 'no-stream' }, [
      {
        id: crypto.randomUUID(),
        type: '$settings',
        contentType: 'application/json',
        data: json({}),
        metadata: new Uint8Array(),
      },
    ]);
    this.commit('$scavenges', { kind: 'any' }, [
      {
        id: crypto.randomUUID(),
        type: '$scavengeIndexInitialized',
        contentType: 'application/json',
        data: json({}),
        metadata: new Uint8Array(),
      },
    ]);
  }

  private takeFault(call: FaultyCall): Fault | undefined {
    return this.faults.get(call)?.shift();
  }

  private faultStatus(fault: Fault): Partial<grpc.StatusObject> | undefined {
    switch (fault.kind) {
      case 'not-leader': {
        const metadata = new grpc.Metadata();
        metadata.set('exception', 'not-leader');
        metadata.set('leader-endpoint-host', fault.host ?? '127.0.0.1');
        metadata.set('leader-endpoint-port', String(fault.port ?? this.port));
        return { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata };
      }
      case 'not-ready':
        return { code: grpc.status.UNAVAILABLE, details: 'Server Is Not Ready' };
      case 'busy':
        return { code: grpc.status.UNAVAILABLE, details: 'Server Is Too Busy' };
      default:
        return undefined;
    }
  }

  private commit(stream: string, expected: Expected, events: readonly ProposedEvent[]): AppendOutcome {
    const outcome = this.log.append(stream, expected, events, new Date());
    if (outcome.kind === 'written') {
      for (const record of outcome.records) this.publish(record);
      this.project(outcome.records);
    }
    return outcome;
  }

  /** `$by_correlation_id`: a link in `$bc-<$correlationId>` for each event that has one, after the lag. */
  private project(records: readonly LogRecord[]): void {
    const lag = this.options.correlationLagMs;
    if (lag === undefined) return;
    for (const record of records) {
      if (record.stream.startsWith('$')) continue;
      const correlation = correlationOf(record);
      if (correlation === undefined) continue;
      const link = (): void => {
        this.commit(`$bc-${correlation}`, { kind: 'any' }, [
          {
            id: crypto.randomUUID(),
            type: '$>',
            contentType: 'application/octet-stream',
            data: Buffer.from(`${record.revision}@${record.stream}`),
            metadata: Buffer.from(
              JSON.stringify({ $v: '1:-1:1:4', $c: Number(record.position), $p: Number(record.position) }),
            ),
          },
        ]);
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        link();
      }, lag);
      this.timers.add(timer);
    }
  }

  private publish(record: LogRecord): void {
    for (const subscriber of this.live) {
      if (!subscriber.filter.accepts(record)) continue;
      subscriber.call.write(this.eventResponse(record, subscriber.resolveLinks, true));
      if (--subscriber.left === 0) this.drop(subscriber);
    }
  }

  private drop(subscriber: Live): void {
    this.live.delete(subscriber);
    subscriber.call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'Subscription dropped by the server' });
  }

  private eventResponse(record: LogRecord, resolveLinks: boolean, withCommitPosition: boolean): ReadResp {
    const response = new streamsPb.ReadResp();
    response.setEvent(readEventOf(record, resolveLinks ? this.resolve(record) : undefined, withCommitPosition));
    return response;
  }

  /** The event a link (`$>`, data `<revision>@<stream>`) points at. */
  private resolve(record: LogRecord): LogRecord | undefined {
    if (record.type !== '$>') return undefined;
    const [revision, ...stream] = Buffer.from(record.data).toString('utf8').split('@');
    return this.log.stream(stream.join('@'))?.[Number(revision)];
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'No options' });
      return;
    }
    const subscription = options.hasSubscription();
    const kind: FaultyCall = subscription ? 'subscribe' : options.hasAll() ? 'read-all' : 'read-stream';
    const fault = this.takeFault(kind);
    const failure = fault && this.faultStatus(fault);
    if (failure) {
      call.emit('error', failure);
      return;
    }
    if (fault?.kind === 'never-answer') {
      this.openCalls.add(call);
      call.on('cancelled', () => this.openCalls.delete(call));
      return;
    }
    if (subscription) return this.subscribe(call, fault);
    this.openCalls.add(call);
    call.on('cancelled', () => this.openCalls.delete(call));
    const forwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.FORWARDS;
    const count = Number(options.getCount());
    const filter = new RecordFilter(options);
    let records: LogRecord[];
    if (options.hasAll()) {
      this.reads.all++;
      const all = options.getAll()!;
      const from = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? 'end' : 'start';
      records = this.log.readAll(forwards ? 'forwards' : 'backwards', from).filter((r) => filter.accepts(r));
    } else {
      this.reads.stream++;
      const streamOptions = options.getStream()!;
      const name = streamNameOf(streamOptions.getStreamIdentifier());
      const stream = this.log.stream(name);
      if (!stream) {
        const response = new streamsPb.ReadResp();
        const notFound = new streamsPb.ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(streamOptions.getStreamIdentifier());
        response.setStreamNotFound(notFound);
        call.write(response);
        return this.end(call);
      }
      const from = streamOptions.hasRevision()
        ? BigInt(streamOptions.getRevision())
        : streamOptions.hasEnd()
          ? (stream[stream.length - 1]?.revision ?? 0n)
          : forwards
            ? 0n
            : (stream[stream.length - 1]?.revision ?? 0n);
      records = forwards
        ? stream.filter((r) => r.revision >= from)
        : stream.filter((r) => r.revision <= from).reverse();
    }
    for (const record of records.slice(0, count)) {
      call.write(this.eventResponse(record, options.getResolveLinks(), options.hasAll()));
    }
    this.end(call);
  }

  private end(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    this.openCalls.delete(call);
    call.end();
  }

  private subscribe(call: grpc.ServerWritableStream<ReadReq, ReadResp>, fault: Fault | undefined): void {
    this.reads.subscriptions++;
    const options = call.request.getOptions()!;
    const confirmation = new streamsPb.ReadResp();
    const confirmed = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirmed.setSubscriptionId(crypto.randomUUID());
    confirmation.setConfirmation(confirmed);
    call.write(confirmation);
    const filter = new RecordFilter(options);
    const subscriber: Live = {
      filter,
      resolveLinks: options.getResolveLinks(),
      call,
      left: fault?.kind === 'drop-after' ? fault.events : Number.POSITIVE_INFINITY,
    };
    // A subscription starts after its position (exclusive), unlike a read.
    const all = options.getAll();
    const after = all?.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : undefined;
    const stored = all?.hasEnd() ? [] : this.log.records.filter((r) => after === undefined || r.position > after);
    for (const record of stored) {
      if (!filter.accepts(record)) continue;
      call.write(this.eventResponse(record, subscriber.resolveLinks, true));
      if (--subscriber.left === 0) return this.drop(subscriber);
    }
    const last = this.log.records[this.log.records.length - 1];
    if (last && filter.active) {
      const checkpoint = new streamsPb.ReadResp();
      const at = new streamsPb.ReadResp.Checkpoint();
      at.setCommitPosition(last.position.toString());
      at.setPreparePosition(last.position.toString());
      checkpoint.setCheckpoint(at);
      call.write(checkpoint);
    }
    const caughtUp = new streamsPb.ReadResp();
    caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
    call.write(caughtUp);
    this.live.add(subscriber);
    call.on('cancelled', () => this.live.delete(subscriber));
  }

  private append(
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ): void {
    this.appends.append++;
    const fault = this.takeFault('append');
    let stream = '';
    let expected: Expected = { kind: 'any' };
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      const options = request.getOptions();
      if (options) {
        stream = streamNameOf(options.getStreamIdentifier());
        expected = options.hasRevision()
          ? { kind: 'revision', revision: BigInt(options.getRevision()) }
          : options.hasNoStream()
            ? { kind: 'no-stream' }
            : options.hasStreamExists()
              ? { kind: 'stream-exists' }
              : { kind: 'any' };
      }
      const proposed = request.getProposedMessage();
      if (proposed) events.push(proposedOf(proposed));
    });
    call.on('end', () => {
      const failure = fault && this.faultStatus(fault);
      if (failure) return callback(failure);
      if (fault?.kind === 'never-answer') return;
      const outcome = this.commit(stream, expected, events);
      if (outcome.kind === 'too-large') return callback(tooLarge(outcome.maxAppendSize));
      callback(null, appendResponse(outcome));
    });
  }

  private batchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<string, { stream: string; expected: Expected; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = uuidOf(request.getCorrelationId());
      const options = request.getOptions();
      const batch = pending.get(correlation) ?? {
        stream: streamNameOf(options?.getStreamIdentifier()),
        expected: batchExpected(options),
        events: [],
      };
      pending.set(correlation, batch);
      batch.events.push(...request.getProposedMessagesList().map(proposedOf));
      if (!request.getIsFinal()) return;
      pending.delete(correlation);
      this.appends.batchAppend++;
      const fault = this.takeFault('batch-append');
      if (fault?.kind === 'never-answer') return;
      const response = new streamsPb.BatchAppendResp();
      response.setCorrelationId(request.getCorrelationId());
      const identifier = new sharedPb.StreamIdentifier();
      identifier.setStreamName(Buffer.from(batch.stream));
      response.setStreamIdentifier(identifier);
      if (fault && fault.kind !== 'drop-after') {
        const status = new statusPb.Status();
        // As the server answers a batch it could not hand to the leader: a status without details.
        status.setCode(14);
        status.setMessage(fault.kind === 'busy' ? 'Server Is Too Busy' : 'Server Is Not Ready');
        response.setError(status);
        call.write(response);
        return;
      }
      const outcome = this.commit(batch.stream, batch.expected, batch.events);
      if (outcome.kind === 'written' || outcome.kind === 'idempotent') {
        const success = new streamsPb.BatchAppendResp.Success();
        success.setCurrentRevision(outcome.revision.toString());
        if (outcome.kind === 'written') {
          const position = new sharedPb.AllStreamPosition();
          position.setCommitPosition(outcome.position.toString());
          position.setPreparePosition(outcome.position.toString());
          success.setPosition(position);
        } else {
          success.setNoPosition(new emptyPb.Empty());
        }
        response.setSuccess(success);
      } else {
        response.setError(batchError(outcome));
      }
      call.write(response);
    });
    call.on('end', () => call.end());
  }
}

function proposedOf(message: InstanceType<typeof streamsPb.AppendReq.ProposedMessage>): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidOf(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

function batchExpected(options: InstanceType<typeof streamsPb.BatchAppendReq.Options> | undefined): Expected {
  if (options?.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options?.hasNoStream()) return { kind: 'no-stream' };
  if (options?.hasStreamExists()) return { kind: 'stream-exists' };
  return { kind: 'any' };
}

function appendResponse(outcome: AppendOutcome): AppendResp {
  const response = new streamsPb.AppendResp();
  switch (outcome.kind) {
    case 'written':
    case 'idempotent': {
      const success = new streamsPb.AppendResp.Success();
      success.setCurrentRevision(outcome.revision.toString());
      if (outcome.kind === 'written') {
        const position = new streamsPb.AppendResp.Position();
        position.setCommitPosition(outcome.position.toString());
        position.setPreparePosition(outcome.position.toString());
        success.setPosition(position);
      } else {
        success.setNoPosition(new sharedPb.Empty());
      }
      response.setSuccess(success);
      return response;
    }
    case 'wrong-expected-version': {
      const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
      if (outcome.current === null) wrong.setCurrentNoStream(new sharedPb.Empty());
      else wrong.setCurrentRevision(outcome.current.toString());
      const expected = outcome.expected;
      if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
      else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new sharedPb.Empty());
      else if (expected.kind === 'stream-exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
      else wrong.setExpectedAny(new sharedPb.Empty());
      response.setWrongExpectedVersion(wrong);
      return response;
    }
    case 'too-large':
      throw new Error('An append too large is refused with a status, not an answer');
  }
}

function batchError(outcome: AppendOutcome): InstanceType<typeof statusPb.Status> {
  const status = new statusPb.Status();
  const details = new anyPb.Any();
  if (outcome.kind === 'wrong-expected-version') {
    const wrong = new sharedPb.WrongExpectedVersion();
    if (outcome.current === null) wrong.setCurrentNoStream(new emptyPb.Empty());
    else wrong.setCurrentStreamRevision(outcome.current.toString());
    const expected = outcome.expected;
    if (expected.kind === 'revision') wrong.setExpectedStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new emptyPb.Empty());
    else if (expected.kind === 'stream-exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
    else wrong.setExpectedAny(new emptyPb.Empty());
    details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
    status.setCode(9);
  } else if (outcome.kind === 'too-large') {
    const exceeded = new sharedPb.MaximumAppendSizeExceeded();
    exceeded.setMaxappendsize(outcome.maxAppendSize);
    details.pack(exceeded.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
    status.setCode(3);
  }
  status.setDetails(details);
  return status;
}

function tooLarge(maxAppendSize: number): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  const details = `Maximum Append Size of ${maxAppendSize} Exceeded.`;
  return Object.assign(new Error(details), { code: grpc.status.INVALID_ARGUMENT, details, metadata });
}

function correlationOf(record: LogRecord): string | undefined {
  if (record.metadata.length === 0) return undefined;
  try {
    const metadata = JSON.parse(Buffer.from(record.metadata).toString('utf8')) as Record<string, unknown>;
    return typeof metadata.$correlationId === 'string' ? metadata.$correlationId : undefined;
  } catch {
    return undefined;
  }
}

function unimplemented(_call: unknown, callback?: grpc.sendUnaryData<unknown>): void {
  callback?.({ code: grpc.status.UNIMPLEMENTED, details: 'Not part of the double' });
}
