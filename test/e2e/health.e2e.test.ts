import { startTestApp, TestApp } from '../support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the store and projection status', async () => {
    await t.ok(`mutation { registerMunicipality(input: { organisationId: "habo", name: "Habo kommun", municipalityCode: "0643" }) { id } }`);
    const response = await fetch(t.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({
      status: 'ok',
      store: { kind: 'embedded', reachable: true },
      projections: { running: true, upToDate: true, lastError: null },
    });
    expect(body.store.headPosition).toBe(body.projections.checkpoint);
  });
});
