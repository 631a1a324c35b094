import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { READ_MODEL_DB } from '../../src/projections/read-model-db.token';
import { ReadModelDb } from '../../src/projections/read-model-database';
import { startTestApp, TestApp } from '../support/test-app';
import { productionEnv } from './support/production-env';

/** One hostile request per limit; each must be refused before anything runs, with a code the client can act on. */
describe('a hardened /graphql', () => {
  let t: TestApp;
  let store: EventStore;
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => fetch(t.url, { method: 'POST', headers, body });
  const codes = (body: unknown) => (body as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code);

  beforeAll(async () => {
    t = await startTestApp({
      GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_COST: '2000', GRAPHQL_MAX_BATCH: '3',
      HTTP_BODY_LIMIT_BYTES: '16384', RATE_LIMIT_MUTATIONS: '3', RATE_LIMIT_EXPENSIVE_QUERIES: '3',
    });
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  describe('query limits (validation, before any resolver)', () => {
    it('too deep → QUERY_TOO_DEEP, directly or hidden in fragments', async () => {
      const direct = await t.anonymous.gql(`{ promises(first: 1) { edges { node { activities(first: 1) { edges { node { id } } } } } } }`);
      expect(direct.data).toBeNull();
      expect(codes(direct)).toEqual(['QUERY_TOO_DEEP']);
      const viaFragments = await t.anonymous.gql(`{ promises(first: 1) { ...P } } fragment P on CitizenPromiseConnection { edges { node { ...A } } } fragment A on CitizenPromise { activities(first: 1) { edges { node { id } } } }`);
      expect(codes(viaFragments)).toEqual(['QUERY_TOO_DEEP']);
    });

    it('too many aliases → TOO_MANY_ALIASES, and aliased mutations are not run at all', async () => {
      const reads = Array.from({ length: 6 }, (_, i) => `o${i}: organisation(id: "x${i}") { id }`).join(' ');
      expect(codes(await t.anonymous.gql(`{ ${reads} }`))).toEqual(['TOO_MANY_ALIASES']);
      const before = await store.headPosition();
      const writes = Array.from({ length: 6 }, (_, i) => `r${i}: registerMunicipality(input: { organisationId: "alias-${i}", name: "A", municipalityCode: "1234" }) { id }`).join(' ');
      expect(codes(await t.as('admin').gql(`mutation { ${writes} }`))).toEqual(['TOO_MANY_ALIASES']);
      expect(await store.headPosition()).toEqual(before);
    });

    it('too costly (pages within pages) → QUERY_TOO_COSTLY, reading page sizes from literals and from variables', async () => {
      const reader = t.as('member', 'cost-test');
      const nested = `query($n: Int) { promises(first: $n) { edges { node { title activities(first: $n) { edges { cursor } } } } } }`;
      expect(codes(await reader.gql(nested, { n: 100 }))).toEqual(['QUERY_TOO_COSTLY']);
      expect(codes(await reader.gql(`{ promises(first: 500) { edges { node { title activities(first: 500) { edges { cursor } } } } } }`))).toEqual(['QUERY_TOO_COSTLY']);
      expect((await reader.gql(nested, { n: 5 })).errors).toBeUndefined();
      // The same query text again, now validated from Mercurius' cache: its variables are still measured.
      const again = await reader.gql(nested, { n: 100 });
      expect(again).toMatchObject({ status: 400, data: null });
      expect(codes(again)).toEqual(['QUERY_TOO_COSTLY']);
    });

    it('measures a page size left to the default value of its variable', async () => {
      // About 24 fields a promise: 50 promises (the default page) pass, 100 do not.
      const defaulted = `query($n: Int = 100) { promises(first: $n) { edges { node { title activities(first: 10) { edges { cursor } } } } } }`;
      const reader = t.as('member', 'cost-default'); // a caller of its own: this app allows 3 expensive queries a minute
      expect(codes(await reader.gql(defaulted))).toEqual(['QUERY_TOO_COSTLY']);
      expect((await reader.gql(defaulted, { n: 50 })).errors).toBeUndefined();
    });

    it('measures the operation the request names, not the others in the document', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${await t.token('member', 'cost-operations')}` };
      const query = `query Cheap { promises(first: 5) { edges { cursor } } }
        query Costly { promises(first: 100) { edges { node { title activities(first: 100) { edges { cursor } } } } } }`;
      const cheap = await post(JSON.stringify({ query, operationName: 'Cheap' }), headers);
      expect(cheap.status).toBe(200);
      expect(((await cheap.json()) as { errors?: unknown }).errors).toBeUndefined();
      const costly = await post(JSON.stringify({ query, operationName: 'Costly' }), headers);
      expect(costly.status).toBe(400);
      expect(codes(await costly.json())).toEqual(['QUERY_TOO_COSTLY']);
      // In a batch, each entry is measured by its own operation name.
      const batch = await post(JSON.stringify([{ query, operationName: 'Cheap' }, { query, operationName: 'Costly' }]), headers);
      const [first, second] = (await batch.json()) as unknown[];
      expect((first as { errors?: unknown }).errors).toBeUndefined();
      expect(codes(second)).toEqual(['QUERY_TOO_COSTLY']);
    });
  });

  describe('request size and batching', () => {
    it('a body over the limit → 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await post(JSON.stringify({ query: '{ organisation(id: "x") { id } }', variables: { padding: 'x'.repeat(20_000) } }));
      expect(response.status).toBe(413);
      expect(codes(await response.json())).toEqual(['PAYLOAD_TOO_LARGE']);
    });

    it('batches run up to the cap; a larger batch → BATCH_TOO_LARGE without running any', async () => {
      const op = { query: '{ organisation(id: "x") { id } }' };
      const ok = await post(JSON.stringify([op, op, op]));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toHaveLength(3);
      const tooMany = await post(JSON.stringify([op, op, op, op]));
      expect(tooMany.status).toBe(400);
      expect(codes(await tooMany.json())).toEqual(['BATCH_TOO_LARGE']);
    });
  });

  describe('CSRF', () => {
    const mutation = JSON.stringify({ query: 'mutation { registerMunicipality(input: { organisationId: "csrf", name: "C", municipalityCode: "1234" }) { id } }' });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])('a simple cross-site request (%s) → CSRF_REJECTED, nothing stored', async (contentType) => {
      const before = await store.headPosition();
      const response = await post(mutation, { 'content-type': contentType, authorization: `Bearer ${await t.token('admin')}` });
      expect(response.status).toBe(400);
      expect(codes(await response.json())).toEqual(['CSRF_REJECTED']);
      expect(await store.headPosition()).toEqual(before);
    });

    it('a GET query needs a header that forces a preflight', async () => {
      const url = `${t.url}?query=${encodeURIComponent('{ organisation(id: "x") { id } }')}`;
      expect(codes(await (await fetch(url)).json())).toEqual(['CSRF_REJECTED']);
      const withHeader = await fetch(url, { headers: { 'mercurius-require-preflight': 'true' } });
      expect(withHeader.status).toBe(200);
    });
  });

  describe('rate limits (counted per caller; the window is configurable)', () => {
    it('mutations per user: the fourth in the window → RATE_LIMITED with HTTP 429; another user is unaffected', async () => {
      const register = (client: typeof t.anonymous, id: string) =>
        client.gql(`mutation { registerMunicipality(input: { organisationId: "${id}", name: "R", municipalityCode: "1234" }) { id } }`);
      const busy = t.as({ userId: 'busy-admin', displayName: 'Busy', organisationId: null, roles: ['admin'] });
      for (let i = 0; i < 3; i++) expect((await register(busy, `busy-${i}`)).errors).toBeUndefined();
      const limited = await register(busy, 'busy-3');
      expect(limited.status).toBe(429);
      expect(limited.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect((await register(t.as('admin'), 'calm-0')).errors).toBeUndefined();
    });

    it('expensive queries per IP for anonymous callers; cheap queries are not counted', async () => {
      const list = () => t.anonymous.gql(`{ organisations(first: 5) { edges { cursor } } }`);
      for (let i = 0; i < 3; i++) expect((await list()).errors).toBeUndefined();
      expect(codes(await list())).toEqual(['RATE_LIMITED']);
      expect((await t.anonymous.gql(`{ organisation(id: "x") { id } }`)).errors).toBeUndefined();
      expect((await t.as('member', 'someone').gql(`{ organisations(first: 5) { edges { cursor } } }`)).errors).toBeUndefined();
    });
  });

  it('outside production, introspection (and so GraphiQL) stays available', async () => {
    expect((await t.anonymous.ok(`{ __schema { queryType { name } } }`)).__schema.queryType.name).toBe('Query');
    expect((await fetch(t.url.replace('/graphql', '/graphiql'))).status).toBe(200);
  });
});

describe('/graphql in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(productionEnv());
  });
  afterAll(() => t.close().catch(() => undefined)); // the last test breaks the read-model database on purpose

  it('refuses introspection and serves no GraphiQL', async () => {
    for (const query of [`{ __schema { types { name } } }`, `{ __type(name: "Query") { name } }`]) {
      const response = await t.anonymous.gql(query);
      expect(response.data).toBeFalsy();
      expect(response.errors?.[0].message).toMatch(/introspection/i);
    }
    expect((await fetch(t.url.replace('/graphql', '/graphiql'))).status).toBe(404);
  });

  it('still answers ordinary queries and typed errors with their messages', async () => {
    expect((await t.anonymous.gql(`mutation { registerMunicipality(input: { name: "X", municipalityCode: "1234" }) { id } }`)).errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('Sign in'),
    });
  });

  it('masks an internal error: no message, no stack, only a correlation id the operator finds in the log', async () => {
    await t.app.get<ReadModelDb>(READ_MODEL_DB).destroy();
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'ops-trace-7' },
      body: JSON.stringify({ query: '{ organisation(id: "x") { id } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(response.headers.get('x-correlation-id')).toBe('ops-trace-7');
    expect(body.errors[0].message).toBe('Internal server error (correlation id ops-trace-7)');
    expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', correlationId: 'ops-trace-7' });
    expect(JSON.stringify(body)).not.toMatch(/destroyed|kysely|sqlite|\bat\s+\S+\.(js|ts)/i);
  });
});
