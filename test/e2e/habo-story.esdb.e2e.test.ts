import { EsdbTestServer } from '../esdb/esdb-test-server';
import { startTestApp, TestApp } from '../support/test-app';
import { walkHaboStory } from './habo-story';

describe('the Habo story over GraphQL/HTTP with EVENT_STORE=esdb (gRPC to the EventStoreDB test server)', () => {
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

  it('walks the whole story and every step reads back', async () => {
    await walkHaboStory(t);
    // The events really are in the server, not in a local file.
    expect(server.state.stream('promise-ml-habo-drogfri-miljo')?.length).toBeGreaterThan(5);
    expect(server.state.stream('agreement-so-habo-sodra-vatterbygden-2016')?.map((e) => e.type)).toEqual(['AgreementDrafted', 'AgreementSigned', 'AgreementSigned', 'AgreementActivated']);
  });
});
