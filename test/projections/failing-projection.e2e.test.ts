import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12, "a failing projection is contained": one read model that cannot
 * apply an event stops alone, says so, and resumes once the cause is fixed;
 * `rebuild` builds aside and leaves the live read models alone when it fails.
 * The same on the embedded read models (SQLite) and on PostgreSQL.
 */
const ROOT = join(__dirname, '../..');
const m = (name: string, type: string, fields = '__typename') => `mutation($i: ${type}!) { ${name}(input: $i) { ${fields} } }`;
const FOLLOW_UPS = `{ promise(id: "${HABO_IDS.promise}") { followUps { id label } } }`;

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(['sqlite', 'postgres'] as const)('a failing projection, on %s read models', (kind) => {
  let pg: ThrowawayDatabase | undefined;
  let t: TestApp;
  const env = (): Record<string, string> => (pg ? { READ_MODEL_URL: pg.url } : {});
  const get = async (t: TestApp, path: string) => {
    const response = await fetch(t.url.replace('/graphql', path));
    return { status: response.status, body: (await response.json()) as any };
  };
  /** SQL on the live read-model database, as an operator would run it. */
  const operatorSql = async (statement: string) => {
    if (pg) {
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      await client.query(statement).finally(() => client.end());
      return;
    }
    const db = new Database(join(t.dataDir, 'read-models.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.exec(statement);
    db.close();
  };
  const coordinator = () => t.as('coordinator', HABO_IDS.municipality);
  const plan = (label: string) =>
    coordinator().gql(m('planFollowUps', 'PlanFollowUpsInput'), {
      i: { promiseId: HABO_IDS.promise, followUps: [{ followUpId: `f-${randomUUID().slice(0, 8)}`, dueOn: '2018-06-01', label }], finalReportDueOn: '2019-01-31' },
    });
  const register = (id: string) => t.gql(m('registerMunicipality', 'RegisterMunicipalityInput', 'id'), { i: { organisationId: id, name: `Kommun ${id}`, municipalityCode: '0999' } });
  const organisationIds = async () => ((await t.ok('{ organisations(first: 500) { edges { node { id } } } }')).organisations.edges as any[]).map((e) => e.node.id);

  beforeAll(async () => {
    if (kind === 'postgres') pg = await createThrowawayDatabase();
    t = await startTestApp(env());
    await loadHaboDemo(t.app);
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined); // a failed test may have closed it already
    await pg?.drop();
  });

  it('stops only itself, answers the mutations that need it with READ_MODEL_FAILING, fails readiness, and resumes once fixed', async () => {
    // The operator's mistake: a rule on the follow-ups table that refuses what the domain allows.
    await operatorSql(
      pg
        ? `ALTER TABLE follow_ups ADD CONSTRAINT local_rule CHECK (label <> 'Halvår')`
        : `CREATE TRIGGER local_rule BEFORE INSERT ON follow_ups WHEN NEW.label = 'Halvår' BEGIN SELECT RAISE(ABORT, 'refused by local_rule'); END`,
    );
    const planned = await plan('Halvår');
    expect(planned.errors?.[0]?.extensions).toMatchObject({ code: 'READ_MODEL_FAILING', projection: 'follow-ups', stored: true });

    // Everything else goes on: a mutation that does not feed follow-ups answers, and its read model shows it.
    const registered = await register('ydre');
    expect(registered.errors).toBeUndefined();
    expect(await organisationIds()).toContain('ydre');

    const ready = await get(t, '/health/ready');
    expect(ready.status).toBe(503);
    const failing = ready.body.reasons.find((r: any) => r.reason === 'projection_failing');
    expect(failing).toMatchObject({ projection: 'follow-ups', event: { type: 'FollowUpsPlanned', stream: `promise-${HABO_IDS.promise}` } });
    expect(failing.error).toMatch(/local_rule/);
    expect(failing.event.id).toMatch(/\S/);
    expect((await get(t, '/health/live')).status).toBe(200);
    const health = await get(t, '/health');
    expect(health.status).toBe(503);
    const followUps = health.body.projections.projections.find((p: any) => p.name === 'follow-ups');
    expect(followUps).toMatchObject({ state: 'failing', upToDate: false, failure: { event: failing.event, retries: expect.any(Number) } });
    expect(new Date(followUps.failure.nextRetryAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(health.body.projections.projections.filter((p: any) => p.state !== 'running').map((p: any) => p.name)).toEqual(['follow-ups']);

    // The operator drops the rule: the projection retries by itself, and nothing is lost.
    await operatorSql(pg ? 'ALTER TABLE follow_ups DROP CONSTRAINT local_rule' : 'DROP TRIGGER local_rule');
    const labels = await eventually(async () => {
      const found = ((await t.ok(FOLLOW_UPS)).promise.followUps as any[]).map((f) => f.label);
      return found.includes('Halvår') ? found : undefined;
    }, 40_000);
    expect(labels).toContain('Halvår');
    expect(await eventually(async () => ((await get(t, '/health/ready')).status === 200 ? 'ready' : undefined))).toBe('ready');
    expect((await plan('Helår')).errors).toBeUndefined();
  });

  it('rebuild on a poisoned store fails and leaves the read models as they were; on a good store it swaps', async () => {
    // An event of a real type that the follow-ups projection cannot apply (no follow-ups at all).
    const store = t.app.get<EventStore>(EVENT_STORE);
    const poisonId = randomUUID();
    await store.append(`promise-${HABO_IDS.promise}`, [
      { id: poisonId, type: 'FollowUpsPlanned', data: { promiseId: HABO_IDS.promise, period: { from: '2018-01-01', to: '2018-12-31' }, finalReportDueOn: '2019-01-31' }, metadata: {} },
    ], { expectedRevision: 'any' });
    expect(await eventually(async () => {
      const reasons = (await get(t, '/health/ready')).body.reasons as any[];
      return reasons.find((r) => r.reason === 'projection_failing' && r.event?.id === poisonId);
    })).toMatchObject({ projection: 'follow-ups' });
    expect(await register('kinda').then((r) => r.errors)).toBeUndefined();
    const before = { organisations: await organisationIds(), followUps: (await t.ok(FOLLOW_UPS)).promise.followUps };
    expect(before.organisations).toContain('kinda');
    const dataDir = t.dataDir;
    await t.close({ keepData: true });

    const failed = rebuildCli(dataDir, env());
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('follow-ups');
    expect(failed.stderr).toContain(poisonId);

    t = await startTestApp(env(), dataDir);
    expect(await organisationIds()).toEqual(before.organisations);
    expect((await t.ok(FOLLOW_UPS)).promise.followUps).toEqual(before.followUps);

    // A store the projections can apply: rebuild swaps in what it built (a row removed by hand comes back).
    await t.close({ keepData: true });
    await operatorSqlOn(dataDir, pg, `DELETE FROM projection_checkpoints WHERE name = 'follow-ups'`);
    await operatorSqlOn(dataDir, pg, `DELETE FROM organisations WHERE id = 'kinda'`);
    const poisonFree = rebuildCli(dataDir, env(), '--projection', 'organisations');
    expect([poisonFree.status, poisonFree.stderr]).toEqual([0, '']);
    t = await startTestApp(env(), dataDir);
    expect(await organisationIds()).toEqual(before.organisations);
  });

  it('rebuild of everything on a good store swaps in the rebuilt read models', async () => {
    const good = await startTestApp(pg ? { READ_MODEL_URL: (await createThrowawayDatabase().then((db) => (goodPg = db))).url } : {});
    await good.ok(m('registerMunicipality', 'RegisterMunicipalityInput', 'id'), { i: { organisationId: 'boxholm', name: 'Boxholms kommun', municipalityCode: '0560' } });
    await good.close({ keepData: true });
    await operatorSqlOn(good.dataDir, goodPg, `DELETE FROM organisations WHERE id = 'boxholm'`);
    const rebuilt = rebuildCli(good.dataDir, goodPg ? { READ_MODEL_URL: goodPg.url } : {});
    expect([rebuilt.status, rebuilt.stderr]).toEqual([0, '']);
    const again = await startTestApp(goodPg ? { READ_MODEL_URL: goodPg.url } : {}, good.dataDir);
    try {
      expect((await again.ok('{ organisation(id: "boxholm") { id } }')).organisation).toEqual({ id: 'boxholm' });
    } finally {
      await again.close();
      await goodPg?.drop();
    }
  });
});

let goodPg: ThrowawayDatabase | undefined;

/** `samverkan rebuild …` as an operator runs it, with the service stopped. */
function rebuildCli(dataDir: string, env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['-r', join(ROOT, 'test/support/register-ts.js'), join(ROOT, 'src/cli.ts'), 'rebuild', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

async function operatorSqlOn(dataDir: string, pg: ThrowawayDatabase | undefined, statement: string): Promise<void> {
  if (pg) {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query(statement).finally(() => client.end());
    return;
  }
  const db = new Database(join(dataDir, 'read-models.sqlite'));
  db.exec(statement);
  db.close();
}
