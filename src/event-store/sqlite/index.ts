export { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';
export { DATABASE_FILE } from './schema';
