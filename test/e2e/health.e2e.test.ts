import { startTestApp, TestApp } from '../support/test-app';

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
