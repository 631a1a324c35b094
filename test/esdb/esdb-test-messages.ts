/**
 * Conversions between the generated protobuf messages that
 * `@eventstore/db-client` ships and the test server's own state types.
 */
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtoEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Expected, ProposedEvent, StoredEvent } from './esdb-test-state';

export function parseUuid(uuid: shared.UUID | undefined): string {
  if (!uuid) throw new Error('missing uuid');
  if (!uuid.hasStructured()) return uuid.getString();
  const structured = uuid.getStructured()!;
  const hex =
    BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
    BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function streamName(identifier: shared.StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): shared.StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

interface ProposedMessageLike {
  getId(): shared.UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export function toProposedEvent(message: ProposedMessageLike): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: parseUuid(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** Both append requests carry the expected revision as a oneof of revision / no_stream / any / stream_exists. */
export function expectedFrom(options: {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
}, revision: () => string): Expected {
  if (options.hasAny()) return 'any';
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return BigInt(revision());
}

export function toReadResp(event: StoredEvent, structuredUuid: boolean, all: boolean): ReadResp {
  const id = new shared.UUID();
  if (structuredUuid) {
    const hex = event.id.replace(/-/g, '');
    const structured = new shared.UUID.Structured()
      .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
      .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
    id.setStructured(structured);
  } else {
    id.setString(event.id);
  }
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(id)
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.commit.toString())
    .setPreparePosition(event.position.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded);
  if (all) readEvent.setCommitPosition(event.position.commit.toString());
  else readEvent.setNoPosition(new shared.Empty());
  return new ReadResp().setEvent(readEvent);
}

/** The details EventStoreDB packs into a BatchAppend error when the expected revision is wrong. */
export function wrongExpectedVersionStatus(expected: Expected, current: bigint | undefined): Status {
  const details = new shared.WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new ProtoEmpty());
  else details.setCurrentStreamRevision(current.toString());
  if (expected === 'any') details.setExpectedAny(new ProtoEmpty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new ProtoEmpty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new ProtoEmpty());
  else details.setExpectedStreamPosition(expected.toString());
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(any);
}

/** A per-request refusal a 24.10 node answers BatchAppend with, while the call itself stays open. */
export type AppendRefusal = 'not-ready' | 'busy' | 'no-leader' | 'timeout';

export const REFUSAL_MESSAGES = {
  'not-ready': 'Server Is Not Ready',
  busy: 'Server Is Busy',
  'no-leader': 'No leader info available in response',
} as const;

/**
 * As EventStoreDB's BatchAppend writes them: not-ready / too busy / no leader
 * (a node mid-election that cannot forward) carry a packed
 * google.protobuf.Empty (which client 6.2.1 cannot place, hence its
 * "Could not recognize Server Is Not Ready"), a commit or prepare timeout a
 * packed event_store.client.Timeout.
 */
export function refusalStatus(refusal: AppendRefusal): Status {
  const any = new Any();
  if (refusal === 'timeout') {
    any.pack(new shared.Timeout().serializeBinary(), 'event_store.client.Timeout');
    return new Status().setCode(Code.DEADLINE_EXCEEDED).setMessage('Timeout').setDetails(any);
  }
  any.pack(new ProtoEmpty().serializeBinary(), 'google.protobuf.Empty');
  const message = REFUSAL_MESSAGES[refusal];
  return new Status().setCode(Code.UNAVAILABLE).setMessage(message).setDetails(any);
}

export function maxAppendSizeStatus(maxAppendSize: number): Status {
  const any = new Any();
  any.pack(new shared.MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
  return new Status().setCode(Code.INVALID_ARGUMENT).setMessage('Maximum Append Size Exceeded').setDetails(any);
}

/** What counts towards the append size: the events' data and metadata, as the server sums them. */
export const appendSize = (events: readonly ProposedEvent[]) =>
  events.reduce((sum, e) => sum + e.data.length + e.customMetadata.length + Buffer.byteLength(e.type), 0);

/** The per-request BatchAppend status for an append to a tombstoned stream. */
export function streamDeletedStatus(name: string): Status {
  const any = new Any();
  any.pack(new shared.StreamDeleted().setStreamIdentifier(streamIdentifier(name)).serializeBinary(), 'event_store.client.StreamDeleted');
  return new Status().setCode(Code.FAILED_PRECONDITION).setMessage(`Event stream '${name}' is deleted.`).setDetails(any);
}
