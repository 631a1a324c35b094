import { Pool, PoolConfig } from 'pg';
import { ReadModelUnavailableError } from './read-model-unavailable';

/**
 * A pg Pool that a lost database never crashes. pg emits 'error' on a client
 * whose connection breaks, idle or checked out; an 'error' event nobody
 * listens to ends the process. The pool listens for its idle clients; each
 * client also gets a listener of its own for the time it is checked out (the
 * query in flight fails anyway, and the pool drops the broken client on
 * release and connects a fresh one on the next checkout).
 */
export function resilientPool(config: PoolConfig): Pool {
  const pool = new Pool({ connectionTimeoutMillis: 5000, ...config });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The pool as Kysely's PostgresDialect takes it: a connection that cannot be had is READ_MODEL_UNAVAILABLE. */
export function kyselyPool(pool: Pool) {
  return {
    connect: () =>
      pool.connect().catch((error: unknown) => {
        throw new ReadModelUnavailableError(error);
      }),
    end: () => pool.end(),
  };
}
