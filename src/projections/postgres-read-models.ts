import { Kysely, PostgresDialect } from 'kysely';
import { types } from 'pg';
import { kyselyPool, resilientPool } from './postgres-pool';
import { ReadModelSchema } from './read-model-schema';

// Read models keep bigint columns for sequence numbers and counts; they stay far below 2^53,
// and the query code expects numbers, as SQLite gives them.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/** How to open the read models: pool size, the aside schema of a rebuild, the idle-in-transaction limit. */
export interface PostgresReadModelOptions {
  poolSize?: number;
  /** A rebuild's aside schema comes first on the search path, so the same migrations and queries land there. */
  schema?: string;
  /**
   * A transaction left open longer than this by a process that stopped (SIGSTOP, a frozen VM) is ended by
   * PostgreSQL, so the locks it holds (the projection lease row among them) do not outlive the leader's lease:
   * pass the lease (PROJECTION_LEASE_MS).
   */
  idleInTransactionTimeoutMs?: number;
}

/** The PostgreSQL read-model database (READ_MODEL_URL): the same schema and queries as SQLite, through Kysely. */
export function openPostgresReadModels(url: string, options: PostgresReadModelOptions = {}): Kysely<ReadModelSchema> {
  const { poolSize = 10, schema, idleInTransactionTimeoutMs = 5000 } = options;
  const pool = resilientPool({
    connectionString: url,
    max: poolSize,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool: kyselyPool(pool) }) });
}
