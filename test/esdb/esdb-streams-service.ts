/**
 * `event_store.client.streams.Streams`: Read (stream, $all, subscriptions),
 * Append (client streaming) and BatchAppend (bidi), over EsdbTestState.
 * What is and is not covered is listed in esdb-test-server.ts.
 */
import * as grpc from '@grpc/grpc-js';
import { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendOutcome, EsdbTestState, Expected, LogPosition, NodeIdCache, ProposedEvent, StoredEvent } from './esdb-test-state';
import {
  AppendRefusal,
  appendSize,
  maxAppendSizeStatus,
  refusalStatus,
  streamDeletedStatus,
  REFUSAL_MESSAGES,
  expectedFrom,
  parseUuid,
  streamIdentifier,
  streamName,
  toProposedEvent,
  toReadResp,
  wrongExpectedVersionStatus,
} from './esdb-test-messages';

export type StreamsMethod = 'Read' | 'Append' | 'BatchAppend';

/** A failure the server answers with instead of (or, with `afterWrite`, after) doing the work. */
export interface Fault {
  readonly method: StreamsMethod;
  /** The gRPC status that ends the call; ignored when `refusal` is given. */
  readonly code?: grpc.status;
  /**
   * Answer this one append with a per-request status (BatchAppend; the call
   * stays open) as a 24.10 node does when not ready, too busy, or timed out.
   * On Append it is the status that node gives there (UNAVAILABLE / DEADLINE_EXCEEDED).
   * A `timeout` with `afterWrite` is the commit that completed after the node gave up waiting.
   */
  readonly refusal?: AppendRefusal;
  readonly details?: string;
  /** e.g. `exception: not-leader` with `leader-endpoint-host/port`, as EventStoreDB sends them. */
  readonly metadata?: Record<string, string>;
  /** Do the write, then fail the call: the reply is lost but the events are stored. */
  readonly afterWrite?: boolean;
  /**
   * After the write, this node's commit cache forgets every id, as when the
   * leader that took it steps down or restarts before the client retries:
   * an `any` retry is then written again by a real server.
   */
  readonly forgetIds?: boolean;
  /** Only calls on this stream (`$all` for $all reads); default: the next call of `method`. */
  readonly stream?: string;
}

/** An append as the server received it, for tests that check what went over the wire. */
export interface ReceivedAppend {
  readonly method: 'Append' | 'BatchAppend';
  readonly streamName: string;
  readonly expected: Expected;
  readonly events: readonly ProposedEvent[];
}

export interface StreamsServiceContext {
  readonly state: EsdbTestState;
  /**
   * Where appends go: this node's own state and in-memory commit cache (what
   * makes `any` appends idempotent, until a restart), or, on a follower, the
   * leader's (a follower forwards writes). Reads are served from `state`.
   */
  readonly writes: () => { readonly state: EsdbTestState; readonly idCache: NodeIdCache };
  /** On a follower: the leader's address, for NotLeader answers to `requires-leader` reads. */
  readonly leader?: () => { host: string; port: number };
  /** Bytes of event data + metadata one append may carry (EventStoreDB's MaxAppendSize, 1 MiB by default). */
  readonly maxAppendSize: number;
  readonly received: ReceivedAppend[];
  /** Returns the next pending fault for `method` on `stream`, removing it. */
  takeFault(method: StreamsMethod, stream: string): Fault | undefined;
}

export function faultError(fault: Fault): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(fault.metadata ?? {})) metadata.set(key, value);
  if (fault.refusal === 'timeout') return { code: grpc.status.DEADLINE_EXCEEDED, details: 'Timeout', metadata };
  if (fault.refusal) return { code: grpc.status.UNAVAILABLE, details: REFUSAL_MESSAGES[fault.refusal], metadata };
  const code = fault.code ?? grpc.status.UNAVAILABLE;
  return { code, details: fault.details ?? grpc.status[code], metadata };
}

/** What a follower answers a `requires-leader` request with: EventStoreDB's not-leader exception and the leader's address. */
function notLeaderError(leader: { host: string; port: number }): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', leader.host);
  metadata.set('leader-endpoint-port', String(leader.port));
  return { code: grpc.status.NOT_FOUND, details: 'Leader info available', metadata };
}

/** What a node answers a read of, or a non-batch append to, a tombstoned stream. */
function streamDeletedError(name: string): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'stream-deleted');
  metadata.set('stream-name', name);
  return { code: grpc.status.FAILED_PRECONDITION, details: `Event stream '${name}' is deleted.`, metadata };
}

function tooLargeError(maxAppendSize: number): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return { code: grpc.status.INVALID_ARGUMENT, details: 'Maximum Append Size Exceeded', metadata };
}

