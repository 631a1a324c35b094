import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { startTestApp, TestApp, TestClient } from '../support/test-app';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';

/**
 * Bad input gets a typed GraphQL error and changes nothing: each case checks
 * the error code, the field it names, and that the store's head did not move.
 */
describe('bad input over GraphQL/HTTP', () => {
  let t: TestApp;
  /** Habo's coordinator, who may send these commands: what is refused here is the input, not the caller. */
  let coordinator: TestClient;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    coordinator = t.as('coordinator', HABO_IDS.municipality);
    await loadHaboDemo(t.app);
    store = t.app.get(EVENT_STORE);
  });
  afterAll(() => t.close());

  async function expectRejected(query: string, variables: Record<string, unknown>, code: string, field?: string, as: TestClient = coordinator) {
    const before = await store.headPosition();
    const response = await as.gql(query, variables);
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0]?.extensions?.code).toBe(code);
    if (field) expect(response.errors?.[0]?.extensions?.fields).toContain(field);
    expect(await store.headPosition()).toEqual(before);
  }

  const LOG = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`;
  const validEntry = {
    promiseId: HABO_IDS.promise, date: '2017-06-01', kind: 'SafetyWalk', responsibleOrganisationId: HABO_IDS.municipality, count: 1,
  };

  describe('malformed, missing or out-of-range fields → BAD_USER_INPUT naming the field', () => {
    it.each([
      ['a date that is not a date', { date: '01/06/2017' }, 'date'],
      ['a date that does not exist', { date: '2017-02-30' }, 'date'],
      ['a zero count', { count: 0 }, 'count'],
      ['a negative count', { count: -3 }, 'count'],
      ['an id with spaces', { promiseId: 'not an id' }, 'promiseId'],
      ['a place of 10,000 characters', { place: 'x'.repeat(10_000) }, 'place'],
      ['a command id that is not a UUID', { commandId: 'again' }, 'commandId'],
    ])('%s', async (_case, override, field) => {
      await expectRejected(LOG, { i: { ...validEntry, ...override } }, 'BAD_USER_INPUT', field);
    });

    it('a missing required field', async () => {
      const { count: _count, ...withoutCount } = validEntry;
      await expectRejected(LOG, { i: withoutCount }, 'BAD_USER_INPUT', 'count');
    });

    it('a wrong type (string for an Int)', async () => {
      await expectRejected(LOG, { i: { ...validEntry, count: 'many' } }, 'BAD_USER_INPUT');
    });

    it('an unknown activity kind', async () => {
      await expectRejected(LOG, { i: { ...validEntry, kind: 'Sightseeing' } }, 'BAD_USER_INPUT');
    });

    it('an empty party list and an unknown municipality code format', async () => {
      await expectRejected(
        `mutation($i: DraftAgreementInput!) { draftAgreement(input: $i) { id } }`,
        { i: { title: 'X', partyIds: [], validFrom: '2020-01-01' } },
        'BAD_USER_INPUT',
        'partyIds',
      );
      await expectRejected(
        `mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`,
        { i: { name: 'Ingenstans', municipalityCode: '12a4' } },
        'BAD_USER_INPUT',
        'municipalityCode',
        t,
      );
    });

    it('a page size out of range', async () => {
      const response = await t.gql(`{ promises(first: 100000) { edges { cursor } } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('a broken domain rule → its own code', () => {
    it('logging outside the promise period → ACTIVITY_OUTSIDE_PERIOD', async () => {
      await expectRejected(LOG, { i: { ...validEntry, date: '2019-05-01' } }, 'ACTIVITY_OUTSIDE_PERIOD');
    });

    it('signing again for a party that already signed → ALREADY_SIGNED', async () => {
      await expectRejected(
        `mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }`,
        { i: { agreementId: HABO_IDS.agreement, partyOrganisationId: HABO_IDS.police, signatoryName: 'Någon Annan', signatoryTitle: 'Chef', signedOn: '2016-01-02' } },
        'ALREADY_SIGNED',
        undefined,
        t.as('signatory', HABO_IDS.police),
      );
    });

    it('signing for an organisation that is not a party → FORBIDDEN (authorization refuses before the domain would say NOT_A_PARTY)', async () => {
      await t.ok(`mutation { registerMunicipality(input: { organisationId: "jonkoping", name: "Jönköpings kommun", municipalityCode: "0680" }) { id } }`);
      await expectRejected(
        `mutation($i: SignAgreementInput!) { signAgreement(input: $i) { id } }`,
        { i: { agreementId: HABO_IDS.agreement, partyOrganisationId: 'jonkoping', signatoryName: 'X', signatoryTitle: 'Y', signedOn: '2016-01-02' } },
        'FORBIDDEN',
        undefined,
        t.as('signatory', 'jonkoping'),
      );
    });

    it('logging on a withdrawn promise → PROMISE_NOT_ACTIVE, and a withdrawn promise cannot be extended', async () => {
      await coordinator.ok(`mutation { withdrawPromise(input: { promiseId: "${HABO_IDS.promise}", withdrawnOn: "2017-10-01", reason: "Test" }) { status } }`);
      await expectRejected(LOG, { i: validEntry }, 'PROMISE_NOT_ACTIVE');
      await expectRejected(
        `mutation($i: ExtendPromiseInput!) { extendPromise(input: $i) { id } }`,
        { i: { promiseId: HABO_IDS.promise, newPeriodFrom: '2018-01-01', newPeriodTo: '2018-12-31', reason: 'Igen' } },
        'PROMISE_WITHDRAWN',
      );
    });

    it('an unknown promise → PROMISE_NOT_FOUND; an unknown agreement → AGREEMENT_NOT_FOUND', async () => {
      await expectRejected(LOG, { i: { ...validEntry, promiseId: 'no-such-promise' } }, 'PROMISE_NOT_FOUND');
      await expectRejected(
        `mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }`,
        { i: { agreementId: 'no-such-agreement', title: 'T', periodFrom: '2020-01-01', periodTo: '2020-12-31', focusAreas: ['F'], plannedActivities: [] } },
        'AGREEMENT_NOT_FOUND',
      );
    });
  });
});
