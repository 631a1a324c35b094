import { SignJWT } from 'jose';
import { authSettings } from '../../src/auth/auth-settings';
import { loadConfig } from '../../src/config/app-config';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { GraphQLResponse, startTestApp, TestApp, TestClient } from '../support/test-app';
import { HABO_DRAFTS, HABO_IDS, loadAccessFixture, VADSTENA } from './support/access-fixture';

/**
 * The right role is not enough: the organisation must be a party of that very
 * agreement or promise (as its stream says), a signature and an activity only
 * for one's own organisation. One case per operation; each refusal stores nothing.
 */
const { municipality: HABO, police: POLICE } = HABO_IDS;

describe('across organisations', () => {
  let t: TestApp;
  let store: EventStore;
  const m = (name: string, type: string) => `mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`;

  beforeAll(async () => {
    t = await startTestApp();
    await loadAccessFixture(t);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  async function refused(client: TestClient, query: string, input: Record<string, unknown>): Promise<GraphQLResponse> {
    const before = await store.headPosition();
    const response = await client.gql(query, { i: input });
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await store.headPosition()).toEqual(before);
    return response;
  }

  const activity = (promiseId: string, responsibleOrganisationId: string) => ({ promiseId, date: '2018-03-01', kind: 'SafetyWalk', responsibleOrganisationId, count: 1 });

  it("Habo's coordinator cannot log an activity on Vadstena's promise, for either organisation", async () => {
    await refused(t.as('coordinator', HABO), m('logActivity', 'LogActivityInput'), activity(VADSTENA.promise, HABO));
    await refused(t.as('coordinator', HABO), m('logActivity', 'LogActivityInput'), activity(VADSTENA.promise, VADSTENA.municipality));
    // ...while Vadstena's own coordinator can.
    expect((await t.as('coordinator', VADSTENA.municipality).gql(m('logActivity', 'LogActivityInput'), { i: activity(VADSTENA.promise, VADSTENA.municipality) })).errors).toBeUndefined();
  });

  it("Habo's coordinator cannot log an activity in the police's name, even on Habo's own promise", async () => {
    await refused(t.as('coordinator', HABO), m('logActivity', 'LogActivityInput'), { ...activity(HABO_IDS.promise, POLICE), date: '2017-10-01' });
  });

  it('a signatory of org A cannot sign for org B; a non-party signatory cannot sign at all', async () => {
    const sign = (partyOrganisationId: string) => ({ agreementId: HABO_DRAFTS.agreement, partyOrganisationId, signatoryName: 'N', signatoryTitle: 'T', signedOn: '2017-12-20' });
    await refused(t.as('signatory', HABO), m('signAgreement', 'SignAgreementInput'), sign(POLICE));
    await refused(t.as('signatory', VADSTENA.municipality), m('signAgreement', 'SignAgreementInput'), sign(VADSTENA.municipality));
  });

  it('a coordinator cannot draft an agreement between other organisations, nor a promise under their agreement', async () => {
    const vadstena = t.as('coordinator', VADSTENA.municipality);
    await refused(vadstena, m('draftAgreement', 'DraftAgreementInput'), { agreementId: 'so-x', title: 'X', partyIds: [POLICE, HABO], validFrom: '2019-01-01' });
    await refused(vadstena, m('draftPromise', 'DraftPromiseInput'), {
      promiseId: 'ml-x', agreementId: HABO_IDS.agreement, title: 'X', periodFrom: '2019-01-01', periodTo: '2019-12-31', focusAreas: ['F'], plannedActivities: [],
    });
  });

  it("a signatory cannot adopt another party's promise, nor adopt in the other party's name alone", async () => {
    await refused(t.as('signatory', VADSTENA.municipality), m('adoptPromise', 'AdoptPromiseInput'), {
      promiseId: HABO_DRAFTS.promise, adoptedOn: '2018-01-10', signatories: [{ name: 'N', title: 'T', organisationId: VADSTENA.municipality }],
    });
    await refused(t.as('signatory', HABO), m('adoptPromise', 'AdoptPromiseInput'), {
      promiseId: HABO_DRAFTS.promise, adoptedOn: '2018-01-10', signatories: [{ name: 'N', title: 'T', organisationId: POLICE }],
    });
  });

  it("a coordinator cannot extend or withdraw another organisation's promise", async () => {
    const vadstena = t.as('coordinator', VADSTENA.municipality);
    await refused(vadstena, m('extendPromise', 'ExtendPromiseInput'), { promiseId: HABO_IDS.promise, newPeriodFrom: '2018-01-01', newPeriodTo: '2018-12-31', reason: 'X' });
    await refused(vadstena, m('withdrawPromise', 'WithdrawPromiseInput'), { promiseId: HABO_IDS.promise, withdrawnOn: '2018-01-01', reason: 'X' });
  });

  it("people of another organisation see none of Habo's unpublished data", async () => {
    const outsider = t.as('member', VADSTENA.municipality);
    // Drafts read as ids that do not exist (issue 13); history is refused outright.
    expect(await outsider.ok(`{ agreement(id: "${HABO_DRAFTS.agreement}") { id } promise(id: "${HABO_DRAFTS.promise}") { id } }`)).toEqual({ agreement: null, promise: null });
    expect((await outsider.gql(`{ history(of: PROMISE, id: "${HABO_IDS.promise}") { type } }`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lists = await outsider.ok(`{ agreements(status: Draft) { edges { node { id } } } promises(status: Draft) { edges { node { id } } } }`);
    expect([...lists.agreements.edges, ...lists.promises.edges]).toEqual([]);
    const log = await outsider.ok(`{ activityLog(promiseId: "${HABO_IDS.promise}") { edges { node { notes } } } }`);
    expect(log.activityLog.edges.every((e: { node: { notes: string | null } }) => e.node.notes === null)).toBe(true);
    // ...but their own organisation's history, yes.
    expect((await outsider.gql(`{ history(of: PROMISE, id: "${VADSTENA.promise}") { type } }`)).errors).toBeUndefined();
  });

  describe('tokens', () => {
    const query = `{ organisations(first: 1) { edges { cursor } } }`;
    const send = (authorization: string) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query }) }).then((r) => r.json() as Promise<GraphQLResponse>);

    it('a token that fails verification is UNAUTHENTICATED even for public data (no silent downgrade to anonymous)', async () => {
      const settings = authSettings(loadConfig({ NODE_ENV: 'test' }));
      const expired = await new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('late')
        .setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(settings.hs256Secret!);
      const sign = (edit: (jwt: SignJWT) => SignJWT) =>
        edit(new SignJWT({ roles: ['auditor'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('long').setIssuer(settings.issuer).setAudience(settings.audience)).sign(settings.hs256Secret!);
      const longLived = await sign((j) => j.setIssuedAt().setExpirationTime('30d'));
      const fromTheFuture = await sign((j) => j.setIssuedAt(Math.floor(Date.now() / 1000) + 3600).setExpirationTime('2h'));
      for (const header of [`Bearer ${expired}`, `Bearer ${longLived}`, `Bearer ${fromTheFuture}`, 'Bearer not.a.token', `Basic ${Buffer.from('a:b').toString('base64')}`]) {
        expect((await send(header)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('the actor recorded is the token’s, whatever the input says', async () => {
      const coordinator = { userId: 'kerstin', displayName: 'Kerstin Kommunpolis', organisationId: POLICE, roles: ['coordinator' as const] };
      await t.as(coordinator).ok(m('logActivity', 'LogActivityInput'), { i: { ...activity(HABO_IDS.promise, POLICE), date: '2017-10-02' } });
      const [event] = await store.readStream(`promise-${HABO_IDS.promise}`, { direction: 'backwards', maxCount: 1 });
      expect(event.metadata.actor).toEqual({ userId: 'kerstin', displayName: 'Kerstin Kommunpolis', organisationId: POLICE, role: 'coordinator', roles: ['coordinator'] });
    });
  });
});
