import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/bootstrap';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { Identity, Role } from '../../src/auth/identity';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: string[]; [key: string]: unknown } }[];
}

/** Sends operations as one caller (a Bearer token, or none for anonymous). */
export interface TestClient {
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** `t.as('coordinator', 'habo-kommun')`, `t.as('admin')`, or a whole Identity. */
export type Caller = Identity | Role;

/** `gql`/`ok` on the app itself send an admin token; use `as(...)` for anyone else and `anonymous` for nobody. */
export interface TestApp extends TestClient {
  app: NestFastifyApplication;
  url: string;
  dataDir: string;
  as(who: Caller, organisationId?: string | null): TestClient;
  anonymous: TestClient;
  /** A signed development token for this caller (valid for this app's secret, issuer and audience). */
  token(who: Caller, organisationId?: string | null): Promise<string>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** Generous rate limits, so tests that are not about rate limits never meet them. */
const TEST_DEFAULTS = { RATE_LIMIT_MUTATIONS: '1000000', RATE_LIMIT_EXPENSIVE_QUERIES: '1000000', RATE_LIMIT_COST: '1000000000', RATE_LIMIT_BAD_TOKENS: '1000000', RATE_LIMIT_LOGGED_READS: '1000000' };

export function identityOf(who: Caller, organisationId: string | null = null): Identity {
  if (typeof who !== 'string') return who;
  return { userId: `${who}-${organisationId ?? 'none'}`, displayName: `Test ${who} (${organisationId ?? 'no organisation'})`, organisationId, roles: [who] };
}

/** A real app on a random port with its own data directory; requests go over HTTP. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'samverkan-test-'));
  const app = await createApp(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...TEST_DEFAULTS, ...env }));
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`;
  const issuer = app.get(DevTokenIssuer);
  const tokens = new Map<string, Promise<string>>();
  const token = (who: Caller, organisationId?: string | null) => {
    const identity = identityOf(who, organisationId);
    const key = JSON.stringify(identity);
    if (!tokens.has(key)) tokens.set(key, issuer.issue(identity));
    return tokens.get(key)!;
  };
  const client = (bearer: () => Promise<string | null>): TestClient => {
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
      const authorization = await bearer();
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization ? { authorization: `Bearer ${authorization}` } : {}) };
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...((await response.json()) as object) };
    };
    return {
      gql,
      async ok<T>(query: string, variables?: Record<string, unknown>) {
        const response = await gql<T>(query, variables);
        if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
        return response.data as T;
      },
    };
  };
  const admin = client(() => token('admin'));
  return {
    ...admin,
    app,
    url,
    dataDir: dir,
    as: (who, organisationId) => client(() => token(who, organisationId)),
    anonymous: client(async () => null),
    token,
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
