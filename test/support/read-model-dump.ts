import { sql } from 'kysely';
import { ReadModelDb } from '../../src/projections/read-model-database';
import { ProjectionApplier } from '../../src/projections/projection-applier';

/** Every row of every projection table, as sorted JSON lines per table: equal dumps mean equal read models. */
export async function dumpReadModels(db: ReadModelDb, applier: ProjectionApplier): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of applier.tables().sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}
