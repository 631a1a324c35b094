/**
 * What a user sees when a real EventStoreDB node refuses or times out an
 * append: the app runs on EVENT_STORE=esdb against the gRPC test server, the
 * mutation goes over GraphQL/HTTP as the admin who may register
 * organisations, and the server answers the appends as a 24.10 node does
 * (per-request "Server Is Not Ready" / "Server Is Busy" / timeout statuses).
 */
import { randomUUID } from 'node:crypto';
import { EsdbTestServer } from './esdb/esdb-test-server';
import { startTestApp, TestApp } from './support/test-app';

const REGISTER = `mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`;

describe('append refusals over GraphQL/HTTP (EVENT_STORE=esdb)', () => {
  let server: EsdbTestServer;
  let t: TestApp;
  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    t = await startTestApp({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  const register = (organisationId: string) => t.gql(REGISTER, { i: { organisationId, name: `Kommun ${organisationId}`, municipalityCode: '0643' } });
  /** The organisation's own events in the store (claims and read-access logs left out). */
  const eventsOf = (organisationId: string) => server.state.log.filter((e) => e.streamName.startsWith('organisation') && e.streamName.includes(organisationId));

  it.each(['not-ready', 'busy', 'no-leader'] as const)('retries an append the node refuses as %s, and the command succeeds once', async (refusal) => {
    const id = `org-${randomUUID()}`;
    server.refuseAppends(2, refusal);
    const response = await register(id);
    expect(response.errors).toBeUndefined();
    expect(response.data.registerMunicipality.id).toBe(id);
    expect(eventsOf(id)).toHaveLength(1);
  });

  it('answers STORE_UNAVAILABLE, and stores nothing, when the node keeps refusing', async () => {
    const id = `org-${randomUUID()}`;
    server.refuseAppends(100, 'busy');
    try {
      const response = await register(id);
      expect(response.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
      expect(eventsOf(id)).toHaveLength(0);
    } finally {
      server.clearFaults();
    }
  });

  it('a timed-out append that did commit is neither a failure nor a duplicate', async () => {
    const id = `org-${randomUUID()}`;
    server.refuseAppends(1, 'timeout', { afterWrite: true, stream: undefined });
    const response = await register(id);
    expect(response.errors).toBeUndefined();
    expect(eventsOf(id)).toHaveLength(1);
  });
});

describe('an append the node refuses as too large, over GraphQL/HTTP (EVENT_STORE=esdb)', () => {
  let server: EsdbTestServer;
  let t: TestApp;
  beforeAll(async () => {
    // A node configured with a MaxAppendSize below what one registration needs.
    server = await new EsdbTestServer({ maxAppendSize: 300 }).start();
    t = await startTestApp({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('is PAYLOAD_TOO_LARGE with a message that says so, not an internal error', async () => {
    const organisationId = `org-${randomUUID()}`;
    const response = await t.gql(REGISTER, { i: { organisationId, name: 'Kommun med ett långt namn', municipalityCode: '0643' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.errors?.[0]?.message).toMatch(/bytes the event store accepts in one append/);
    expect(server.state.log.filter((e) => e.streamName.includes(organisationId) && !e.streamName.startsWith('samverkanCommand'))).toHaveLength(0);
  });
});
