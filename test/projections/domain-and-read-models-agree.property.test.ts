import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { ProjectionService } from '../../src/projections/projection-service';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { migrateReadModels, openSqliteReadModels, ReadModelDb } from '../../src/projections/read-model-database';
import { READ_MODEL_DB } from '../../src/projections/read-model-db.token';
import { rebuildReadModels } from '../../src/projections/rebuild';
import { loadCheckpoints } from '../../src/projections/checkpoint';
import { positionToString } from '../../src/event-store/position';
import { createThrowawayDatabase } from '../support/postgres-test-db';
import { dumpReadModels } from '../support/read-model-dump';
import { startTestApp, TestApp } from '../support/test-app';
import { COMMANDS, PRELUDE } from './model/commands';
import { Model, ORGS } from './model/model';
import { Real } from './model/real';

/**
 * Model-based: random sequences of commands the domain accepts (and some it must
 * refuse), sent over GraphQL as the people who would send them, through the real
 * handlers, event store and projections. After each sequence no projection has
 * failed and the read models equal a rebuild from the same events.
 */
const applier = new ProjectionApplier(ALL_PROJECTIONS);

/** Every projection failure the service reports, as "projection: error". */
async function projectionErrors(t: TestApp): Promise<string[]> {
  const { projections } = await t.app.get(ProjectionService).status();
  return projections.filter((p) => p.failure).map((p) => `${p.name}: ${p.failure!.error}`);
}

async function setUpOrganisations(t: TestApp): Promise<void> {
  const m = (name: string, input: string) => `mutation($i: ${input}!) { ${name}(input: $i) { id } }`;
  await t.ok(m('registerPoliceRegion', 'RegisterPoliceRegionInput'), { i: { organisationId: ORGS.region, name: 'Polisregion Öst' } });
  await t.ok(m('registerPoliceDistrict', 'RegisterChildOrganisationInput'), { i: { organisationId: ORGS.district, name: 'Polisområde', parentId: ORGS.region } });
  await t.ok(m('registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput'), { i: { organisationId: ORGS.police, name: 'LPO', policeDistrict: 'Jönköping', policeRegion: 'Öst', policeDistrictId: ORGS.district } });
  for (const [id, code] of [[ORGS.municipalityA, '0643'], [ORGS.municipalityB, '0642']]) {
    await t.ok(m('registerMunicipality', 'RegisterMunicipalityInput'), { i: { organisationId: id, name: `Kommun ${id}`, municipalityCode: code } });
  }
  await t.ok(m('recordServedMunicipalities', 'RecordServedMunicipalitiesInput'), { i: { organisationId: ORGS.police, municipalityIds: [ORGS.municipalityA, ORGS.municipalityB] } });
}

/** The live read models, caught up with the store, against a rebuild from the same events into a new database. */
async function expectReadModelsEqualARebuild(t: TestApp, real: Real, openFresh: () => Promise<{ db: ReadModelDb; close(): Promise<void> }>): Promise<void> {
  const head = (await real.store.headPosition())!;
  const caughtUp = await t.app.get(ProjectionService).waitFor(head, 10_000);
  expect(await projectionErrors(t)).toEqual([]);
  expect(caughtUp).toBe(true);
  const live = t.app.get<ReadModelDb>(READ_MODEL_DB);
  const fresh = await openFresh();
  try {
    await migrateReadModels(fresh.db);
    await rebuildReadModels(real.store, fresh.db, applier);
    // A checkpoint's updated_at is when it was projected; only its position must agree.
    const checkpoints = [...(await loadCheckpoints(fresh.db)).values()].map((c) => c.position && positionToString(c.position));
    expect(new Set(checkpoints)).toEqual(new Set([positionToString(head)]));
    expect(await dumpReadModels(fresh.db, applier)).toEqual(await dumpReadModels(live, applier));
  } finally {
    await fresh.close();
  }
}

interface Fresh {
  db: ReadModelDb;
  close(): Promise<void>;
}

/**
 * One service for all runs (each run uses its own ids), replaced by a new one
 * after a failed run: a failure must not leak into the next run, or shrinking
 * would chase the wrong sequence.
 */
function describeStore(name: string, readModels: () => Promise<{ env: Record<string, string>; close(): Promise<void> }>, openFresh: () => Promise<Fresh>) {
  describe(`the domain and the read models agree (${name})`, () => {
    let t: TestApp | undefined;
    let closeReadModels = async () => undefined as void;
    let real: Real;
    let run = 0;
    let dirty = true;
    const restart = async () => {
      await t?.close();
      await closeReadModels();
      const { env, close } = await readModels();
      closeReadModels = close;
      t = await startTestApp({ READ_YOUR_WRITES_TIMEOUT_MS: '3000', ...env });
      real = new Real(t);
      await setUpOrganisations(t);
      dirty = false;
    };
    afterAll(async () => {
      await t?.close();
      await closeReadModels();
    });

    it('any sequence of commands projects without error, and the read models equal a rebuild', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 60, size: 'max' }), async (commands) => {
          if (dirty) await restart();
          // Each run works on its own agreements and promises in the same service: ids never collide across runs.
          const model = new Model(`r${++run}`);
          try {
            for (const command of PRELUDE) await command.run(model, real);
            await fc.asyncModelRun(() => ({ model, real }), commands);
            await expectReadModelsEqualARebuild(t!, real, openFresh);
          } catch (error) {
            dirty = true;
            const errors = await projectionErrors(t!);
            throw errors.length ? new Error(`A projection failed: ${errors.join('; ')}\n(first symptom: ${String(error)})`) : error;
          }
        }),
        // MODEL_RUNS=200 for a longer hunt; 30 keeps the file near 35 s for both stores.
        { numRuns: Number(process.env.MODEL_RUNS ?? 30) },
      );
    }, 120_000);
  });
}

describeStore('embedded SQLite', async () => ({ env: {}, close: async () => undefined }), async () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-model-rebuild-'));
  const db = openSqliteReadModels(join(dir, 'rebuilt.sqlite'));
  return { db, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
});

describeStore('PostgreSQL read models', async () => {
  const live = await createThrowawayDatabase();
  return { env: { READ_MODEL_URL: live.url }, close: () => live.drop() };
}, async () => {
  const database = await createThrowawayDatabase();
  const db = openPostgresReadModels(database.url);
  return { db, close: async () => { await db.destroy(); await database.drop(); } };
});
