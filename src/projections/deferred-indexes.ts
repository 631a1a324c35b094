import { Kysely, sql, SqliteAdapter } from 'kysely';
import { ReadModelSchema } from './read-model-schema';

/**
 * For a rebuild of large, insert-only tables on SQLite: drop their secondary
 * indexes before replaying and create them again afterwards. Building an index
 * once over sorted data is several times faster than maintaining it for every
 * inserted row. Returns a function that restores the indexes (always call it).
 * PostgreSQL keeps its indexes: there the gain is smaller and DDL is heavier.
 */
export async function dropIndexesUntilDone(db: Kysely<ReadModelSchema>, tables: readonly string[]): Promise<() => Promise<void>> {
  if (tables.length === 0 || !(db.getExecutor().adapter instanceof SqliteAdapter)) return async () => undefined;
  // sql is NULL for the indexes SQLite makes itself (primary keys, UNIQUE): those stay.
  const { rows } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(tables.map((t) => sql.lit(t)))})`.execute(db);
  for (const index of rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  return async () => {
    for (const index of rows) await sql.raw(index.sql).execute(db);
  };
}
