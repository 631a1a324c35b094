import { JsonObject, Position, RecordedEvent } from '../event-store.port';
import { RawRecordedEvent } from '../raw-event-reader';

/** One row of the `events` table, read with safe integers (bigint) on. */
export interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: bigint;
}

export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at';

/** The embedded store has one sequence, so commit and prepare are the same number. */
export function positionOf(sequence: bigint): Position {
  return { commit: sequence, prepare: sequence };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    streamName: row.stream,
    revision: row.revision,
    position: positionOf(row.position),
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    recordedAt: new Date(Number(row.recorded_at)),
  };
}

export function toRawRecordedEvent(row: EventRow): RawRecordedEvent {
  return {
    id: row.id,
    type: row.type,
    streamName: row.stream,
    revision: row.revision,
    position: positionOf(row.position),
    dataJson: row.data,
    metadataJson: row.metadata,
    recordedAt: new Date(Number(row.recorded_at)),
  };
}
