import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SqliteEventStore } from '../../src/event-store/sqlite';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { createThrowawayDatabase, POSTGRES_ADMIN_URL, ThrowawayDatabase } from '../support/postgres-test-db';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { scaleOutClient, seedHabo } from '../support/scale-out-client';
import { expectPostgresReadModelsEqualARebuild } from '../support/read-model-dump';

const CLIENTS = 4;
const LOG = 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }';
const READ = 'query($p: ID!) { activityLog(promiseId: $p, first: 500) { edges { node { id } } } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What a mutation may answer while PostgreSQL is away: the command is stored either way. */
const STORED_BUT_UNREAD = new Set(['READ_MODEL_LAGGING', 'READ_MODEL_UNAVAILABLE']);

/**
 * One instance (embedded event store, PostgreSQL read models) under a few
 * clients writing and reading. Its PostgreSQL connections are terminated
 * (pg_terminate_backend) again and again, then the database refuses
 * connections for a while. The process lives through it, reads answer
 * READ_MODEL_UNAVAILABLE rather than an internal error, and afterwards every
 * acknowledged mutation is in the read models, which equal a rebuild.
 */
describe('PostgreSQL connections lost under load', () => {
  let dataDir: string;
  let readModels: ThrowawayDatabase;
  let rebuilt: ThrowawayDatabase;
  let service: ServiceProcess;
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  const client = scaleOutClient();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'samverkan-pg-loss-'));
    [readModels, rebuilt] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
    await admin.connect();
  });
  afterAll(async () => {
    await service?.kill();
    await admin.query(`ALTER DATABASE ${dbName()} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
    await Promise.all([readModels?.drop(), rebuilt?.drop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const dbName = () => new URL(readModels.url).pathname.slice(1);
  const terminateAll = () => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName()]);
  const health = async () => (await (await fetch(service.url.replace('/graphql', '/health'))).json()) as { projections: { role: string; upToDate: boolean } };

  it('stays alive, answers READ_MODEL_UNAVAILABLE while the database is away, and loses no acknowledged write', async () => {
    service = await startServiceProcess({
      DATA_DIR: dataDir, READ_MODEL_URL: readModels.url, RATE_LIMIT_MUTATIONS: '1000000', RATE_LIMIT_EXPENSIVE_QUERIES: '1000000',
      READ_YOUR_WRITES_TIMEOUT_MS: '1500', PROJECTION_LEASE_MS: '2000', PROJECTION_HEARTBEAT_MS: '500',
    });
    while ((await health()).projections.role !== 'leader') await sleep(50);
    await seedHabo(client, service.url);

    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let outage = false;
    let readsRefusedDuringOutage = 0;
    let running = true;
    /**
     * As a client is told to: READ_MODEL_UNAVAILABLE with `stored` means stored; without it (the
     * mutation's answer could not be read back) the outcome is unknown, so send it again with the
     * same command id, which applies it at most once.
     */
    async function submit(input: { commandId: string }): Promise<boolean> {
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(100)) {
        const error = (await client.gql(service.url, LOG, { i: input }, 'coordinator', HABO_IDS.municipality)).errors?.[0];
        if (!error) return true;
        const code = String(error.extensions?.code);
        if (STORED_BUT_UNREAD.has(code) && error.extensions?.stored === true) return true;
        if (code !== 'READ_MODEL_UNAVAILABLE') {
          unexpected.push(`mutation ${code}: ${error.message}`);
          return false;
        }
      }
      unexpected.push(`mutation ${input.commandId} never acknowledged`);
      return false;
    }
    async function runClient(): Promise<void> {
      while (running) {
        const entryId = `pg-loss-${randomUUID().slice(0, 8)}`;
        const input = { commandId: randomUUID(), promiseId: HABO_IDS.promise, entryId, date: '2017-05-05', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 1 };
        if (await submit(input)) acknowledged.push(entryId);
        const duringOutage = outage;
        const read = await client.gql(service.url, READ, { p: HABO_IDS.promise }, 'coordinator', HABO_IDS.municipality);
        const readError = read.errors?.[0];
        if (readError) {
          if (readError.extensions?.code !== 'READ_MODEL_UNAVAILABLE') unexpected.push(`query ${readError.extensions?.code}: ${readError.message}`);
          else if (duringOutage && outage) readsRefusedDuringOutage++;
        }
      }
    }
    async function faults(): Promise<void> {
      for (let i = 0; i < 4; i++) {
        await sleep(400);
        await terminateAll();
      }
      // Now the database refuses every connection for a while, longer than the lease.
      await admin.query(`ALTER DATABASE ${dbName()} ALLOW_CONNECTIONS false`);
      await terminateAll();
      outage = true;
      await sleep(3000);
      outage = false;
      await admin.query(`ALTER DATABASE ${dbName()} ALLOW_CONNECTIONS true`);
      await sleep(1500);
      running = false;
    }
    await Promise.all([faults(), ...Array.from({ length: CLIENTS }, runClient)]);

    expect(service.child.exitCode).toBeNull();
    expect(service.child.signalCode).toBeNull();
    expect(unexpected).toEqual([]);
    expect(readsRefusedDuringOutage).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(CLIENTS * 3);

    // It resumes by itself: leads again, catches up, and every acknowledged entry is there.
    for (const started = Date.now(); !(await health()).projections.upToDate || (await health()).projections.role !== 'leader'; await sleep(100)) {
      if (Date.now() - started > 15_000) throw new Error(`did not resume: ${JSON.stringify(await health())}`);
    }
    const read = await client.ok(service.url, READ, { p: HABO_IDS.promise }, 'coordinator', HABO_IDS.municipality);
    const visible = new Set(read.activityLog.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(acknowledged.filter((id) => !visible.has(id))).toEqual([]);

    // Nothing applied twice or skipped across the broken transactions: the read models equal a rebuild.
    const store = await SqliteEventStore.open({ dataDir, readOnly: true });
    try {
      await expectPostgresReadModelsEqualARebuild(store, readModels.url, rebuilt.url);
    } finally {
      await store.close();
    }
  }, 90_000);
});
