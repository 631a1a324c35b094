/**
 * `npm run test:esdb` runs these files against a real EventStoreDB:
 *   docker compose up -d eventstore
 *   EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:esdb
 * They are left out of `npm test` (no server on CI machines); without the
 * variable they fail loudly rather than pass silently.
 */
export function realConnectionString(): string {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (!connectionString) {
    throw new Error('Set EVENTSTORE_CONNECTION_STRING to a real EventStoreDB, e.g. esdb://localhost:2113?tls=false (docker compose up -d eventstore)');
  }
  return connectionString;
}
