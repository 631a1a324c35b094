import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { EventStore, RecordedEvent } from '../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../src/event-store/sqlite';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { scaleOutClient, seedHabo } from '../support/scale-out-client';

const CLIENTS = 32;
const COMMANDS_PER_CLIENT = 6;
/** Few streams, so that commands pile up on each and are decided on top of appends still in flight. */
const PROMISES = [HABO_IDS.promise, 'ml-habo-trygg-centrum', 'ml-habo-grannsamverkan'];

const LOG = 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a run needs to know about the deployment under test. */
interface Deployment {
  /** The environment of every instance. */
  env(): Record<string, string>;
  /** How many instances run side by side. */
  readonly size: number;
  /** How many times the projection leader is killed and restarted during the run. */
  readonly kills: number;
  /** The store, opened by the test to count what was stored. */
  openStore(): Promise<EventStore>;
}

/**
 * 32 clients log activities. One command in ten is sent twice at once with the
 * same command id (to the other instance, where there is one), every failed
 * attempt is retried (on the other instance), and the projection leader is
 * killed (SIGKILL) and restarted, again and again. Afterwards the store holds
 * every acknowledged command exactly once, and no command twice.
 */
function describeOnceOnly(name: string, deploy: () => Promise<Deployment & { dispose(): Promise<void> }>) {
  describe(`once only (${name})`, () => {
    let deployment: Awaited<ReturnType<typeof deploy>>;
    const instances: ServiceProcess[] = [];
    const client = scaleOutClient();
    beforeAll(async () => (deployment = await deploy()));
    afterAll(async () => {
      await Promise.all(instances.map((s) => s.kill()));
      await deployment?.dispose();
    });

    async function role(s: ServiceProcess): Promise<string | undefined> {
      try {
        return ((await (await fetch(s.url.replace('/graphql', '/health'))).json()) as { projections: { role: string } }).projections.role;
      } catch {
        return undefined;
      }
    }
    async function leaderSlot(): Promise<number> {
      for (;;) {
        const slot = (await Promise.all(instances.map(role))).indexOf('leader');
        if (slot >= 0) return slot;
        await sleep(50);
      }
    }

    it(`${CLIENTS} clients, 10% sent twice, every failure retried elsewhere, the leader killed repeatedly: zero duplicates, zero losses`, async () => {
      for (let i = 0; i < deployment.size; i++) {
        instances.push(await startServiceProcess(deployment.env()));
        if (i === 0) await leaderSlot();
      }
      await seedHabo(client, instances[0].url, PROMISES);
      const other = (slot: number) => (slot + 1) % instances.length;

      const acknowledged = new Set<string>();
      const unexpected: string[] = [];
      /** One attempt on one instance: true when the command is acknowledged (stored, whatever the read side says). */
      async function attempt(slot: number, input: object): Promise<boolean> {
        try {
          const body = await client.gql(instances[slot].url, LOG, { i: input }, 'coordinator', HABO_IDS.municipality);
          if (body.data?.logActivity) return true;
          const code = body.errors?.[0]?.extensions?.code;
          if (code === 'READ_MODEL_LAGGING') return true;
          if (code !== 'CONFLICT' && code !== 'STORE_UNAVAILABLE') unexpected.push(`${code}: ${body.errors?.[0]?.message}`);
          return false;
        } catch {
          return false; // the instance died under the request, or is not listening yet
        }
      }
      /** Tries `slot`, then the other instance, and so on, until the command is acknowledged (a restart may take a while). */
      async function submit(slot: number, input: { commandId: string }): Promise<void> {
        for (const deadline = Date.now() + 60_000; Date.now() < deadline; slot = other(slot)) {
          if (await attempt(slot, input)) return void acknowledged.add(input.commandId);
          await sleep(20 + Math.random() * 30);
        }
      }
      async function runClient(c: number): Promise<void> {
        for (let j = 0; j < COMMANDS_PER_CLIENT; j++) {
          const input = { commandId: randomUUID(), promiseId: PROMISES[c % PROMISES.length], date: '2017-05-05', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 1 + j };
          const home = (c + j) % instances.length;
          if ((c * COMMANDS_PER_CLIENT + j) % 10 === 0) {
            // The client gave up waiting on one instance and sent the same command to the other meanwhile.
            await Promise.all([submit(home, input), sleep(Math.random() * 15).then(() => submit(other(home), input))]);
          } else {
            await submit(home, input);
          }
        }
      }
      async function killLeaders(): Promise<void> {
        for (let k = 0; k < deployment.kills; k++) {
          await sleep(700);
          const slot = await leaderSlot();
          await instances[slot].kill();
          instances[slot] = await startServiceProcess(deployment.env());
        }
      }

      await Promise.all([killLeaders(), ...Array.from({ length: CLIENTS }, (_, c) => runClient(c))]);

      const logged = await activitiesByCommand(await deployment.openStore());
      const duplicates = [...logged].filter(([, events]) => events.length > 1).map(([id, events]) => `${id} at ${events.map((e) => `${e.streamName}@${e.revision}`).join(', ')}`);
      const lost = [...acknowledged].filter((id) => !logged.has(id));
      expect(unexpected).toEqual([]);
      expect(acknowledged.size).toBe(CLIENTS * COMMANDS_PER_CLIENT);
      expect(duplicates).toEqual([]);
      expect(lost).toEqual([]);
    }, 150_000);
  });
}

/** Two instances over one EventStoreDB (the gRPC test server) and one PostgreSQL read-model database. */
describeOnceOnly('EventStoreDB, two instances', async () => {
  const server = await new EsdbTestServer().start();
  const readModels: ThrowawayDatabase = await createThrowawayDatabase();
  return {
    size: 2,
    kills: 3,
    env: () => ({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString, READ_MODEL_URL: readModels.url, RATE_LIMIT_MUTATIONS: '1000000', READ_YOUR_WRITES_TIMEOUT_MS: '3000' }),
    openStore: () => EsdbEventStore.connect(server.connectionString),
    dispose: async () => {
      await server.stop();
      await readModels.drop();
    },
  };
});

/** The embedded store is single-process: every retry goes to the one instance, killed and restarted under the load. */
describeOnceOnly('embedded store, one instance', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-once-'));
  return {
    size: 1,
    kills: 2,
    env: () => ({ DATA_DIR: dataDir, RATE_LIMIT_MUTATIONS: '1000000' }),
    openStore: () => SqliteEventStore.open({ dataDir, readOnly: true }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

/** Every ActivityLogged event in the store, by the command id in its metadata. */
async function activitiesByCommand(store: EventStore): Promise<Map<string, RecordedEvent[]>> {
  const byCommand = new Map<string, RecordedEvent[]>();
  try {
    let after: RecordedEvent['position'] | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (event.type !== 'ActivityLogged') continue;
        const id = String(event.metadata.commandId);
        byCommand.set(id, [...(byCommand.get(id) ?? []), event]);
      }
      after = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
  return byCommand;
}
