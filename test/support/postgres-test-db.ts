import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** PostgreSQL from the environment (CI and developer machines run one on 127.0.0.1:5432, trust auth). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file, dropped afterwards: runs never see each other's rows. */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `samverkan_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
