import { sql } from 'kysely';
import { ReadModelDb } from '../../src/projections/read-model-database';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { EventStore } from '../../src/event-store/event-store.port';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { migrateReadModels } from '../../src/projections/read-model-database';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { rebuildReadModels } from '../../src/projections/rebuild';

/** Every row of every projection table, as sorted JSON lines per table: equal dumps mean equal read models. */
export async function dumpReadModels(db: ReadModelDb, applier: ProjectionApplier): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of applier.tables().sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/**
 * The live PostgreSQL read models against a rebuild from `store` into the empty database at `rebuiltUrl`:
 * equal dumps mean nothing was applied twice and nothing skipped. Returns the live dump for further checks.
 */
export async function expectPostgresReadModelsEqualARebuild(store: EventStore, liveUrl: string, rebuiltUrl: string): Promise<Record<string, string[]>> {
  const live = openPostgresReadModels(liveUrl);
  const target = openPostgresReadModels(rebuiltUrl);
  try {
    const applier = new ProjectionApplier(ALL_PROJECTIONS);
    await migrateReadModels(target);
    await rebuildReadModels(store, target, applier);
    const liveRows = await dumpReadModels(live, applier);
    expect(liveRows).toEqual(await dumpReadModels(target, applier));
    return liveRows;
  } finally {
    await Promise.all([live.destroy(), target.destroy()]);
  }
}
