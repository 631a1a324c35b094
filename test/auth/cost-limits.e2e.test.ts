import { startTestApp, TestApp } from '../support/test-app';

/**
 * Rate limits by what a request costs, not only by how many there are: an
 * anonymous caller asking one promise for eight aliased pages of 500
 * activities spends the same budget whether the promise exists or not, and
 * the answer says when to come back (`Retry-After`). Bad tokens are limited
 * by address, and the address is the proxy's word only when TRUST_PROXY says so.
 */
const pages = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `p${i}: publicPromise(id: "p-${i}") { activities(first: 500) { edges { node { id date outcome } } } }`).join(' ')} }`;

async function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
}
const codes = (answer: Awaited<ReturnType<typeof post>>) => answer.body.errors?.map((e) => e.extensions?.code) ?? [];

describe('cost-based rate limits over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Eight pages of 500 activities with four fields each cost about 8 × 500 × 5 = 20,000; the budget takes two of them.
    t = await startTestApp({ RATE_LIMIT_COST: '45000', RATE_LIMIT_BAD_TOKENS: '3' });
  });
  afterAll(() => t.close());

  it('an expensive single-object query spends the anonymous caller’s budget: the third is 429 with Retry-After', async () => {
    expect(codes(await post(t, { query: pages(8) }))).toEqual([]);
    expect(codes(await post(t, { query: pages(8) }))).toEqual([]);
    const refused = await post(t, { query: pages(8) });
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    // A signed-in caller has a budget of their own.
    const member = await post(t, { query: pages(8) }, { authorization: `Bearer ${await t.token('member', 'habo-kommun')}` });
    expect(codes(member)).toEqual([]);
  });

  it('requests with bad tokens are limited by address, before anything else is looked at', async () => {
    const bad = () => post(t, { query: '{ organisation(id: "x") { id } }' }, { authorization: 'Bearer not.a.token' });
    for (let i = 0; i < 3; i++) expect(codes(await bad())).toEqual(['UNAUTHENTICATED']);
    const refused = await bad();
    expect(refused.status).toBe(429);
    expect(codes(refused)).toEqual(['RATE_LIMITED']);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('without TRUST_PROXY a spoofed X-Forwarded-For does not buy a fresh budget', async () => {
    const fresh = await startTestApp({ RATE_LIMIT_BAD_TOKENS: '2' });
    try {
      const bad = (forwardedFor: string) => post(fresh, { query: '{ organisation(id: "x") { id } }' }, { authorization: 'Bearer x', 'x-forwarded-for': forwardedFor });
      expect(codes(await bad('203.0.113.1'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await bad('203.0.113.2'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await bad('203.0.113.3'))).toEqual(['RATE_LIMITED']);
    } finally {
      await fresh.close();
    }
  });

  it('behind a trusted proxy (TRUST_PROXY) each forwarded client address has its own budget', async () => {
    const proxied = await startTestApp({ RATE_LIMIT_BAD_TOKENS: '2', TRUST_PROXY: '127.0.0.1' });
    try {
      const bad = (forwardedFor: string) => post(proxied, { query: '{ organisation(id: "x") { id } }' }, { authorization: 'Bearer x', 'x-forwarded-for': forwardedFor });
      expect(codes(await bad('203.0.113.1'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await bad('203.0.113.1'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await bad('203.0.113.1'))).toEqual(['RATE_LIMITED']);
      expect(codes(await bad('203.0.113.2'))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a TRUST_PROXY it cannot read, naming the setting', async () => {
    await expect(startTestApp({ TRUST_PROXY: 'maybe?' })).rejects.toThrow(/TRUST_PROXY/);
  });
});
