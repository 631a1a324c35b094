import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { migrateReadModels, openSqliteReadModels } from '../../src/projections/read-model-database';
import { rebuildReadModels } from '../../src/projections/rebuild';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp } from '../support/test-app';
import { startServiceProcess } from '../support/service-process';
import { dumpReadModels } from '../support/read-model-dump';

const ROUNDS = 3;
const CLIENTS = 8;
const LOG = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`;

/** Sends LogActivity from several clients until stopped; returns the entry ids the service acknowledged. */
function loadGenerator(url: string, token: string) {
  const acknowledged: string[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const entryId = randomUUID();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: LOG, variables: { i: { promiseId: HABO_IDS.promise, entryId, date: '2017-08-01', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.police, count: 1 } } }),
        });
        const body = (await response.json()) as { data?: { logActivity?: { id: string } } };
        if (body.data?.logActivity?.id === entryId) acknowledged.push(entryId);
      } catch {
        return; // the service died mid-request: this one was never acknowledged
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  return { acknowledged, stop: async () => { running = false; await Promise.all(clients); } };
}

describe('crash: SIGKILL while serving mutations', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged command, and the read models catch up to equal a rebuild', async () => {
    const setup = await startTestApp({}, dataDir);
    await loadHaboDemo(setup.app);
    // The service processes use the same development secret, so this token is valid there too.
    const token = await setup.token('coordinator', HABO_IDS.police);
    await setup.close({ keepData: true });

    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const service = await startServiceProcess({ DATA_DIR: dataDir });
      const load = loadGenerator(service.url, token);
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
      await service.kill();
      await load.stop();
      expect(load.acknowledged.length).toBeGreaterThan(0);
      acknowledged.push(...load.acknowledged);
    }

    // After the last crash: restart, and the projections catch up with everything stored.
    const service = await startServiceProcess({ DATA_DIR: dataDir });
    let health: { projections: { upToDate: boolean; projections: { failure: unknown }[] } };
    do {
      health = (await (await fetch(service.url.replace('/graphql', '/health'))).json()) as typeof health;
    } while (!health.projections.upToDate);
    expect(health.projections.projections.filter((p) => p.failure)).toEqual([]);
    await service.kill();

    const store = await SqliteEventStore.open({ dataDir });
    const readModels = openSqliteReadModels(join(dataDir, 'read-models.sqlite'));
    const rebuilt = openSqliteReadModels(join(dataDir, 'rebuilt.sqlite'));
    try {
      const stored = new Set((await store.readStream(`promise-${HABO_IDS.promise}`)).map((e) => e.data.entryId));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

      const applier = new ProjectionApplier(ALL_PROJECTIONS);
      await migrateReadModels(rebuilt);
      await rebuildReadModels(store, rebuilt, applier);
      const live = await dumpReadModels(readModels, applier);
      expect(live.activity_log.length).toBeGreaterThanOrEqual(acknowledged.length);
      expect(live).toEqual(await dumpReadModels(rebuilt, applier));
    } finally {
      await Promise.all([readModels.destroy(), rebuilt.destroy(), store.close()]);
    }
  }, 120_000);
});
