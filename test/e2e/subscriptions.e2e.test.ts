import { startTestApp, TestApp } from '../support/test-app';
import { connectWs, WsConnection } from '../support/ws-client';
import { adoptAndPublish, assess, IDS, logSearch, setUpOrganisations, signAgreement } from './full-year-story';

/**
 * Live updates with the official graphql-ws client over a real socket: a
 * partner's server signed in through the upgrade request's Authorization
 * header, a browser through connection_init's payload.
 */
describe('live updates over graphql-ws', () => {
  let t: TestApp;
  let ws: WsConnection;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOrganisations(t);
    ws = connectWs(t, { token: await t.token('coordinator', IDS.municipality), via: 'header' });
    await ws.connected;
  }, 60_000);
  afterAll(async () => {
    await ws?.dispose();
    await t.close();
  });

  it('sends the agreement as each signature commits, up to Active', async () => {
    const agreement = ws.subscribe<{ agreementChanged: { id: string; status: string } }>(`subscription($id: ID) { agreementChanged(agreementId: $id) { id status } }`, { id: IDS.agreement });
    await ws.settled();
    await signAgreement(t);
    const active = await agreement.next((v) => v.agreementChanged.status === 'Active');
    expect(active.agreementChanged.id).toBe(IDS.agreement);
    expect(agreement.received.map((v) => v.agreementChanged.status)).toEqual(['Draft', 'Draft', 'Active']);
    agreement.dispose();
  });

  it('sends promise changes and new log entries of the promise asked for only', async () => {
    const promise = ws.subscribe<{ promiseChanged: { id: string; status: string; publishedOn: string | null } }>(`subscription($id: ID) { promiseChanged(promiseId: $id) { id status publishedOn } }`, { id: IDS.promise });
    const log = ws.subscribe<{ activityLogged: { id: string; promiseId: string; count: number } }>(`subscription($id: ID) { activityLogged(promiseId: $id) { id promiseId count } }`, { id: IDS.promise });
    await ws.settled();
    await assess(t);
    await adoptAndPublish(t);
    const published = await promise.next((v) => v.promiseChanged.status === 'Published');
    expect(published.promiseChanged).toEqual({ id: IDS.promise, status: 'Published', publishedOn: '2016-12-10' });
    expect(promise.received.map((v) => v.promiseChanged.status)).toEqual(expect.arrayContaining(['Draft', 'Adopted', 'Published']));

    await logSearch(t, 'live-1', '2017-03-14', { count: 2 });
    expect((await log.next((v) => v.activityLogged.id === 'live-1')).activityLogged).toEqual({ id: 'live-1', promiseId: IDS.promise, count: 2 });
    expect(log.results.filter((r) => r.errors)).toEqual([]);
    promise.dispose();
    log.dispose();
  });

  it('signs in a browser-like client through the connection_init payload (no custom headers)', async () => {
    const browser = connectWs(t, { token: await t.token('coordinator', IDS.municipality) });
    const log = browser.subscribe<{ activityLogged: { id: string } }>(`subscription($id: ID) { activityLogged(promiseId: $id) { id } }`, { id: IDS.promise });
    await browser.settled();
    await logSearch(t, 'live-browser', '2017-04-02');
    expect((await log.next((v) => v.activityLogged.id === 'live-browser')).activityLogged.id).toBe('live-browser');
    expect(log.results.filter((r) => r.errors)).toEqual([]);
    await browser.dispose();
  });

  it('refuses a connection whose token is invalid (4403 Forbidden)', async () => {
    const forged = connectWs(t, { token: 'not.a.token' });
    await expect(forged.connected).rejects.toThrow();
    expect((await forged.closed).code).toBe(4403);
  });
});
