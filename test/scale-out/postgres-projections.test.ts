import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { migrateReadModels, ReadModelDb } from '../../src/projections/read-model-database';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { READ_MODEL_DB } from '../../src/projections/read-model-db.token';
import { rebuildReadModels } from '../../src/projections/rebuild';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp } from '../support/test-app';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { dumpReadModels } from '../support/read-model-dump';
import { walkHaboStory } from '../e2e/habo-story';

describe('read models in PostgreSQL (READ_MODEL_URL)', () => {
  let live: ThrowawayDatabase;
  let rebuilt: ThrowawayDatabase;
  let t: TestApp;
  const applier = new ProjectionApplier(ALL_PROJECTIONS);

  beforeAll(async () => {
    [live, rebuilt] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
    t = await startTestApp({ READ_MODEL_URL: live.url });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([live?.drop(), rebuilt?.drop()]);
  });

  it('serves the whole Habo story from PostgreSQL', async () => {
    await walkHaboStory(t, '-pg');
  });

  it('a rebuild into another PostgreSQL database gives exactly the rows live projection did', async () => {
    await loadHaboDemo(t.app);
    for (let i = 0; i < 300; i++) {
      await t.as('coordinator', HABO_IDS.municipality).ok(`mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, {
        i: { promiseId: HABO_IDS.promise, date: `2017-0${(i % 9) + 1}-1${i % 10}`, kind: 'NightWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 2 },
      });
    }
    const target = openPostgresReadModels(rebuilt.url);
    try {
      await migrateReadModels(target);
      await rebuildReadModels(t.app.get<EventStore>(EVENT_STORE), target, applier);
      const liveRows = await dumpReadModels(t.app.get<ReadModelDb>(READ_MODEL_DB), applier);
      expect(liveRows.activity_log.length).toBeGreaterThan(300);
      expect(await dumpReadModels(target, applier)).toEqual(liveRows);
    } finally {
      await target.destroy();
    }
  });
});
