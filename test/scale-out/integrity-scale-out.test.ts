import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { authSettings } from '../../src/auth/auth-settings';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { CHECKPOINT_STREAM } from '../../src/audit/integrity/checkpoint';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { ServiceProcess, startServiceProcess } from '../support/service-process';

/**
 * One hash chain, whatever the deployment: instances over one EventStoreDB
 * (the gRPC test server) and one PostgreSQL database, each with a data
 * directory of its own (separate machines) and the same signing key. They
 * restart, one dies and another joins; the chain stays one, checkpoints
 * only grow, and verify finds the untouched store intact from any instance.
 */
describe('scale-out: one integrity chain across instances that restart and join', () => {
  let server: EsdbTestServer;
  let readModels: ThrowawayDatabase;
  const dirs: string[] = [];
  const running = new Set<ServiceProcess>();
  const issuer = new DevTokenIssuer(authSettings(loadConfig({ NODE_ENV: 'test' })));
  const signingKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');

  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    readModels = await createThrowawayDatabase();
  });
  afterAll(async () => {
    await Promise.all([...running].map((s) => s.kill()));
    await server?.stop();
    await readModels?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const start = async (dataDir = mkdtempSync(join(tmpdir(), 'samverkan-instance-'))) => {
    if (!dirs.includes(dataDir)) dirs.push(dataDir);
    const instance = await startServiceProcess({
      EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString, READ_MODEL_URL: readModels.url, DATA_DIR: dataDir,
      INTEGRITY_SIGNING_KEY: signingKey, INTEGRITY_CHECKPOINT_EVERY_EVENTS: '5',
    });
    running.add(instance);
    return { instance, dataDir };
  };
  const kill = async (s: ServiceProcess) => {
    await s.kill();
    running.delete(s);
  };
  async function send(s: ServiceProcess, query: string, role = 'admin') {
    const token = await issuer.issue({ userId: `${role}-1`, displayName: role, organisationId: null, roles: [role as 'admin'] });
    const response = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  const register = async (s: ServiceProcess, n: number) => {
    for (let i = 0; i < n; i++) {
      const id = `m-${randomUUID().slice(0, 8)}`;
      await send(s, `mutation { registerMunicipality(input: { organisationId: "${id}", name: "Kommun ${id}", municipalityCode: "${1000 + i}" }) { id } }`);
    }
  };
  const health = async (s: ServiceProcess) => (await (await fetch(s.url.replace('/graphql', '/health'))).json()) as any;
  const checkpointCounts = () => (server.state.stream(CHECKPOINT_STREAM) ?? []).map((e) => Number((JSON.parse(Buffer.from(e.data).toString()) as { count: string }).count));
  async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  /** The chain has reached the store's head: every event so far is covered by a link the leader recorded. */
  const chainedToHead = async (s: ServiceProcess) => {
    const h = await health(s);
    return h.integrity?.chainedUpTo !== undefined && h.integrity.chainedUpTo === h.store.headPosition;
  };

  it('exactly one instance chains; after restarts, a leader’s death and a new instance joining, verify is intact everywhere', async () => {
    const a = await start();
    await until(async () => (await health(a.instance)).projections.role === 'leader');
    const b = await start();
    await register(a.instance, 6);
    await register(b.instance, 6);

    // B restarts (same data directory), then the leader A dies and B takes over, then C joins.
    await kill(b.instance);
    const b2 = await start(b.dataDir);
    await register(b2.instance, 6);
    await kill(a.instance);
    await until(async () => (await health(b2.instance)).projections.role === 'leader');
    await register(b2.instance, 6);
    const c = await start();
    await register(c.instance, 6);
    const a2 = await start(a.dataDir);
    await register(a2.instance, 3);

    const instances = [b2.instance, c.instance, a2.instance];
    await until(() => chainedToHead(b2.instance));
    const chaining = await Promise.all(instances.map(async (s) => (await health(s)).integrity.chaining));
    expect(chaining.filter(Boolean)).toHaveLength(1);

    const counts = checkpointCounts();
    expect(counts.length).toBeGreaterThanOrEqual(6);
    expect(counts).toEqual([...new Set(counts)].sort((x, y) => x - y)); // strictly growing: never two writers interleaved
    for (const s of instances) {
      const { verifyIntegrity } = await send(s, '{ verifyIntegrity { intact summary failure { kind position } } }', 'auditor');
      expect(verifyIntegrity).toMatchObject({ intact: true, failure: null });
      expect((await health(s)).integrity).toMatchObject({ status: 'intact', writes: 'accepted' });
    }
  }, 180_000);
});