export function streamsService(ctx: StreamsServiceContext): IStreamsServer {
  return {
    read: (call) => void serveRead(ctx, call),
    append: (call, callback) => {
      let options: AppendReq.Options | undefined;
      const events: ProposedEvent[] = [];
      call.on('data', (req: AppendReq) => {
        if (req.hasOptions()) options = req.getOptions();
        else events.push(toProposedEvent(req.getProposedMessage()!));
      });
      call.on('end', () => {
        const name = streamName(options?.getStreamIdentifier());
        const fault = ctx.takeFault('Append', name);
        if (fault && !fault.afterWrite) return callback(faultError(fault));
        if (appendSize(events) > ctx.maxAppendSize) return callback(tooLargeError(ctx.maxAppendSize));
        const expected = expectedFrom(options!, () => options!.getRevision());
        ctx.received.push({ method: 'Append', streamName: name, expected, events });
        const { state, idCache } = ctx.writes();
        if (state.isTombstoned(name)) return callback(streamDeletedError(name));
        const outcome = state.append(name, expected, events, idCache);
        if (fault?.forgetIds) idCache.clear();
        if (fault) return callback(faultError(fault));
        callback(null, appendResp(outcome, expected));
      });
    },
    batchAppend: (call) => {
      const pending = new Map<string, { options?: BatchAppendReq.Options; events: ProposedEvent[] }>();
      call.on('data', (req: BatchAppendReq) => {
        const correlation = parseUuid(req.getCorrelationId());
        const batch = pending.get(correlation) ?? { events: [] };
        if (req.hasOptions()) batch.options = req.getOptions();
        batch.events.push(...req.getProposedMessagesList().map(toProposedEvent));
        pending.set(correlation, batch);
        if (!req.getIsFinal()) return;
        pending.delete(correlation);
        // Faults end the whole call, as a dropped connection or a not-leader reply does;
        // refusals and the size limit answer this one request, as a 24.10 node does.
        const options = batch.options!;
        const name = streamName(options.getStreamIdentifier());
        const expected = expectedFrom(options, () => options.getStreamPosition());
        const refuse = (status: Status) => call.write(batchAppendResp(req.getCorrelationId()!, name, expected, undefined).setError(status));
        const fault = ctx.takeFault('BatchAppend', name);
        if (fault?.refusal && !fault.afterWrite) return void refuse(refusalStatus(fault.refusal));
        if (fault && !fault.afterWrite) return void call.emit('error', faultError(fault));
        if (appendSize(batch.events) > ctx.maxAppendSize) return void refuse(maxAppendSizeStatus(ctx.maxAppendSize));
        ctx.received.push({ method: 'BatchAppend', streamName: name, expected, events: batch.events });
        const { state, idCache } = ctx.writes();
        if (state.isTombstoned(name)) return void refuse(streamDeletedStatus(name));
        const outcome = state.append(name, expected, batch.events, idCache);
        if (fault?.forgetIds) idCache.clear();
        if (fault?.refusal) return void refuse(refusalStatus(fault.refusal));
        if (fault) return void call.emit('error', faultError(fault));
        call.write(batchAppendResp(req.getCorrelationId()!, name, expected, outcome));
      });
      call.on('end', () => call.end());
    },
    delete: (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: 'not in the test server' }),
    tombstone: (call, callback) => {
      const name = streamName(call.request.getOptions()?.getStreamIdentifier());
      const { state } = ctx.writes();
      if (state.isTombstoned(name)) return callback(streamDeletedError(name));
      const { commit, prepare } = state.tombstone(name);
      callback(null, new TombstoneResp().setPosition(new TombstoneResp.Position().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString())));
    },
  };
}

function appendResp(outcome: AppendOutcome, expected: Expected): AppendResp {
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.currentRevision === undefined) wrong.setCurrentNoStream(new shared.Empty());
    else wrong.setCurrentRevision(outcome.currentRevision.toString());
    if (expected === 'any') wrong.setExpectedAny(new shared.Empty());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty());
    else wrong.setExpectedRevision(expected.toString());
    return new AppendResp().setWrongExpectedVersion(wrong);
  }
  const success = new AppendResp.Success().setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position) {
    const { commit, prepare } = outcome.position;
    success.setPosition(new AppendResp.Position().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString()));
  } else {
    success.setNoPosition(new shared.Empty());
  }
  return new AppendResp().setSuccess(success);
}

function batchAppendResp(correlation: shared.UUID, name: string, expected: Expected, outcome: AppendOutcome | undefined): BatchAppendResp {
  const resp = new BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(streamIdentifier(name));
  if (expected === 'any') resp.setAny(new ProtoEmpty());
  else if (expected === 'no_stream') resp.setNoStream(new ProtoEmpty());
  else if (expected === 'stream_exists') resp.setStreamExists(new ProtoEmpty());
  else resp.setStreamPosition(expected.toString());
  if (!outcome) return resp;
  if (outcome.kind === 'wrong_expected_version') return resp.setError(wrongExpectedVersionStatus(expected, outcome.currentRevision));
  const success = new BatchAppendResp.Success().setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position) {
    const { commit, prepare } = outcome.position;
    success.setPosition(new shared.AllStreamPosition().setCommitPosition(commit.toString()).setPreparePosition(prepare.toString()));
  } else {
    success.setNoPosition(new ProtoEmpty());
  }
  return resp.setSuccess(success);
}

