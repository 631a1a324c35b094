import { Kysely, PostgresDialect } from 'kysely';
import { types } from 'pg';
import { kyselyPool, resilientPool } from './postgres-pool';
import { ReadModelSchema } from './read-model-schema';

// Read models keep bigint columns for sequence numbers and counts; they stay far below 2^53,
// and the query code expects numbers, as SQLite gives them.
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

/**
 * The PostgreSQL read-model database (READ_MODEL_URL): the same schema and queries as SQLite, through Kysely.
 * A transaction left open longer than `idleInTransactionTimeoutMs` by a process that stopped (SIGSTOP, a
 * frozen VM) is ended by PostgreSQL, so the locks it holds (the projection lease row among them) do not
 * outlive the leader's lease: pass the lease (PROJECTION_LEASE_MS).
 */
export function openPostgresReadModels(url: string, poolSize = 10, idleInTransactionTimeoutMs = 5000): Kysely<ReadModelSchema> {
  const pool = resilientPool({ connectionString: url, max: poolSize, idle_in_transaction_session_timeout: idleInTransactionTimeoutMs });
  return new Kysely<ReadModelSchema>({ dialect: new PostgresDialect({ pool: kyselyPool(pool) }) });
}
