import { startTestApp, TestApp } from '../support/test-app';
import { productionEnv } from '../auth/support/production-env';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the store and every projection\'s own status', async () => {
    await t.ok(`mutation { registerMunicipality(input: { organisationId: "habo", name: "Habo kommun", municipalityCode: "0643" }) { id } }`);
    const response = await fetch(t.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ status: 'ok', reasons: [], store: { kind: 'embedded', reachable: true }, projections: { running: true, upToDate: true } });
    expect(body.projections.projections.map((p: any) => p.name)).toContain('organisations');
    for (const projection of body.projections.projections) {
      expect(projection).toMatchObject({ state: 'running', failure: null, upToDate: true, lagEvents: 0, checkpoint: body.store.headPosition });
    }
  });

  it('answers /health/live and /health/ready with 200 while all is well', async () => {
    const live = await fetch(t.url.replace('/graphql', '/health/live'));
    const ready = await fetch(t.url.replace('/graphql', '/health/ready'));
    expect([live.status, ready.status]).toEqual([200, 200]);
    expect(await ready.json()).toEqual({ status: 'ready', reasons: [] });
  });
});

describe('GET /health in production: outsiders learn only up or down', () => {
  let t: TestApp;
  const get = async (path: string, token?: string) => {
    const response = await fetch(t.url.replace('/graphql', path), token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  beforeAll(async () => {
    t = await startTestApp(productionEnv());
  });
  afterAll(() => t.close());

  it('anonymous, a member and a bad token see the status alone on /health and /health/ready', async () => {
    for (const token of [undefined, await t.token('member', 'habo-kommun'), 'not.a.token']) {
      expect(await get('/health', token)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await get('/health/ready', token)).toEqual({ status: 200, body: { status: 'ready' } });
      expect(await get('/health/live', token)).toEqual({ status: 200, body: { status: 'live' } });
    }
  });

  it('an admin or an auditor sees the details (store, projections, reasons)', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const { status, body } = await get('/health', await t.token(role));
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', reasons: [], store: { kind: 'embedded', reachable: true } });
      expect(await get('/health/ready', await t.token(role))).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
    }
  });
});