const before = (a: LogPosition, b: LogPosition) => a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);

type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

async function serveRead(ctx: StreamsServiceContext, call: ReadCall): Promise<void> {
  const options = call.request.getOptions()!;
  if (ctx.leader && call.metadata.get('requires-leader')[0] === 'true') return void call.emit('error', notLeaderError(ctx.leader()));
  const fault = ctx.takeFault('Read', options.hasStream() ? streamName(options.getStream()!.getStreamIdentifier()) : '$all');
  if (fault) return void call.emit('error', faultError(fault));
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const matches = filterOf(options);

  if (options.hasStream()) {
    const stream = options.getStream()!;
    const name = streamName(stream.getStreamIdentifier());
    if (ctx.state.isTombstoned(name)) return void call.emit('error', streamDeletedError(name));
    const events = ctx.state.stream(name);
    if (!events) {
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
      await send(call, new ReadResp().setStreamNotFound(notFound));
      return void call.end();
    }
    const last = events.length - 1;
    const from = stream.hasRevision() ? Number(stream.getRevision()) : stream.hasStart() ? 0 : backwards ? last : events.length;
    const picked = backwards ? events.slice(0, Math.min(from, last) + 1).reverse() : events.slice(from);
    for (const event of picked.slice(0, Number(options.getCount()))) await send(call, toReadResp(event, structured, false));
    return void call.end();
  }

  const all = options.getAll()!;
  const position = all.hasPosition()
    ? { commit: BigInt(all.getPosition()!.getCommitPosition()), prepare: BigInt(all.getPosition()!.getPreparePosition()) }
    : undefined;
  const log = ctx.state.log;

  if (!options.hasSubscription()) {
    // Forwards from a position includes the event at it; backwards from a position starts before it.
    let picked: StoredEvent[];
    if (backwards) picked = (all.hasStart() ? [] : position ? log.filter((e) => before(e.position, position)) : [...log]).reverse();
    else picked = all.hasEnd() ? [] : position ? log.filter((e) => !before(e.position, position)) : [...log];
    for (const event of picked.filter(matches).slice(0, Number(options.getCount()))) await send(call, toReadResp(event, structured, true));
    return void call.end();
  }

  await serveAllSubscription(ctx, call, position, all.hasEnd(), matches, structured);
}

/**
 * Confirmation, then every matching event after the position (exclusive, as
 * EventStoreDB subscribes "from" a checkpoint), then CaughtUp, then live events
 * until the client cancels. With a filter, a checkpoint every 32 × interval
 * scanned events, and one at the catch-up point.
 */
async function serveAllSubscription(
  ctx: StreamsServiceContext,
  call: ReadCall,
  from: LogPosition | undefined,
  fromEnd: boolean,
  matches: (e: StoredEvent) => boolean,
  structured: boolean,
): Promise<void> {
  const abort = new AbortController();
  call.on('cancelled', () => abort.abort());
  call.on('close', () => abort.abort());
  const filter = call.request.getOptions()!.getFilter();
  const checkpointEvery = filter ? 32 * Math.max(1, filter.getCheckpointintervalmultiplier()) : Infinity;
  const log = ctx.state.log;

  await send(call, new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(crypto.randomUUID())));
  let next = fromEnd ? log.length : from ? log.findIndex((e) => before(from, e.position)) : 0;
  if (next < 0) next = log.length;
  let scanned = 0;
  let caughtUp = false;
  while (!abort.signal.aborted) {
    if (next < log.length) {
      const event = log[next++];
      if (matches(event)) await send(call, toReadResp(event, structured, true));
      if (filter && ++scanned % checkpointEvery === 0) await send(call, checkpoint(event.position));
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      if (filter && next > 0) await send(call, checkpoint(log[next - 1].position));
      await send(call, new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      continue;
    }
    await ctx.state.nextAppend(abort.signal);
  }
}

function checkpoint(position: LogPosition): ReadResp {
  const cp = new ReadResp.Checkpoint().setCommitPosition(position.commit.toString()).setPreparePosition(position.prepare.toString());
  return new ReadResp().setCheckpoint(cp);
}

function filterOf(options: ReadReq.Options): (e: StoredEvent) => boolean {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return () => true;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const prefixes = expression.getPrefixList();
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  return (event) => {
    const value = onType ? event.type : event.streamName;
    if (prefixes.length > 0) return prefixes.some((p) => value.startsWith(p));
    return regex ? regex.test(value) : true;
  };
}

/** Honours HTTP/2 flow control: a slow reader slows the server instead of filling its memory. */
async function send(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.cancelled || call.destroyed) return;
  if (call.write(message)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('close', done);
  });
}
