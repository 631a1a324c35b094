import { Client } from 'pg';
import { isReadModelUnavailable } from '../../src/projections/read-model-unavailable';
import { POSTGRES_ADMIN_URL } from '../support/postgres-test-db';
import { freePort } from '../support/service-process';

/** Real pg failures, told apart: the database being away is READ_MODEL_UNAVAILABLE, a wrong query is not. */
describe('telling an unreachable read-model database from a broken query', () => {
  const failureOf = (work: () => Promise<unknown>) => work().then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);

  it('a refused connection and a terminated session are unavailability', async () => {
    const url = new URL(POSTGRES_ADMIN_URL);
    url.port = String(await freePort());
    expect(isReadModelUnavailable(await failureOf(() => new Client({ connectionString: url.toString() }).connect()))).toBe(true);

    const victim = new Client({ connectionString: POSTGRES_ADMIN_URL });
    victim.on('error', () => undefined);
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const terminated = failureOf(() => victim.query('SELECT pg_sleep(5)'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      expect(isReadModelUnavailable(await terminated)).toBe(true);
      expect(isReadModelUnavailable(await failureOf(() => victim.query('SELECT 1')))).toBe(true); // the broken client afterwards
    } finally {
      await admin.end();
      await victim.end().catch(() => undefined);
    }
  });

  it('a query the database refuses is a bug, not unavailability', async () => {
    const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    try {
      expect(isReadModelUnavailable(await failureOf(() => client.query('SELEC 1')))).toBe(false);
      expect(isReadModelUnavailable(await failureOf(() => client.query('SELECT * FROM no_such_table')))).toBe(false);
    } finally {
      await client.end();
    }
  });
});
