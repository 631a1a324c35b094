import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/bootstrap';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: string[]; [key: string]: unknown } }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  dataDir: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** A real app on a random port with its own data directory; requests go over HTTP. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'samverkan-test-'));
  const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env }));
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`;
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return {
    app,
    url,
    dataDir: dir,
    gql,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const response = await gql<T>(query, variables);
      if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    },
    async close(options = {}) {
      await app.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the read models have caught up with the store (a store with history takes a moment at start). */
export async function waitForProjections(t: TestApp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = (await (await fetch(t.url.replace('/graphql', '/health'))).json()) as { projections: { upToDate: boolean } };
    if (health.projections.upToDate) return;
    if (Date.now() > deadline) throw new Error('The read models did not catch up with the store in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
