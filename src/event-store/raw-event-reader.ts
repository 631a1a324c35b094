import { EventStore, ReadAllOptions, RecordedEvent } from './event-store.port';

/** An event as stored: data and metadata still as their JSON text. */
export interface RawRecordedEvent extends Omit<RecordedEvent, 'data' | 'metadata'> {
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * Optional capability beside the port: an adapter that keeps events as JSON
 * text can hand them out unparsed, for bulk work that only hashes them
 * (integrity verification). Everything else uses the port.
 */
export interface RawEventReader {
  readAllRaw(options: ReadAllOptions): Promise<RawRecordedEvent[]>;
}

export function canReadRaw(store: EventStore): store is EventStore & RawEventReader {
  return typeof (store as Partial<RawEventReader>).readAllRaw === 'function';
}
