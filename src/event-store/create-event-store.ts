import { AppConfig } from '../config/app-config';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface CreateEventStoreOptions {
  /**
   * Only reads (verify, export, an audit replay): the embedded store is opened
   * read-only and without its lock, so these run beside the service.
   */
  readonly readOnly?: boolean;
}

/** The configured adapter: the embedded store by default, EventStoreDB with EVENT_STORE=esdb. */
export async function createEventStore(config: AppConfig, options: CreateEventStoreOptions = {}): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') {
    // Loaded lazily so the embedded default never pays for the gRPC client.
    const { EsdbEventStore } = await import('./esdb/esdb-event-store');
    return EsdbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING!, { uniqueEventIds: config.EVENTSTORE_STRICT_EVENT_IDS });
  }
  const maxSizeBytes = config.EVENT_STORE_MAX_SIZE_MB === undefined ? undefined : config.EVENT_STORE_MAX_SIZE_MB * 1024 * 1024;
  return SqliteEventStore.open({ dataDir: config.DATA_DIR, maxSizeBytes, readOnly: options.readOnly });
}
