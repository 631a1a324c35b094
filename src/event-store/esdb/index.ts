export { connectEsdbEventStore, EsdbEventStore } from './esdb-event-store';
export type { EsdbEventStoreOptions } from './esdb-event-store';
export type { RetryPolicy } from './esdb-errors';
