import { Role } from '../../src/auth/identity';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { GraphQLResponse, startTestApp, TestApp, TestClient } from '../support/test-app';
import { HABO_DRAFTS, HABO_IDS, loadAccessFixture } from './support/access-fixture';

/**
 * Every role × every mutation and every non-public query, over HTTP with real
 * tokens. The people with organisation-bound roles work for Habo kommun, a
 * party of everything Habo's; "anonymous" sends no token.
 */
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'member', 'signatory', 'coordinator', 'auditor', 'admin'];
const DENIED = ['FORBIDDEN', 'UNAUTHENTICATED'];
const { municipality: HABO, police: POLICE } = HABO_IDS;

describe('access matrix: role × operation', () => {
  let t: TestApp;
  let store: EventStore;
  const as = (caller: Caller): TestClient => (caller === 'anonymous' ? t.anonymous : caller === 'auditor' || caller === 'admin' ? t.as(caller) : t.as(caller, HABO));
  const expectedDenial = (caller: Caller) => (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    t = await startTestApp();
    await loadAccessFixture(t);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  const mutation = (name: string, type: string) => `mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`;
  /** Each mutation, who may send it, and an input that is valid for the first caller allowed (later ones may meet a domain rule). */
  const MUTATIONS: { name: string; allowed: Caller[]; query: string; input: (n: string) => Record<string, unknown> }[] = [
    { name: 'registerMunicipality', allowed: ['admin'], query: mutation('registerMunicipality', 'RegisterMunicipalityInput'), input: (n) => ({ organisationId: `kommun-${n}`, name: n, municipalityCode: '1234' }) },
    { name: 'registerLocalPoliceArea', allowed: ['admin'], query: mutation('registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput'), input: (n) => ({ organisationId: `lpo-${n}`, name: n, policeDistrict: 'D', policeRegion: 'R' }) },
    { name: 'draftAgreement', allowed: ['coordinator'], query: mutation('draftAgreement', 'DraftAgreementInput'), input: (n) => ({ agreementId: `so-${n}`, title: 'T', partyIds: [POLICE, HABO], validFrom: '2019-01-01' }) },
    { name: 'signAgreement', allowed: ['signatory'], query: mutation('signAgreement', 'SignAgreementInput'), input: () => ({ agreementId: HABO_DRAFTS.agreement, partyOrganisationId: HABO, signatoryName: 'N', signatoryTitle: 'T', signedOn: '2017-12-20' }) },
    { name: 'draftPromise', allowed: ['coordinator'], query: mutation('draftPromise', 'DraftPromiseInput'), input: (n) => ({ promiseId: `ml-${n}`, agreementId: HABO_IDS.agreement, title: 'T', periodFrom: '2019-01-01', periodTo: '2019-12-31', focusAreas: ['F'], plannedActivities: [] }) },
    { name: 'adoptPromise', allowed: ['signatory'], query: mutation('adoptPromise', 'AdoptPromiseInput'), input: () => ({ promiseId: HABO_DRAFTS.promiseToAdopt, adoptedOn: '2017-12-20', signatories: [{ name: 'N', title: 'T', organisationId: HABO }] }) },
    { name: 'extendPromise', allowed: ['coordinator', 'signatory'], query: mutation('extendPromise', 'ExtendPromiseInput'), input: () => ({ promiseId: HABO_IDS.promise, newPeriodFrom: '2018-01-01', newPeriodTo: '2018-12-31', reason: 'Oförändrad problembild' }) },
    { name: 'withdrawPromise', allowed: ['coordinator', 'signatory'], query: mutation('withdrawPromise', 'WithdrawPromiseInput'), input: () => ({ promiseId: HABO_DRAFTS.promiseToWithdraw, withdrawnOn: '2017-12-20', reason: 'Ersatt' }) },
    { name: 'logActivity', allowed: ['coordinator'], query: mutation('logActivity', 'LogActivityInput'), input: (n) => ({ promiseId: HABO_IDS.promise, entryId: `e-${n}`, date: '2017-11-01', kind: 'SafetyWalk', responsibleOrganisationId: HABO, count: 1 }) },
  ];

  describe('mutations', () => {
    const cases = MUTATIONS.flatMap((m) => CALLERS.map((caller) => [m.name, caller, m.allowed.includes(caller) ? 'allowed' : expectedDenial(caller)] as const));
    it.each(cases)('%s as %s → %s', async (name, caller, expected) => {
      const m = MUTATIONS.find((x) => x.name === name)!;
      const before = await store.headPosition();
      const response = await as(caller).gql(m.query, { i: m.input(`${name.toLowerCase()}-${caller}`) });
      if (expected === 'allowed') {
        expect(DENIED).not.toContain(codeOf(response));
      } else {
        expect(codeOf(response)).toBe(expected);
        expect(await store.headPosition()).toEqual(before); // refused: nothing stored
      }
    });
  });

  describe('non-public reads', () => {
    const PARTY_AND_AUDITOR: Caller[] = ['member', 'signatory', 'coordinator', 'auditor'];
    const single = [
      ["a promise's history", `{ history(of: PROMISE, id: "${HABO_IDS.promise}") { type actor { userId } } }`, PARTY_AND_AUDITOR],
      ["an agreement's state at a date", `{ asOf(of: AGREEMENT, id: "${HABO_IDS.agreement}", at: "2016-06-30") { exists } }`, PARTY_AND_AUDITOR],
      ['the audit log', `{ auditLog(first: 5) { edges { node { type } } } }`, ['auditor']],
      ['the read-access log', `{ personalDataReads(first: 5) { edges { node { field } } } }`, ['auditor']],
      ['integrity verification', `{ verifyIntegrity { intact } }`, ['auditor']],
    ] as const;
    const cases = single.flatMap(([what, query, allowed]) =>
      CALLERS.map((caller) => [what, caller, (allowed as readonly Caller[]).includes(caller) ? 'allowed' : expectedDenial(caller), query] as const),
    );
    // A draft one may not read answers as a missing id does (issue 13): null, no error.
    const drafts = [['a draft agreement', 'agreement', HABO_DRAFTS.agreement], ['a draft promise', 'promise', HABO_DRAFTS.promise]] as const;
    const draftCases = drafts.flatMap(([what, field, id]) => CALLERS.map((caller) => [what, caller, (PARTY_AND_AUDITOR as readonly Caller[]).includes(caller) ? id : null, field] as const));
    it.each(draftCases)('%s as %s → %s', async (_what, caller, expected, field) => {
      const response = await as(caller).gql(`{ ${field}(id: "${field === 'agreement' ? HABO_DRAFTS.agreement : HABO_DRAFTS.promise}") { id } }`);
      expect(response.errors).toBeUndefined();
      expect(response.data[field]?.id ?? null).toBe(expected);
    });

    it.each(cases)('%s as %s → %s', async (_what, caller, expected, query) => {
      const response = await as(caller).gql(query);
      if (expected === 'allowed') expect(response.errors).toBeUndefined();
      else expect(codeOf(response)).toBe(expected);
    });

    it.each(CALLERS)('lists show drafts to parties and auditors only, without an error for anyone (as %s)', async (caller) => {
      const seesDrafts = PARTY_AND_AUDITOR.includes(caller);
      const data = await as(caller).ok(`{
        agreements(status: Draft) { edges { node { id } } }
        promises(status: Draft) { edges { node { id } } }
      }`);
      const ids = [...data.agreements.edges, ...data.promises.edges].map((e: { node: { id: string } }) => e.node.id);
      if (seesDrafts) expect(ids).toEqual(expect.arrayContaining([HABO_DRAFTS.agreement, HABO_DRAFTS.promise]));
      else expect(ids).toEqual([]);
    });

    it.each(CALLERS)('activity notes reach parties and auditors only, by either route (as %s)', async (caller) => {
      const seesNotes = PARTY_AND_AUDITOR.includes(caller);
      const data = await as(caller).ok(`{
        activityLog(promiseId: "${HABO_IDS.promise}", kind: DetectionDogSearch) { edges { node { id notes outcome } } }
        promise(id: "${HABO_IDS.promise}") { activities(kind: DetectionDogSearch) { edges { node { id notes } } } }
      }`);
      const notes = [...data.activityLog.edges, ...data.promise.activities.edges].map((e: { node: { notes: string | null } }) => e.node.notes);
      expect(notes.includes('Genomfört i samråd med rektor')).toBe(seesNotes);
      if (!seesNotes) expect(notes.every((n) => n === null)).toBe(true);
      // The published part of the entry is public either way.
      expect(data.activityLog.edges[0].node.outcome).toBe('Ett hundsök, ingen narkotika hittades');
    });

    it('published documents are public: anonymous callers read the active agreement and the extended promise', async () => {
      const data = await t.anonymous.ok(`{ agreement(id: "${HABO_IDS.agreement}") { status } promise(id: "${HABO_IDS.promise}") { status agreement { id } } organisations { edges { node { id } } } }`);
      expect(data).toMatchObject({ agreement: { status: 'Active' }, promise: { status: 'Extended', agreement: { id: HABO_IDS.agreement } } });
    });
  });
});
