import { JsonObject, Position, RecordedEvent } from '../event-store.port';
import { RawRecordedEvent } from '../raw-event-reader';

/**
 * One row of the `events` table as an array in EVENT_COLUMNS order, read with
 * safe integers (bigint) on. Arrays, because better-sqlite3 builds row objects
 * slowly: reading $all this way is about half again as fast.
 */
export type EventRow = [position: bigint, id: string, stream: string, revision: bigint, type: string, data: string, metadata: string, recordedAt: bigint];

export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at';

/** The embedded store has one sequence, so commit and prepare are the same number. */
export function positionOf(sequence: bigint): Position {
  return { commit: sequence, prepare: sequence };
}

export function toRecordedEvent([position, id, stream, revision, type, data, metadata, recordedAt]: EventRow): RecordedEvent {
  return {
    id,
    type,
    streamName: stream,
    revision,
    position: positionOf(position),
    data: JSON.parse(data) as JsonObject,
    metadata: JSON.parse(metadata) as JsonObject,
    recordedAt: new Date(Number(recordedAt)),
  };
}

/** The columns of EVENT_COLUMNS as an array, read with safe integers off (see `readAllRaw`). */
export type RawEventRow = [position: number, id: string, stream: string, revision: number, type: string, data: string, metadata: string, recordedAt: number];

/** Exact only below 2^53; the store checks that before reading this way. */
export function toRawRecordedEvent([position, id, stream, revision, type, data, metadata, recordedAt]: RawEventRow): RawRecordedEvent {
  return { position: `${position}/${position}`, id, streamName: stream, revision, type, dataJson: data, metadataJson: metadata, recordedAt };
}
