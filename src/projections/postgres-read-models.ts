import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import { ReadModelSchema } from './read-model-schema';

// Read models keep bigint columns for sequence numbers and counts; they stay far below 2^53,
// and the query code expects numbers, as SQLite gives them.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/** The PostgreSQL read-model database (READ_MODEL_URL): the same schema and queries as SQLite, through Kysely. */
export function openPostgresReadModels(url: string, poolSize = 10, schema?: string): Kysely<ReadModelSchema> {
  // `schema` (a rebuild's aside schema) comes first on the search path, so the same migrations and queries land there.
  const pool = new Pool({ connectionString: url, max: poolSize, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool }) });
}
