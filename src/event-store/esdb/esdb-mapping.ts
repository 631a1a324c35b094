/**
 * Translation between the port's types and `@eventstore/db-client`'s. Pure
 * functions: everything that decides what EventStoreDB sees and what the rest
 * of the application gets back lives here, so it can be tested on its own.
 */
import {
  ANY,
  AppendExpectedRevision,
  EventData,
  jsonEvent,
  NO_STREAM,
  Position as EsdbPosition,
  RecordedEvent as EsdbRecordedEvent,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { EventStoreError } from '../event-store.errors';
import { EventToAppend, ExpectedRevision, JsonObject, Position, RecordedEvent } from '../event-store.port';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/**
 * EventStoreDB's own projections ($by_correlation_id) and UI read
 * `$correlationId` / `$causationId`; ours are `correlationId` / `causationId`.
 * Both are written. A `$` key the caller already set is left alone.
 */
const ESDB_KEYS = [
  ['$correlationId', 'correlationId'],
  ['$causationId', 'causationId'],
] as const;

export function toEsdbMetadata(metadata: JsonObject): JsonObject {
  const written: JsonObject = { ...metadata };
  for (const [esdbKey, ourKey] of ESDB_KEYS) {
    const value = metadata[ourKey];
    if (typeof value === 'string' && !(esdbKey in metadata)) written[esdbKey] = value;
  }
  return written;
}

/**
 * Decision: the `$` copies are stripped on read, so every adapter returns the
 * metadata exactly as it was appended and code never depends on which store it
 * runs on. Only copies equal to our own field are stripped; a `$` key with a
 * different value (written by another tool) is kept.
 */
export function fromEsdbMetadata(metadata: JsonObject): JsonObject {
  const read: JsonObject = { ...metadata };
  for (const [esdbKey, ourKey] of ESDB_KEYS) {
    if (esdbKey in read && read[esdbKey] === read[ourKey]) delete read[esdbKey];
  }
  return read;
}

export function toEsdbEvent(event: EventToAppend): EventData {
  // The id is passed through, not generated: that is what makes a retried
  // append idempotent on the server.
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: toEsdbMetadata(event.metadata) });
}

export function toPosition(position: EsdbPosition): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

/** `$`-prefixed types ($metadata, $>, $statsCollected...) and `$` streams belong to the server, not to us. */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) {
    // Only link events and events read from some system streams lack one; we never read those.
    throw new EventStoreError(`EventStoreDB returned event ${event.id} in "${event.streamId}" without a position`);
  }
  if (!event.isJson || !isJsonObject(event.data)) {
    throw new EventStoreError(`Event ${event.id} in "${event.streamId}" is not a JSON object; this application writes only JSON events`);
  }
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: event.revision,
    position: toPosition(event.position),
    data: event.data,
    metadata: isJsonObject(event.metadata) ? fromEsdbMetadata(event.metadata) : {},
    recordedAt: event.created,
  };
}
