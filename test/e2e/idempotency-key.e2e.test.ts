import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { promiseStream } from '../../src/shared/streams';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { startTestApp, TestApp, TestClient } from '../support/test-app';

const LOG = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id count } }`;
const CORRECT = `mutation($i: CorrectActivityInput!) { correctActivity(input: $i) { id } }`;
const DRAFT = `mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }`;
const ADOPT = `mutation($i: AdoptPromiseInput!) { adoptPromise(input: $i) { id } }`;
const entry = (overrides: Record<string, unknown> = {}) => ({
  promiseId: HABO_IDS.promise, date: '2017-06-01', kind: 'NightWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 2, ...overrides,
});
const SECOND_PROMISE = 'ml-habo-andra';

/**
 * A command id is the client's idempotency key: the same command again is a
 * retry, answered as the first time; the same id for anything else is refused
 * with IDEMPOTENCY_KEY_REUSED and stores nothing. `first` and `second` may be
 * two instances: the key holds across them.
 */
function describeIdempotencyKeys(name: string, start: () => Promise<{ first: TestApp; second: TestApp; close(): Promise<void> }>) {
  describe(`command ids as idempotency keys (${name})`, () => {
    let apps: Awaited<ReturnType<typeof start>>;
    let first: TestClient;
    let second: TestClient;
    let store: EventStore;
    beforeAll(async () => {
      apps = await start();
      await loadHaboDemo(apps.first.app);
      first = apps.first.as('coordinator', HABO_IDS.municipality);
      second = apps.second.as('coordinator', HABO_IDS.municipality);
      await first.ok(DRAFT, { i: { promiseId: SECOND_PROMISE, agreementId: HABO_IDS.agreement, title: 'Andra', periodFrom: '2017-01-01', periodTo: '2017-12-31', focusAreas: ['Narkotika'], plannedActivities: [] } });
      await apps.first.as('signatory', HABO_IDS.municipality).ok(ADOPT, { i: { promiseId: SECOND_PROMISE, adoptedOn: '2016-12-06', place: 'Habo', signatories: [{ name: 'N', title: 'T', organisationId: HABO_IDS.municipality }] } });
      store = apps.first.app.get(EVENT_STORE);
    }, 60_000);
    afterAll(() => apps?.close());

    const streamLengths = async () => Promise.all([HABO_IDS.promise, SECOND_PROMISE].map(async (id) => (await store.readStream(promiseStream(id))).length));

    it('the same command with the same id on the other instance is a retry: the same answer, stored once', async () => {
      const commandId = randomUUID();
      const before = await streamLengths();
      const answer = await first.ok(LOG, { i: entry({ commandId }) });
      // A retry may leave out an optional field the first attempt sent as null: it is the same input.
      const retried = await second.ok(LOG, { i: { ...entry({ commandId }), place: undefined, notes: null } });
      expect(retried).toEqual(answer);
      expect(await streamLengths()).toEqual([before[0] + 1, before[1]]);
    });

    const reuses: [string, (commandId: string, entryId: string) => [string, Record<string, unknown>]][] = [
      ['a different payload', (commandId) => [LOG, entry({ commandId, count: 3 })]],
      ['another entry id', (commandId) => [LOG, entry({ commandId, entryId: `other-${randomUUID()}` })]],
      ['another stream', (commandId) => [LOG, entry({ commandId, promiseId: SECOND_PROMISE })]],
      ['another command type', (commandId, entryId) => [CORRECT, entry({ commandId, correctsEntryId: entryId, reason: 'fel antal' })]],
    ];
    it.each(reuses)('the same id for %s is IDEMPOTENCY_KEY_REUSED, on either instance, and stores nothing', async (_what, reuse) => {
      const commandId = randomUUID();
      const { logActivity } = await first.ok(LOG, { i: entry({ commandId }) });
      const before = await streamLengths();
      const [query, input] = reuse(commandId, logActivity.id);
      for (const client of [second, first]) {
        const response = await client.gql(query, { i: input });
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
        expect(response.data).toBeNull();
      }
      expect(await streamLengths()).toEqual(before);
      // The first command still answers as it did.
      expect(await second.ok(LOG, { i: entry({ commandId }) })).toEqual({ logActivity });
    });

    it('another person sending the same command with the same id is refused too', async () => {
      const commandId = randomUUID();
      await first.ok(LOG, { i: entry({ commandId }) });
      const before = await streamLengths();
      const colleague = apps.second.as({ userId: 'another-coordinator', displayName: 'Kollega', organisationId: HABO_IDS.municipality, roles: ['coordinator'] });
      const response = await colleague.gql(LOG, { i: entry({ commandId }) });
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(await streamLengths()).toEqual(before);
    });

    it('two different commands racing with one id on both instances: exactly one is stored, the other refused', async () => {
      const commandId = randomUUID();
      const before = await streamLengths();
      const answers = await Promise.all([
        first.gql(LOG, { i: entry({ commandId }) }),
        second.gql(LOG, { i: entry({ commandId, promiseId: SECOND_PROMISE }) }),
      ]);
      const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['IDEMPOTENCY_KEY_REUSED', 'OK']);
      const after = await streamLengths();
      expect(after[0] - before[0] + (after[1] - before[1])).toBe(1);
    });
  });
}

describeIdempotencyKeys('embedded store', async () => {
  const app = await startTestApp();
  return { first: app, second: app, close: () => app.close() };
});

describeIdempotencyKeys('EventStoreDB, two instances', async () => {
  const server = await new EsdbTestServer().start();
  const readModels: ThrowawayDatabase = await createThrowawayDatabase();
  const env = { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString, READ_MODEL_URL: readModels.url };
  const first = await startTestApp(env);
  const second = await startTestApp(env);
  return {
    first,
    second,
    close: async () => {
      await Promise.all([first.close(), second.close()]);
      await server.stop();
      await readModels.drop();
    },
  };
});
