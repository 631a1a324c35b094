import { auditServer } from 'graphql-http';
import { productionEnv } from '../auth/support/production-env';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP specification, checked by the audits of `graphql-http` (the reference implementation
 * by the graphql-ws author) against the running service, in development and in production: every MUST, and
 * every SHOULD for `application/graphql-response+json` (4xx status and no `data` entry on request errors).
 *
 * Left out, on purpose, and said so in the README:
 * - the MAYs (GET requests: this service refuses them as a CSRF risk);
 * - the SHOULDs to answer request errors with 200 under `application/json`: the service answers them 400, as
 *   Mercurius and its clients always have (the spec allows it; graphql-response+json is the strict path);
 * - in production, audits whose query is introspection (`__type`), which production refuses by design; the same
 *   MUSTs are checked below with a query of the schema instead.
 */
const REQUEST_ERRORS_STAY_400_UNDER_JSON = ['572B', 'FDE2', '7B9B'];
const INTROSPECTION_AUDITS = ['BF61', '2EA1', '28B9'];

describe.each([
  ['development', {}, REQUEST_ERRORS_STAY_400_UNDER_JSON],
  ['production', productionEnv(), [...REQUEST_ERRORS_STAY_400_UNDER_JSON, ...INTROSPECTION_AUDITS]],
])('GraphQL over HTTP in %s', (_mode, env: Record<string, string>, exempt: string[]) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(env);
  });
  afterAll(() => t.close());

  it('passes every MUST audit and every SHOULD of application/graphql-response+json', async () => {
    const results = await auditServer({ url: t.url });
    const failures = results
      .filter((result) => result.status !== 'ok' && !result.name.startsWith('MAY') && !exempt.includes(result.id))
      .map((result) => `${result.id} ${result.name}: ${result.status === 'ok' ? '' : result.reason}`);
    expect(failures).toEqual([]);
    expect(results.filter((result) => !result.name.startsWith('MAY')).length).toBeGreaterThan(30);
  });

  it('accepts UTF-8 text and a map of variables with a query of the schema (the MUSTs audited by introspection)', async () => {
    const post = (body: unknown) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, ...((await r.json()) as object) }));
    expect(await post({ query: '{ organisation(id: "Run🏃Swim🏊 Åsa Öberg") { id } }' })).toEqual({ status: 200, data: { organisation: null } });
    expect(await post({ query: 'query One($id: ID!) { organisation(id: $id) { id } }', variables: { id: 'x' }, extensions: null })).toEqual({ status: 200, data: { organisation: null } });
  });

  it('answers a request error under graphql-response+json with 400, its media type and no data entry', async () => {
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ organisation(id: "x") { nosuchfield } }' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) })]);
  });
});

describe('request errors raised outside resolvers, in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(productionEnv());
  });
  afterAll(() => t.close());
  const send = (body: string, type = 'application/json') =>
    fetch(t.url, { method: 'POST', headers: { 'content-type': type }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it('a batch entry without a string query and a body that is not JSON are typed BAD_REQUEST, not internal', async () => {
    for (const body of ['[{"query":42}]', 'not json', '[{"query":"{ __typename }"},{"query":null}]']) {
      const answer = await send(body);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('names no field the caller did not write: no "Did you mean" suggestions', async () => {
    for (const [body, type] of [['{ organisatins { id } }', 'application/graphql'], [JSON.stringify({ query: '{ organisation(id: "x") { nam } }' }), 'application/json']]) {
      const answer = await send(body, type);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(answer.text).not.toMatch(/Did you mean|"name"|organisations/);
    }
  });
});
