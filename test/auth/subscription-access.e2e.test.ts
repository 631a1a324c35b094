import { once } from 'node:events';
import WebSocket from 'ws';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { identityOf, startTestApp, TestApp } from '../support/test-app';
import { aWhile, connectWs } from '../support/ws-client';
import { HABO_DRAFTS, HABO_IDS, loadAccessFixture, VADSTENA } from './support/access-fixture';

/**
 * Subscriptions as outsiders meet them, with the official graphql-ws client
 * over a real socket: a member of a municipality that is no party, an
 * anonymous caller, a client whose token is bad or runs out. Each gets what
 * the same selection over HTTP would give them, and a refusal the protocol
 * defines (close codes 4401/4403 with a reason, or a typed `error` message).
 */
const { municipality: HABO, police: POLICE } = HABO_IDS;
const m = (name: string, type: string, fields = '__typename') => `mutation($i: ${type}!) { ${name}(input: $i) { ${fields} } }`;

describe('subscriptions, as outsiders meet them', () => {
  let t: TestApp;
  let entries = 0;
  beforeAll(async () => {
    // No clock skew, so a token's `exp` is the instant it stops working.
    t = await startTestApp({ AUTH_CLOCK_SKEW_SECONDS: '0' });
    await loadAccessFixture(t);
  }, 60_000);
  afterAll(() => t.close());

  const logOnHabo = (notes: string) =>
    t.as('coordinator', POLICE).ok(m('logActivity', 'LogActivityInput', 'id'), {
      i: { promiseId: HABO_IDS.promise, entryId: `live-${++entries}`, date: '2017-10-02', kind: 'DetectionDogSearch', responsibleOrganisationId: POLICE, count: 1, notes },
    }).then((r) => r.logActivity.id as string);

  const ENTRY = 'id promiseId count notes';
  const overHttp = async (token: string | null, entryId: string) => {
    const client = token ? { gql: (q: string) => fetchAs(t, token, q) } : t.anonymous;
    const page = await client.gql(`{ activityLog(promiseId: "${HABO_IDS.promise}", first: 500) { edges { node { ${ENTRY} } } } }`);
    return page.data.activityLog.edges.map((e: any) => e.node).find((n: any) => n.id === entryId);
  };

  it("sends a non-party's member and an anonymous caller a log entry without its notes, as HTTP does; a party's member with them", async () => {
    const callers = {
      partyMember: await t.token('member', HABO),
      nonPartyMember: await t.token('member', VADSTENA.municipality),
      anonymous: null,
    };
    const sockets = Object.fromEntries(Object.entries(callers).map(([who, token]) => [who, connectWs(t, { token })]));
    const logs = Object.fromEntries(Object.entries(sockets).map(([who, ws]) => [who, ws.subscribe<{ activityLogged: any }>(`subscription { activityLogged(promiseId: "${HABO_IDS.promise}") { ${ENTRY} } }`)]));
    await Promise.all(Object.values(sockets).map((ws) => ws.settled()));
    const entryId = await logOnHabo('Eleven X uppgav sitt namn');
    for (const [who, token] of Object.entries(callers)) {
      const delivered = (await logs[who].next((v) => v.activityLogged.id === entryId)).activityLogged;
      expect({ who, delivered }).toEqual({ who, delivered: await overHttp(token, entryId) });
    }
    expect((await logs.partyMember.next((v) => v.activityLogged.id === entryId)).activityLogged.notes).toBe('Eleven X uppgav sitt namn');
    expect((await logs.nonPartyMember.next((v) => v.activityLogged.id === entryId)).activityLogged.notes).toBeNull();
    expect((await logs.anonymous.next((v) => v.activityLogged.id === entryId)).activityLogged.notes).toBeNull();
    await Promise.all(Object.values(sockets).map((ws) => ws.dispose()));
  });

  it('logs a delivery of personal data in the read-access log, as a query reading it would be', async () => {
    const reader = identityOf('member', HABO);
    const ws = connectWs(t, { token: await t.token('member', HABO) });
    const log = ws.subscribe<{ activityLogged: any }>(`subscription Watch { activityLogged(promiseId: "${HABO_IDS.promise}") { id notes } }`);
    await ws.settled();
    const loggedAt = new Date().toISOString();
    const entryId = await logOnHabo('Personuppgift i anteckning');
    await log.next((v) => v.activityLogged.id === entryId);
    const read = await eventually(async () => {
      const reads = await t.as('auditor').ok(`{ personalDataReads(readerUserId: "${reader.userId}", field: "ActivityLogEntry.notes", subjectId: "${HABO_IDS.promise}", first: 1) { edges { node { field count subjectId operationName reader { userId } readAt } } } }`);
      // Newest first: the delivery of this entry, recorded after it was logged.
      return reads.personalDataReads.edges.map((e: any) => e.node).find((n: any) => n.readAt >= loggedAt);
    });
    expect(read).toEqual({ field: 'ActivityLogEntry.notes', count: 1, subjectId: HABO_IDS.promise, operationName: 'Watch', reader: { userId: reader.userId }, readAt: expect.any(String) });
    await ws.dispose();
  });

  it('lets an anonymous caller follow published promises, never a draft, and never answers with an internal message', async () => {
    const ws = connectWs(t, { token: null });
    await ws.connected;
    const promises = ws.subscribe<{ promiseChanged: { id: string; status: string } }>('subscription { promiseChanged { id status } }');
    await ws.settled();
    const plan = (promiseId: string, year: number, label: string) =>
      t.as('coordinator', promiseId === VADSTENA.promise ? VADSTENA.municipality : HABO).ok(m('planFollowUps', 'PlanFollowUpsInput'), {
        i: { promiseId, followUps: [{ followUpId: `f-${label}`, dueOn: `${year}-06-01`, label }], finalReportDueOn: `${year + 1}-01-31` },
      });
    await plan(HABO_DRAFTS.promise, 2018, 'utkast');
    await plan(VADSTENA.promise, 2018, 'publik');
    await promises.next((v) => v.promiseChanged.id === VADSTENA.promise);
    expect(promises.results.map((r) => r.errors ?? [])).toEqual(promises.results.map(() => []));
    expect(promises.received.map((v) => v.promiseChanged.id)).toEqual([VADSTENA.promise]);
    await ws.dispose();
  });

  it('refuses an anonymous caller what HTTP refuses anonymous callers, with a typed error', async () => {
    const ws = connectWs(t, { token: null });
    const http = await t.anonymous.gql('{ deadlines(today: "2018-01-01") { edges { node { title } } } }');
    expect(http.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Over the socket only subscriptions run; an anonymous subscription to a draft's id gets nothing of it, and no internal message.
    const draft = ws.subscribe<{ promiseChanged: any }>(`subscription { promiseChanged(promiseId: "${HABO_DRAFTS.promise}") { id title } }`);
    const query = ws.subscribe('{ organisations { edges { node { id } } } }');
    const [error] = await query.refusal;
    expect(error.extensions?.code).toBe('OPERATION_NOT_SUPPORTED');
    expect(error.message).not.toMatch(/asyncIterator|intermediate value/);
    await ws.settled();
    await t.as('coordinator', HABO).ok(m('planFollowUps', 'PlanFollowUpsInput'), {
      i: { promiseId: HABO_DRAFTS.promise, followUps: [{ followUpId: 'f-anon', dueOn: '2018-07-01', label: 'anon' }], finalReportDueOn: '2019-01-31' },
    });
    await aWhile();
    expect(draft.results).toEqual([]);
    await ws.dispose();
  });

  it('closes a socket with 4403 and a reason when the token in connection_init is not valid', async () => {
    for (const token of ['not.a.token', await t.token('member', HABO) + 'x']) {
      const ws = connectWs(t, { token });
      const closed = await ws.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/^Invalid token/);
      await expect(ws.connected).rejects.toThrow();
    }
  });

  it('closes a socket with 4403 when the Authorization header of the upgrade is not valid', async () => {
    const ws = connectWs(t, { token: 'not.a.token', via: 'header' });
    expect((await ws.closed).code).toBe(4403);
  });

  it('ends the socket with 4403 "Token expired" when the token runs out, and starts nothing on it afterwards', async () => {
    const issuer = t.app.get(DevTokenIssuer);
    const token = await issuer.issue(identityOf('member', HABO), { expiresIn: '2s' });
    const ws = connectWs(t, { token });
    await ws.connected;
    const log = ws.subscribe<{ activityLogged: any }>(`subscription { activityLogged(promiseId: "${HABO_IDS.promise}") { id notes } }`);
    const closed = await ws.closed;
    expect(closed).toEqual({ code: 4403, reason: 'Token expired' });
    await log.ended;
    await logOnHabo('Efter utgång');
    await aWhile();
    expect(log.received).toEqual([]);
  });

  it('closes with 4401 Unauthorized when a subscribe comes before connection_init, as the protocol says', async () => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { promiseChanged { id } }' } }));
    const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
    expect({ code, reason: String(reason) }).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('refuses a token that has already expired when the socket opens', async () => {
    const issuer = t.app.get(DevTokenIssuer);
    const token = await issuer.issue(identityOf('member', HABO), { expiresIn: '1s' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const ws = connectWs(t, { token });
    const closed = await ws.closed;
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/exp/);
  });
});

async function fetchAs(t: TestApp, token: string, query: string) {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  return (await response.json()) as any;
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('not found in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
