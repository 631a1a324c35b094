/**
 * /metrics as Prometheus scrapes it, over HTTP: the figures move when the
 * service works, lags show when projections stand still, and only a scraper
 * with the token (or on the metrics port) gets them.
 */
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ProjectionService } from '../../src/projections/projection-service';
import { ALL_PROJECTIONS } from '../../src/projections/all-projections';
import { freePort } from '../support/service-process';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from './support/production';
import { parsePrometheusText, series } from './prometheus-text';

const TOKEN = 'a-metrics-token-for-tests';
const register = (id: string) =>
  `mutation { registerMunicipality(input: { organisationId: "${id}", name: "Kommun ${id}", municipalityCode: "0643" }) { id } }`;

async function scrape(url: string, token: string | null = TOKEN): Promise<Map<string, number>> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await response.text());
}

function subscriber(t: TestApp, token: string): Client {
  class AuthorisedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}`, 'mercurius-require-preflight': 'true' } });
    }
  }
  return createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: AuthorisedWebSocket, lazy: false, retryAttempts: 0 });
}

describe('/metrics behind METRICS_TOKEN on the service port', () => {
  let t: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN, RATE_LIMIT_MUTATIONS: '20', READ_YOUR_WRITES_TIMEOUT_MS: '2000' });
    metricsUrl = t.url.replace('/graphql', '/metrics');
  });
  afterAll(() => t.close());

  it('refuses a scrape without the token or with a wrong one', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
  });

  it('counts requests, latency, errors, appends, group commits, read-your-writes waits, rate-limit refusals and subscriptions', async () => {
    const before = await scrape(metricsUrl);
    const delta = (after: Map<string, number>, key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);

    for (let i = 0; i < 10; i++) await t.ok('{ organisations { edges { node { id } } } }');
    await Promise.all(Array.from({ length: 5 }, (_, i) => t.ok(register(`metrics-kommun-${i}`))));
    expect((await t.as('member', 'habo-kommun').gql(register('metrics-refused'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const busy = t.as({ userId: 'metrics-busy', displayName: 'Busy', organisationId: null, roles: ['admin'] });
    const codes = [];
    for (let i = 0; i < 25; i++) codes.push((await busy.gql(register(`metrics-busy-${i}`))).errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);

    const client = subscriber(t, await t.token('auditor'));
    const dispose = client.subscribe({ query: 'subscription { promiseChanged { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    const open = await eventually(async () => {
      const now = await scrape(metricsUrl);
      return now.get('samverkan_graphql_subscriptions_open') === (before.get('samverkan_graphql_subscriptions_open') ?? 0) + 1 ? now : undefined;
    });

    const queryOk = { operation: 'organisations', type: 'query', outcome: 'OK' };
    const mutationOk = { operation: 'registerMunicipality', type: 'mutation', outcome: 'OK' };
    expect(delta(open, series('samverkan_graphql_requests_total', queryOk))).toBe(10);
    expect(delta(open, series('samverkan_graphql_request_duration_seconds_count', queryOk))).toBe(10);
    expect(delta(open, series('samverkan_graphql_request_duration_seconds_sum', queryOk))).toBeGreaterThan(0);
    expect(delta(open, series('samverkan_graphql_requests_total', mutationOk))).toBe(5 + 20);
    expect(delta(open, series('samverkan_graphql_requests_total', { ...mutationOk, outcome: 'FORBIDDEN' }))).toBe(1);
    expect(delta(open, series('samverkan_graphql_errors_total', { code: 'FORBIDDEN' }))).toBe(1);
    expect(delta(open, series('samverkan_graphql_errors_total', { code: 'RATE_LIMITED' }))).toBe(5);
    expect(delta(open, 'samverkan_rate_limit_refusals_total')).toBe(5);
    expect(delta(open, series('samverkan_event_store_append_duration_seconds_count', { outcome: 'ok' }))).toBeGreaterThanOrEqual(25);
    expect(delta(open, 'samverkan_event_store_group_commit_appends_sum')).toBeGreaterThanOrEqual(25);
    expect(delta(open, 'samverkan_event_store_group_commit_appends_count')).toBeGreaterThanOrEqual(1);
    expect(delta(open, series('samverkan_read_your_writes_wait_seconds_count', { outcome: 'reached' }))).toBe(25);
    // Node's own figures come along.
    expect(open.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(open.has('nodejs_eventloop_lag_seconds')).toBe(true);

    dispose();
    await client.dispose();
    await eventually(async () => ((await scrape(metricsUrl)).get('samverkan_graphql_subscriptions_open') === (before.get('samverkan_graphql_subscriptions_open') ?? 0) ? true : undefined));
  });

  it('shows each projection and the integrity chain lagging while they stand still, and catching up', async () => {
    const projections = t.app.get(ProjectionService);
    const names = ALL_PROJECTIONS.map((p) => p.name);
    const lag = (samples: Map<string, number>, name: string, unit: string) => samples.get(series(`samverkan_projection_lag_${unit}`, { projection: name }));
    await eventually(async () => ((await scrape(metricsUrl)).get(series('samverkan_projection_lag_events', { projection: names[0] })) === 0 ? true : undefined));

    await projections.stop();
    try {
      const refused = await t.gql(register('metrics-while-stopped'));
      expect(refused.errors?.[0].extensions?.code).toBe('READ_MODEL_LAGGING');
      const behind = await scrape(metricsUrl);
      for (const name of names) {
        expect(lag(behind, name, 'events')).toBeGreaterThanOrEqual(1);
        expect(lag(behind, name, 'seconds')).toBeGreaterThan(0);
      }
      expect(behind.get(series('samverkan_read_your_writes_wait_seconds_count', { outcome: 'timed_out' }))).toBeGreaterThanOrEqual(1);
    } finally {
      projections.start();
    }
    const caughtUp = await eventually(async () => {
      const now = await scrape(metricsUrl);
      return names.every((name) => lag(now, name, 'events') === 0 && lag(now, name, 'seconds') === 0) ? now : undefined;
    });
    await eventually(async () => ((await scrape(metricsUrl)).get(series('samverkan_integrity_chain_lag_events', { chain: 'events' })) === 0 ? true : undefined));
    expect(caughtUp.has(series('samverkan_integrity_chain_lag_seconds', { chain: 'events' }))).toBe(true);
  });
});

describe('/metrics on METRICS_PORT', () => {
  it('is served on its own port and not on the service port', async () => {
    const port = await freePort();
    const t = await startTestApp({ METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' });
    try {
      await t.ok('{ organisations { edges { node { id } } } }');
      const samples = await scrape(`http://127.0.0.1:${port}/metrics`, null);
      expect(samples.get(series('samverkan_graphql_requests_total', { operation: 'organisations', type: 'query', outcome: 'OK' }))).toBeGreaterThanOrEqual(1);
      expect((await fetch(t.url.replace('/graphql', '/metrics'))).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await t.close();
    }
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow(); // closed with the service
  });

  it('is not served at all unless configured', async () => {
    const t = await startTestApp();
    try {
      expect((await fetch(t.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
