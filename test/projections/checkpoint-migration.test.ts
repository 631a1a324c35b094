import { Kysely, Migrator, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { loadCheckpoints } from '../../src/projections/checkpoint';
import { migrationProvider } from '../../src/projections/migrations';
import { migrateReadModels, openSqliteReadModels } from '../../src/projections/read-model-database';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { createThrowawayDatabase } from '../support/postgres-test-db';

/** The schema as the migrations before `version` left it. */
async function migratedBelow(db: Kysely<any>, version: string): Promise<void> {
  const all = await migrationProvider.getMigrations();
  const old = Object.fromEntries(Object.entries(all).filter(([name]) => name < version));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => old } }).migrateToLatest();
  if (error) throw error;
}

/** A store made before checkpoints were per projection: one shared 'read-models' row. */
async function oldShape(db: Kysely<any>): Promise<void> {
  await migratedBelow(db, '060');
  await db.insertInto('projection_checkpoints').values({ name: 'read-models', position: '41/41', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
}

async function withReadModels(kind: 'sqlite' | 'postgres', use: (db: Kysely<any>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-migrate-'));
  const pg = kind === 'postgres' ? await createThrowawayDatabase() : undefined;
  const db = pg ? openPostgresReadModels(pg.url) : openSqliteReadModels(join(dir, 'read-models.sqlite'));
  try {
    await use(db);
  } finally {
    await db.destroy();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(['sqlite', 'postgres'] as const)('upgrading an old %s read-model database', (kind) => {
  it('seeds every projection\'s checkpoint from the shared one, so nothing is projected twice', () =>
    withReadModels(kind, async (db) => {
      await oldShape(db);
      await migrateReadModels(db);
      const stored = await loadCheckpoints(db);
      // All but assessments, which 073 replays from the start (see the next test).
      expect([...stored.keys()].sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).filter((name) => name !== 'assessments').sort());
      for (const checkpoint of stored.values()) expect(checkpoint).toEqual({ position: { commit: 41n, prepare: 41n }, failure: null });
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM projection_checkpoints WHERE name = 'read-models'`.execute(db);
      expect(Number(rows[0].n)).toBe(0);
    }));

  it('replays the assessments read model, whose owners only the events hold, and leaves the others be', () =>
    withReadModels(kind, async (db) => {
      await migratedBelow(db, '073');
      const at = { position: '41/41', updated_at: '2026-01-01T00:00:00.000Z' };
      await db.insertInto('projection_checkpoints').values([{ name: 'assessments', ...at }, { name: 'promises', ...at }]).execute();
      await db.insertInto('assessments').values({ id: 'la-1', title: 'Gammal', agreement_id: null, started_by_organisation_id: null, period_from: '2018-01-01', period_to: '2018-12-31', status: 'InProgress', completed_on: null, seq: 7 }).execute();
      await db.insertInto('assessment_items').values({ assessment_id: 'la-1', item_kind: 'Problem', item_id: 'p-1', item_order: 8, kind: null, title: 'P', detail: 'D', organisation_id: null, problem_ids: null }).execute();
      await migrateReadModels(db);
      expect([...(await loadCheckpoints(db)).keys()]).toEqual(['promises']);
      expect(await db.selectFrom('assessments').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('assessment_items').selectAll().execute()).toEqual([]);
    }));
});
