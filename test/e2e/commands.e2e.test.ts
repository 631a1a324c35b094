import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp, TestClient } from '../support/test-app';

const LOG = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id date count } }`;
const entry = (overrides: Record<string, unknown> = {}) => ({
  promiseId: HABO_IDS.promise, date: '2017-06-01', kind: 'NightWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 2, ...overrides,
});

describe('the command pipeline over HTTP', () => {
  let t: TestApp;
  /** Habo's coordinator logs the municipality's activities. */
  let coordinator: TestClient;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    coordinator = t.as('coordinator', HABO_IDS.municipality);
    await loadHaboDemo(t.app);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  const promiseEvents = () => store.readStream(`promise-${HABO_IDS.promise}`);

  it('applies the same command id once, sequentially and concurrently, and answers the same each time', async () => {
    const before = (await promiseEvents()).length;
    const commandId = randomUUID();
    const sequential = [];
    for (let i = 0; i < 3; i++) sequential.push(await coordinator.ok(LOG, { i: entry({ commandId }) }));
    const concurrent = await Promise.all(Array.from({ length: 7 }, () => coordinator.ok(LOG, { i: entry({ commandId }) })));
    const answers = [...sequential, ...concurrent].map((d) => d.logActivity);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await promiseEvents()).length).toBe(before + 1);
  });

  it('records who, when and why in every event', async () => {
    const commandId = randomUUID();
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'trace-42', authorization: `Bearer ${await t.token('coordinator', HABO_IDS.municipality)}` },
      body: JSON.stringify({ query: LOG, variables: { i: entry({ commandId }) } }),
    });
    expect(response.status).toBe(200);
    const event = (await promiseEvents()).at(-1)!;
    expect(event.type).toBe('ActivityLogged');
    expect(event.metadata).toMatchObject({
      commandId,
      commandType: 'LogActivity',
      correlationId: 'trace-42',
      causationId: 'trace-42',
      // The actor is whoever the verified token says, never anything in the input.
      actor: { userId: `coordinator-${HABO_IDS.municipality}`, organisationId: HABO_IDS.municipality, role: 'coordinator', roles: ['coordinator'] },
      schemaVersion: 1,
    });
    expect(Date.parse(event.metadata.occurredAt as string)).not.toBeNaN();
  });

  it('lets the client read its own write right after the mutation returns', async () => {
    for (let i = 0; i < 5; i++) {
      const { logActivity } = await coordinator.ok(LOG, { i: entry({ date: `2017-07-0${i + 1}` }) });
      const read = await t.ok(`{ activityLog(promiseId: "${HABO_IDS.promise}", from: "${logActivity.date}", to: "${logActivity.date}") { edges { node { id } } } }`);
      expect(read.activityLog.edges.map((e: any) => e.node.id)).toContain(logActivity.id);
    }
  });

  it('loses nothing when 64 activities are logged on one promise at once', async () => {
    const before = (await promiseEvents()).length;
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => coordinator.gql(LOG, { i: entry({ entryId: `concurrent-${i}` }) })));
    const failures = results.filter((r) => r.errors);
    // In one process commands on a stream queue up, so none should even conflict; any failure must be a clean CONFLICT.
    expect(failures.map((f) => f.errors![0].extensions?.code).filter((c) => c !== 'CONFLICT')).toEqual([]);
    const events = (await promiseEvents()).slice(before);
    expect(events).toHaveLength(64 - failures.length);
    expect(new Set(events.map((e) => e.data.entryId)).size).toBe(events.length);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(before + i)));
  });
});
