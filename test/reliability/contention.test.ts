import { HABO_IDS } from '../../src/demo/habo-seed';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { startTestApp, TestApp } from '../support/test-app';

const MUNICIPALITIES = ['stenungsund', 'orust', 'tjorn', 'kungalv', 'lilla-edet'];
const CODES = ['1415', '1421', '1419', '1482', '1462'];
const SIGN = `mutation($i: SignAgreementInput!) { signAgreement(input: $i) { status } }`;

describe('contention: concurrent signatures on one agreement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.ok(`mutation { registerLocalPoliceArea(input: { organisationId: "${HABO_IDS.police}", name: "LPO", policeDistrict: "D", policeRegion: "R" }) { id } }`);
    for (const [i, id] of MUNICIPALITIES.entries()) {
      await t.ok(`mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`, { i: { organisationId: id, name: id, municipalityCode: CODES[i] } });
    }
    await t.as('coordinator', HABO_IDS.police).ok(`mutation($i: DraftAgreementInput!) { draftAgreement(input: $i) { id } }`, {
      i: { agreementId: 'so-many', title: 'Flera kommuner', partyIds: [HABO_IDS.police, ...MUNICIPALITIES], validFrom: '2023-01-01' },
    });
  });
  afterAll(() => t.close());

  it('every party signs exactly once, racing duplicates get ALREADY_SIGNED or CONFLICT, and activation happens once', async () => {
    const parties = [HABO_IDS.police, ...MUNICIPALITIES];
    // Each party sends four different signatures at once (four clerks, one pen).
    const attempts = parties.flatMap((party) =>
      [1, 2, 3, 4].map((n) => ({ party, input: { agreementId: 'so-many', partyOrganisationId: party, signatoryName: `Signatory ${n}`, signatoryTitle: 'Chef', signedOn: '2023-02-01' } })),
    );
    const results = await Promise.all(attempts.map((a) => t.as('signatory', a.party).gql(SIGN, { i: a.input })));
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => !['OK', 'ALREADY_SIGNED', 'CONFLICT'].includes(c))).toEqual([]);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(parties.length);

    const events = await t.app.get<EventStore>(EVENT_STORE).readStream('agreement-so-many');
    const signed = events.filter((e) => e.type === 'AgreementSigned').map((e) => e.data.partyOrganisationId);
    expect([...signed].sort()).toEqual([...parties].sort());
    expect(events.filter((e) => e.type === 'AgreementActivated')).toHaveLength(1);
    const agreement = await t.ok(`{ agreement(id: "so-many") { status parties { signature { signatoryName } } } }`);
    expect(agreement.agreement.status).toBe('Active');
    expect(agreement.agreement.parties.every((p: any) => p.signature !== null)).toBe(true);
  });
});
