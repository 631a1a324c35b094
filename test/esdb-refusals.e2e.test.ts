/**
 * What a user sees when a real EventStoreDB node refuses or times out an
 * append: the app runs on EVENT_STORE=esdb against the gRPC test server, the
 * mutation goes over GraphQL/HTTP as the admin who may register
 * organisations, and the server answers the appends as a 24.10 node does
 * (per-request "Server Is Not Ready" / "Server Is Busy" / timeout statuses).
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EsdbTestServer } from './esdb/esdb-test-server';
import { startTestApp, TestApp } from './support/test-app';

const REGISTER = `mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`;

/** A test server and the app on EVENT_STORE=esdb against it, for the describe block that calls this. */
function appOnTestServer(options: ConstructorParameters<typeof EsdbTestServer>[0] = {}): { server: EsdbTestServer; t: TestApp } {
  const running = {} as { server: EsdbTestServer; t: TestApp };
  beforeAll(async () => {
    running.server = await new EsdbTestServer(options).start();
    running.t = await startTestApp({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: running.server.connectionString });
  });
  afterAll(async () => {
    await running.t?.close();
    await running.server?.stop();
  });
  return running;
}

describe('append refusals over GraphQL/HTTP (EVENT_STORE=esdb)', () => {
  const running = appOnTestServer();

  const register = (organisationId: string) => running.t.gql(REGISTER, { i: { organisationId, name: `Kommun ${organisationId}`, municipalityCode: '0643' } });
  /** The organisation's own events in the store (claims and read-access logs left out). */
  const eventsOf = (organisationId: string) => running.server.state.log.filter((e) => e.streamName.startsWith('organisation') && e.streamName.includes(organisationId));

  it.each(['not-ready', 'busy', 'no-leader'] as const)('retries an append the node refuses as %s, and the command succeeds once', async (refusal) => {
    const id = `org-${randomUUID()}`;
    running.server.refuseAppends(2, refusal);
    const response = await register(id);
    expect(response.errors).toBeUndefined();
    expect(response.data.registerMunicipality.id).toBe(id);
    expect(eventsOf(id)).toHaveLength(1);
  });

  it('answers STORE_UNAVAILABLE, and stores nothing, when the node keeps refusing', async () => {
    const id = `org-${randomUUID()}`;
    running.server.refuseAppends(100, 'busy');
    try {
      const response = await register(id);
      expect(response.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
      expect(eventsOf(id)).toHaveLength(0);
    } finally {
      running.server.clearFaults();
    }
  });

  it('a timed-out append that did commit is neither a failure nor a duplicate', async () => {
    const id = `org-${randomUUID()}`;
    running.server.refuseAppends(1, 'timeout', { afterWrite: true, stream: undefined });
    const response = await register(id);
    expect(response.errors).toBeUndefined();
    expect(eventsOf(id)).toHaveLength(1);
  });
});

describe('a command on a stream an operator tombstoned, over GraphQL/HTTP (EVENT_STORE=esdb)', () => {
  const running = appOnTestServer();

  it('is STREAM_DELETED with a message that names the stream, not an internal error, and stores nothing', async () => {
    const organisationId = `org-${randomUUID()}`;
    const streamName = `organisation-${organisationId}`;
    const client = EventStoreDBClient.connectionString(running.server.connectionString);
    try {
      await client.tombstoneStream(streamName);
    } finally {
      await client.dispose();
    }
    const logged = running.server.state.log.length;
    const response = await running.t.gql(REGISTER, { i: { organisationId, name: 'Kommun', municipalityCode: '0643' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('STREAM_DELETED');
    expect(response.errors?.[0]?.message).toContain(streamName);
    expect(running.server.state.log.slice(logged).filter((e) => e.streamName.includes(organisationId))).toHaveLength(0);
  });
});

describe('an append the node refuses as too large, over GraphQL/HTTP (EVENT_STORE=esdb)', () => {
  // A node configured with a MaxAppendSize below what one registration needs.
  const running = appOnTestServer({ maxAppendSize: 300 });

  it('is PAYLOAD_TOO_LARGE with a message that says so, not an internal error', async () => {
    const organisationId = `org-${randomUUID()}`;
    const response = await running.t.gql(REGISTER, { i: { organisationId, name: 'Kommun med ett långt namn', municipalityCode: '0643' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.errors?.[0]?.message).toMatch(/bytes the event store accepts in one append/);
    expect(running.server.state.log.filter((e) => e.streamName.includes(organisationId) && !e.streamName.startsWith('samverkanCommand'))).toHaveLength(0);
  });
});
