import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config/app-config';
import { authSettings } from '../../src/auth/auth-settings';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { EsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { EsdbTestServer } from '../esdb/esdb-test-server';
import { createThrowawayDatabase, ThrowawayDatabase } from '../support/postgres-test-db';
import { ServiceProcess, startServiceProcess } from '../support/service-process';
import { expectPostgresReadModelsEqualARebuild } from '../support/read-model-dump';

/**
 * Two service instances over one EventStoreDB (the gRPC test server) and one
 * PostgreSQL read-model database: one leads the projections, the other
 * serves and waits; kill the leader and the follower takes over.
 */
describe('scale-out: two instances, one projection leader, fail-over', () => {
  let server: EsdbTestServer;
  let readModels: ThrowawayDatabase;
  let rebuilt: ThrowawayDatabase;
  const services: ServiceProcess[] = [];
  const issuer = new DevTokenIssuer(authSettings(loadConfig({ NODE_ENV: 'test' })));

  beforeAll(async () => {
    server = await new EsdbTestServer().start();
    [readModels, rebuilt] = await Promise.all([createThrowawayDatabase(), createThrowawayDatabase()]);
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.kill()));
    await server?.stop();
    await Promise.all([readModels?.drop(), rebuilt?.drop()]);
  });

  const env = () => ({ EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: server.connectionString, READ_MODEL_URL: readModels.url });
  const health = async (s: ServiceProcess) => (await (await fetch(s.url.replace('/graphql', '/health'))).json()) as any;
  async function send(s: ServiceProcess, query: string, variables: object, role = 'admin', organisationId: string | null = null) {
    const token = await issuer.issue({ userId: `${role}-${organisationId}`, displayName: role, organisationId, roles: [role as 'admin'] });
    const response = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Date.now() - started;
  }
  const LOG = 'mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }';
  const READ = 'query($p: ID!) { activityLog(promiseId: $p, first: 500) { edges { node { id } } } }';
  const logOn = (s: ServiceProcess, entryId: string) =>
    send(s, LOG, { i: { promiseId: HABO_IDS.promise, entryId, date: '2017-05-05', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 1 } }, 'coordinator', HABO_IDS.municipality);

  it('the follower serves read-your-writes, then takes over when the leader dies, and nothing is applied twice or skipped', async () => {
    const leader = await startServiceProcess(env());
    services.push(leader);
    await until(async () => (await health(leader)).projections.role === 'leader', 10_000);
    const follower = await startServiceProcess(env());
    services.push(follower);
    expect((await health(follower)).projections.role).toBe('follower');

    // Seed through the leader, then write through the follower and read straight back from it.
    await seedHabo(leader);

    // A subscriber on the follower hears about an entry logged through the leader.
    const watcher = await subscribeTo(follower, 'via-leader-live');
    await logOn(leader, 'via-leader-live');
    expect(await watcher.received).toBe('via-leader-live');
    await watcher.close();
    for (let i = 0; i < 5; i++) {
      const entryId = `via-follower-${i}`;
      await logOn(follower, entryId);
      const read = await send(follower, READ, { p: HABO_IDS.promise }, 'coordinator', HABO_IDS.municipality);
      expect(read.activityLog.edges.map((e: any) => e.node.id)).toContain(entryId);
    }

    await leader.kill();
    const takeoverMs = await until(async () => (await health(follower)).projections.role === 'leader', 15_000);
    expect(takeoverMs).toBeLessThan(15_000);
    for (let i = 0; i < 5; i++) await logOn(follower, `after-failover-${randomUUID().slice(0, 8)}`);

    // The read models equal a rebuild from the events: nothing applied twice, nothing skipped.
    await until(async () => (await health(follower)).projections.upToDate, 10_000);
    const store = await EsdbEventStore.connect(server.connectionString);
    try {
      const liveRows = await expectPostgresReadModelsEqualARebuild(store, readModels.url, rebuilt.url);
      expect(liveRows.activity_log.filter((r) => r.includes('via-follower') || r.includes('after-failover'))).toHaveLength(10);
    } finally {
      await store.close();
    }
  }, 120_000);

  /** A graphql-ws client on `s` (token in connection_init, as a browser sends it), waiting for one entry id. */
  async function subscribeTo(s: ServiceProcess, entryId: string) {
    const token = await issuer.issue({ userId: 'watcher', displayName: 'watcher', organisationId: HABO_IDS.municipality, roles: ['coordinator'] });
    const client = createClient({ url: s.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    const received = new Promise<string>((resolve, reject) => {
      client.subscribe<{ activityLogged: { id: string } }>(
        { query: 'subscription($p: ID) { activityLogged(promiseId: $p) { id } }', variables: { p: HABO_IDS.promise } },
        { next: ({ data }) => data?.activityLogged.id === entryId && resolve(entryId), error: reject, complete: () => undefined },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // registered server-side
    return { received, close: () => client.dispose() };
  }

  async function seedHabo(s: ServiceProcess) {
    const { police, municipality, agreement, promise } = HABO_IDS;
    await send(s, 'mutation($i: RegisterLocalPoliceAreaInput!) { registerLocalPoliceArea(input: $i) { id } }', { i: { organisationId: police, name: 'LPO Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst' } });
    await send(s, 'mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }', { i: { organisationId: municipality, name: 'Habo kommun', municipalityCode: '0643' } });
    await send(s, 'mutation($i: DraftAgreementInput!) { draftAgreement(input: $i) { id } }', { i: { agreementId: agreement, title: 'SÖ', partyIds: [police, municipality], validFrom: '2016-01-01' } }, 'coordinator', municipality);
    for (const party of [police, municipality]) {
      await send(s, 'mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }', { i: { agreementId: agreement, partyOrganisationId: party, signatoryName: 'N', signatoryTitle: 'T', signedOn: '2016-01-01' } }, 'signatory', party);
    }
    await send(s, 'mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }', { i: { promiseId: promise, agreementId: agreement, title: 'Drogfri miljö', periodFrom: '2017-01-01', periodTo: '2017-12-31', focusAreas: ['Narkotika'], plannedActivities: [] } }, 'coordinator', municipality);
    await send(s, 'mutation($i: AdoptPromiseInput!) { adoptPromise(input: $i) { id } }', { i: { promiseId: promise, adoptedOn: '2016-12-06', place: 'Habo', signatories: [{ name: 'N', title: 'T', organisationId: municipality }] } }, 'signatory', municipality);
  }
});
