import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { positionToString } from '../../src/event-store/position';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { migrateReadModels, openSqliteReadModels, ReadModelDb } from '../../src/projections/read-model-database';
import { READ_MODEL_DB } from '../../src/projections/read-model-db.token';
import { rebuildReadModels } from '../../src/projections/rebuild';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp } from '../support/test-app';
import * as story from '../e2e/full-year-story';
import { dumpReadModels } from '../support/read-model-dump';

describe('projections', () => {
  let t: TestApp;
  const applier = new ProjectionApplier(ALL_PROJECTIONS);

  beforeAll(async () => {
    t = await startTestApp();
    await loadHaboDemo(t.app);
    // Enough extra history to span several rebuild pages, and every event type.
    await t.ok(`mutation { registerMunicipality(input: { organisationId: "vadstena", name: "Vadstena kommun", municipalityCode: "0584" }) { id } }`);
    for (let i = 0; i < 1200; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      await t.as('coordinator', HABO_IDS.police).ok(`mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`, {
        i: { promiseId: HABO_IDS.promise, date: `2017-${month}-${day}`, kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.police, count: 1 + (i % 3), notes: `walk ${i}` },
      });
    }
    // The whole lifecycle (issue 4): every other event type, corrections and follow-ups included.
    for (const step of [story.setUpOrganisations, story.signAgreement, story.assess, story.adoptAndPublish, story.carryOutTheYear, story.reportAndExtend, story.reviseTheAgreement, story.endTheStory]) {
      await step(t);
    }
    await t.as('coordinator', HABO_IDS.police).ok(`mutation { withdrawPromise(input: { promiseId: "${HABO_IDS.promise}", withdrawnOn: "2017-12-01", reason: "Ersatt" }) { id } }`);
  }, 240_000); // 1,200 mutations over HTTP, then the lifecycle story
  afterAll(() => t.close());

  it('a rebuild from the events produces exactly the rows live projection did', async () => {
    const live = await dumpReadModels(t.app.get<ReadModelDb>(READ_MODEL_DB), applier);
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-rebuild-'));
    const rebuilt = openSqliteReadModels(join(dir, 'rebuilt.sqlite'));
    try {
      await migrateReadModels(rebuilt);
      const count = await rebuildReadModels(t.app.get<EventStore>(EVENT_STORE), rebuilt, applier);
      expect(count).toBeGreaterThan(1200);
      const replayed = await dumpReadModels(rebuilt, applier);
      expect(replayed.activity_log).toHaveLength(1205 + 5);
      expect(replayed.follow_ups.length + replayed.agreement_versions.length + replayed.assessment_items.length).toBeGreaterThan(0);
      expect(replayed).toEqual(live);
    } finally {
      await rebuilt.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rebuild in place empties the tables first, so running it twice changes nothing', async () => {
    const db = t.app.get<ReadModelDb>(READ_MODEL_DB);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const runner = t.app.get(ProjectionRunner);
    await runner.stop();
    const before = await dumpReadModels(db, applier);
    await rebuildReadModels(store, db, applier);
    await rebuildReadModels(store, db, applier);
    expect(await dumpReadModels(db, applier)).toEqual(before);
    await runner.start();
  });

  it('a restarted service resumes from its checkpoint without replaying history', async () => {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    await t.close({ keepData: true });
    t = await startTestApp({}, t.dataDir);
    const runner = t.app.get(ProjectionRunner);
    expect(runner.status().projections.map((p) => p.checkpoint)).toEqual(runner.projections.map(() => positionToString(head!)));
    // A new command is projected; nothing before it is applied again.
    await t.ok(`mutation { registerMunicipality(input: { organisationId: "malung", name: "Malung-Sälens kommun", municipalityCode: "2023" }) { id } }`);
    expect(runner.status().eventsApplied).toBe(1);
  });
});
