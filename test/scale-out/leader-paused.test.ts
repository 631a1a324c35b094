import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { scaleOutClient, seedHabo } from '../support/scale-out-client';
import { expectPostgresReadModelsEqualARebuild } from '../support/read-model-dump';

const LEASE_MS = 2000;
const HEARTBEAT_MS = 400;
/** Takeover is bounded by the lease, plus a follower's poll and a little scheduling slack. */
const TAKEOVER_BOUND_MS = LEASE_MS + 3000;
const LOG = 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }';
const READ = 'query($p: ID!) { activityLog(promiseId: $p, first: 500) { edges { node { id } } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two instances, one projection leader. The leader is paused (SIGSTOP): it
 * holds its connections but does nothing. Within a bounded time the other
 * instance leads, and mutations on it answer normally. When the paused one
 * resumes (SIGCONT) it has lost its lease: it writes nothing more (fencing),
 * becomes a follower, and the read models equal a rebuild.
 */
describe('scale-out: the projection leader is paused', () => {
  let server: EsdbTestServer;
  let readModels: ThrowawayDatabase;
  let rebuilt: ThrowawayDatabase;
  const services: ServiceProcess[] = [];
  const client = scaleOutClient();

  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    [readModels, rebuilt] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
  });
  afterAll(async () => {
    for (const s of services) s.child.kill('SIGCONT');
    await Promise.all(services.map((s) => s.kill()));
    await server?.stop();
    await Promise.all([readModels?.drop(), rebuilt?.drop()]);
  });

  const env = () => ({
    EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString, READ_MODEL_URL: readModels.url,
    PROJECTION_LEASE_MS: String(LEASE_MS), PROJECTION_HEARTBEAT_MS: String(HEARTBEAT_MS), READ_YOUR_WRITES_TIMEOUT_MS: '3000',
  });
  const health = async (s: ServiceProcess) => (await (await fetch(s.url.replace('/graphql', '/health'))).json()) as { projections: { role: string; upToDate: boolean }; integrity: { chaining: boolean } };
  const role = async (s: ServiceProcess) => (await health(s)).projections;
  async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await sleep(50);
    }
    return Date.now() - started;
  }
  const logOn = (s: ServiceProcess, entryId: string) =>
    client.gql(s.url, LOG, { i: { promiseId: HABO_IDS.promise, entryId, commandId: randomUUID(), date: '2017-05-05', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 1 } }, 'coordinator', HABO_IDS.municipality);

  it('another instance takes over within the lease, and the resumed ex-leader writes nothing and follows', async () => {
    const first = await startServiceProcess(env());
    services.push(first);
    await until(async () => (await role(first)).role === 'leader', 10_000, 'the first instance to lead');
    const second = await startServiceProcess(env());
    services.push(second);
    expect((await role(second)).role).toBe('follower');
    await seedHabo(client, first.url);
    const logged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const entryId = `before-pause-${i}`;
      expect((await logOn(second, entryId)).errors).toBeUndefined();
      logged.push(entryId);
    }

    first.child.kill('SIGSTOP');
    const takeoverMs = await until(async () => (await role(second)).role === 'leader', TAKEOVER_BOUND_MS, 'the second instance to lead');
    expect(takeoverMs).toBeLessThan(TAKEOVER_BOUND_MS);
    for (let i = 0; i < 10; i++) {
      const entryId = `while-paused-${i}`;
      const answer = await logOn(second, entryId);
      expect(answer.errors).toBeUndefined(); // not READ_MODEL_LAGGING: the new leader projects
      logged.push(entryId);
    }

    // The ex-leader wakes up holding events it has not applied and a lease that is no longer its own.
    first.child.kill('SIGCONT');
    await until(async () => (await role(first)).role === 'follower', 5_000, 'the resumed instance to follow');
    for (let i = 0; i < 5; i++) {
      for (const s of [first, second]) {
        const entryId = `after-resume-${i}-${s === first ? 'a' : 'b'}`;
        expect((await logOn(s, entryId)).errors).toBeUndefined();
        logged.push(entryId);
      }
    }
    expect((await role(second)).role).toBe('leader');
    // Only the leader chains the integrity proof: the ex-leader stopped when it lost the lease.
    await until(async () => (await health(first)).integrity.chaining === false, 2_000, 'the ex-leader to stop chaining');
    expect((await health(second)).integrity.chaining).toBe(true);

    await until(async () => (await role(second)).upToDate, 10_000, 'the read models to catch up');
    const read = await client.ok(first.url, READ, { p: HABO_IDS.promise }, 'coordinator', HABO_IDS.municipality);
    expect(read.activityLog.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([...logged].sort());

    // The lease changed hands once, with a new fencing token; the read models equal a rebuild.
    const pg = new Client({ connectionString: readModels.url });
    await pg.connect();
    const leases = await pg.query<{ token: string }>('SELECT token FROM projection_leases').finally(() => pg.end());
    expect(leases.rows).toHaveLength(1);
    expect(Number(leases.rows[0].token)).toBeGreaterThanOrEqual(2);
    const store = await EsdbEventStore.connect(server.connectionString);
    try {
      await expectPostgresReadModelsEqualARebuild(store, readModels.url, rebuilt.url);
    } finally {
      await store.close();
    }
  }, 90_000);
});
