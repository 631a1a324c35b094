import * as net from 'node:net';
import { StoreUnavailableError } from '../src/event-store/event-store.errors';
import { EsdbEventStore } from '../src/event-store/esdb/esdb-event-store';
import { describeEventStoreContract } from './event-store.contract';
import { EsdbTestServer } from './esdb/esdb-test-server';

/**
 * The contract suite against the EventStoreDB adapter, over real gRPC, once
 * per append path the client can take: BatchAppend (what EventStoreDB 21.10+
 * advertises) and the older client-streaming Append; and once each with and
 * without strict event ids (EVENTSTORE_STRICT_EVENT_IDS). One server per run,
 * as a real server is shared by tests: data persists from test to test.
 */
for (const [batchAppend, uniqueEventIds] of [[true, false], [false, true]]) {
  const servers: EsdbTestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.stop())));

  const name = `EventStoreDB via ${batchAppend ? 'BatchAppend' : 'Append'}${uniqueEventIds ? ', strict event ids' : ''}`;
  describeEventStoreContract(
    name,
    async () => {
      if (servers.length === 0) servers.push(await new EsdbTestServer({ batchAppend }).start());
      const [server] = servers;
      const store = await EsdbEventStore.connect(server.connectionString, { uniqueEventIds });
      return { store, dispose: () => store.close() };
    },
    { uniqueEventIdsAcrossStreams: uniqueEventIds },
  );
}

describe('EsdbEventStore.connect', () => {
  async function freePort(): Promise<number> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  it('fails with StoreUnavailableError naming the connection string when nothing listens there', async () => {
    const connectionString = `esdb://127.0.0.1:${await freePort()}?tls=false`;

    const error = await EsdbEventStore.connect(connectionString).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain('could not be reached');
    expect((error as Error).message).toContain(connectionString);
  });

  it('masks the password of the connection string in that message', async () => {
    const port = await freePort();
    const error = await EsdbEventStore.connect(`esdb://admin:changeit@127.0.0.1:${port}?tls=false`).catch((e: unknown) => e);

    expect((error as Error).message).toContain(`esdb://admin:***@127.0.0.1:${port}?tls=false`);
    expect((error as Error).message).not.toContain('changeit');
  });

  it('connects through cluster discovery (esdb+discover://, gossip) as well', async () => {
    const server = await new EsdbTestServer().start();
    try {
      const store = await EsdbEventStore.connect(`esdb+discover://127.0.0.1:${server.port}?tls=false`);
      await store.close();
    } finally {
      await server.stop();
    }
  });
});
