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

/** A store made before checkpoints were per projection: one shared 'read-models' row. */
async function oldShape(db: Kysely<any>): Promise<void> {
  const before = await migrationProvider.getMigrations();
  const old = Object.fromEntries(Object.entries(before).filter(([name]) => name < '060'));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => old } }).migrateToLatest();
  if (error) throw error;
  await db.insertInto('projection_checkpoints').values({ name: 'read-models', position: '41/41', updated_at: '2026-01-01T00:00:00.000Z' }).execute();
}

describe.each(['sqlite', 'postgres'] as const)('upgrading an old %s read-model database', (kind) => {
  it('seeds every projection\'s checkpoint from the shared one, so nothing is projected twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-migrate-'));
    const pg = kind === 'postgres' ? await createThrowawayDatabase() : undefined;
    const db = pg ? openPostgresReadModels(pg.url) : openSqliteReadModels(join(dir, 'read-models.sqlite'));
    try {
      await oldShape(db);
      await migrateReadModels(db);
      const stored = await loadCheckpoints(db);
      expect([...stored.keys()].sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
      for (const checkpoint of stored.values()) expect(checkpoint).toEqual({ position: { commit: 41n, prepare: 41n }, failure: null });
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM projection_checkpoints WHERE name = 'read-models'`.execute(db);
      expect(Number(rows[0].n)).toBe(0);
    } finally {
      await db.destroy();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
