import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, TestApp } from '../support/test-app';
import { adoptAndPublish, assess, IDS, logSearch, setUpOrganisations, signAgreement } from './full-year-story';

/**
 * A real graphql-ws client over a WebSocket, signed in through the upgrade
 * request's Authorization header. The upgrade is a GET to /graphql, which the
 * CSRF prevention (src/shared/graphql/hardening) lets through only with a
 * preflight header.
 */
function wsClient(t: TestApp, token: string): Client {
  class AuthorisedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}`, 'mercurius-require-preflight': 'true' } });
    }
  }
  return createClient({ url: t.url.replace(/^http/, 'ws'), webSocketImpl: AuthorisedWebSocket, lazy: false, retryAttempts: 0 });
}

/** Collects what a subscription sends, and waits for a value that matches. */
function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const received: T[] = [];
  const waiters: { test: (value: T) => boolean; resolve: (value: T) => void }[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>({ query, variables }, {
    next: ({ data, errors: e }) => {
      if (e) errors.push(e);
      if (!data) return;
      received.push(data);
      for (const w of waiters.filter((w) => w.test(data))) w.resolve(data);
    },
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return {
    received,
    errors,
    dispose,
    next: (test: (value: T) => boolean, timeoutMs = 5000) =>
      new Promise<T>((resolve, reject) => {
        const found = received.find(test);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no matching update in ${timeoutMs} ms; got ${JSON.stringify(received)} errors ${JSON.stringify(errors)}`)), timeoutMs);
        waiters.push({ test, resolve: (v) => { clearTimeout(timer); resolve(v); } });
      }),
  };
}

/** What a browser can do: no custom headers on the upgrade, the token in connection_init's payload. */
function browserLikeClient(t: TestApp, token: string): Client {
  return createClient({
    url: t.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}` },
    onNonLazyError: () => undefined, // a refused connection is what one test expects; the 'closed' event reports it
  });
}

const connected = (client: Client) => new Promise<void>((resolve) => client.on('connected', () => resolve()));

describe('live updates over graphql-ws', () => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOrganisations(t);
    client = wsClient(t, await t.token('coordinator', IDS.municipality));
    await connected(client);
  }, 60_000);
  afterAll(async () => {
    await client?.dispose();
    await t.close();
  });

  it('sends the agreement as each signature commits, up to Active', async () => {
    const agreement = collect<{ agreementChanged: { id: string; status: string } }>(client, `subscription($id: ID) { agreementChanged(agreementId: $id) { id status } }`, { id: IDS.agreement });
    await new Promise((resolve) => setTimeout(resolve, 200)); // the subscription is registered server-side
    await signAgreement(t);
    const active = await agreement.next((v) => v.agreementChanged.status === 'Active');
    expect(active.agreementChanged.id).toBe(IDS.agreement);
    expect(agreement.received.map((v) => v.agreementChanged.status)).toEqual(['Draft', 'Draft', 'Active']);
    agreement.dispose();
  });

  it('sends promise changes and new log entries of the promise asked for only', async () => {
    const promise = collect<{ promiseChanged: { id: string; status: string; publishedOn: string | null } }>(client, `subscription($id: ID) { promiseChanged(promiseId: $id) { id status publishedOn } }`, { id: IDS.promise });
    const log = collect<{ activityLogged: { id: string; promiseId: string; count: number } }>(client, `subscription($id: ID) { activityLogged(promiseId: $id) { id promiseId count } }`, { id: IDS.promise });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await assess(t);
    await adoptAndPublish(t);
    const published = await promise.next((v) => v.promiseChanged.status === 'Published');
    expect(published.promiseChanged).toEqual({ id: IDS.promise, status: 'Published', publishedOn: '2016-12-10' });
    expect(promise.received.map((v) => v.promiseChanged.status)).toEqual(expect.arrayContaining(['Draft', 'Adopted', 'Published']));

    await logSearch(t, 'live-1', '2017-03-14', { count: 2 });
    expect((await log.next((v) => v.activityLogged.id === 'live-1')).activityLogged).toEqual({ id: 'live-1', promiseId: IDS.promise, count: 2 });
    expect(log.errors).toEqual([]);
    promise.dispose();
    log.dispose();
  });

  it('signs in a browser-like client through the connection_init payload (no custom headers)', async () => {
    const browser = browserLikeClient(t, await t.token('coordinator', IDS.municipality));
    await connected(browser);
    const log = collect<{ activityLogged: { id: string } }>(browser, `subscription($id: ID) { activityLogged(promiseId: $id) { id } }`, { id: IDS.promise });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await logSearch(t, 'live-browser', '2017-04-02');
    expect((await log.next((v) => v.activityLogged.id === 'live-browser')).activityLogged.id).toBe('live-browser');
    expect(log.errors).toEqual([]);
    log.dispose();
    await browser.dispose();
  });

  it('refuses a connection whose token is invalid', async () => {
    const forged = browserLikeClient(t, 'not.a.token');
    const closed = new Promise<unknown>((resolve) => forged.on('closed', resolve));
    let connectedAnyway = false;
    forged.on('connected', () => (connectedAnyway = true));
    const event = (await closed) as { code?: number; reason?: string };
    expect(connectedAnyway).toBe(false);
    expect(event.code).not.toBe(1000);
    await forged.dispose();
  });
});
