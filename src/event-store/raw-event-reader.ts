import { EventStore, Position } from './event-store.port';

/**
 * An event as stored, for bulk work that only hashes it: data and metadata
 * still as their JSON text, numbers as plain numbers. Plain numbers are exact
 * because a reader only hands these out below 2^53 (see `readAllRaw`).
 */
export interface RawRecordedEvent {
  /** "commit/prepare", as chain links and exports write it. */
  readonly position: string;
  readonly id: string;
  readonly streamName: string;
  readonly revision: number;
  readonly type: string;
  readonly dataJson: string;
  readonly metadataJson: string;
  /** Milliseconds since the epoch. */
  readonly recordedAt: number;
}

export interface RawReadOptions {
  readonly after?: Position;
  /** The last position to include (a verifier stops at the head it saw when it started). */
  readonly upTo: Position;
  readonly maxCount: number;
}

export interface RawEventPage {
  readonly events: readonly RawRecordedEvent[];
  /** The position of the last event, to pass as `after` for the next page. */
  readonly last: Position | undefined;
}

/**
 * Optional capability beside the port: an adapter that keeps events as JSON
 * text can hand them out unparsed and without per-event objects for
 * positions and dates, for bulk work that only hashes them (integrity
 * verification, about twice as fast as `readAll`). Everything else uses the port.
 */
export interface RawEventReader {
  /** Undefined when positions up to `upTo` cannot be read exactly this way (past 2^53): use `readAll`. */
  readAllRaw(options: RawReadOptions): Promise<RawEventPage | undefined>;
}

export function canReadRaw(store: EventStore): store is EventStore & RawEventReader {
  return typeof (store as Partial<RawEventReader>).readAllRaw === 'function';
}
