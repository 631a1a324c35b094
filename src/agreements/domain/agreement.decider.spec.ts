import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { DraftAgreement, SignAgreement } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementDrafted, AgreementParty, AgreementSigned } from './agreement.events';
import { AGREEMENT_DRAFTED_V1, AGREEMENT_SIGNED_V1 } from './agreement.events.v1';

const police: AgreementParty = { organisationId: 'org-lpo', kind: 'LocalPoliceArea', name: 'Lokalpolisområde Södra Vätterbygden', requiredSignatoryRoles: [] };
const habo: AgreementParty = { organisationId: 'org-habo', kind: 'Municipality', name: 'Habo kommun', requiredSignatoryRoles: [] };

const draft = (data: Partial<DraftAgreement['data']> = {}): DraftAgreement => ({
  type: 'DraftAgreement',
  data: {
    agreementId: 'agr-1',
    title: 'Samverkansöverenskommelse Habo kommun och Lokalpolisområde Södra Vätterbygden',
    parties: [police, habo],
    validFrom: '2016-01-01',
    validTo: null, // "Denna överenskommelse kommer att gälla tills vidare."
    ...data,
  },
});
const drafted = (data: Partial<DraftAgreement['data']> = {}): AgreementDrafted => ({
  type: 'AgreementDrafted',
  data: draft(data).data as AgreementDrafted['data'],
});

const sign = (partyOrganisationId: string, data: Partial<SignAgreement['data']> = {}): SignAgreement => ({
  type: 'SignAgreement',
  data: {
    agreementId: 'agr-1',
    partyOrganisationId,
    signatory: { name: 'Fredrik Lindfors', title: 'Chef Lokalpolisområde Södra Vätterbygden', role: null },
    signedOn: '2015-12-15',
    place: 'Habo',
    ...data,
  },
});
const signed = (partyOrganisationId: string, data: Partial<SignAgreement['data']> = {}): AgreementSigned => ({
  type: 'AgreementSigned',
  data: sign(partyOrganisationId, data).data as AgreementSigned['data'],
});

describe('agreement decider', () => {
  describe('DraftAgreement', () => {
    it('drafts an agreement between a municipality and a local police area, valid until further notice', () => {
      given(agreementDecider, []).when(draft()).then([drafted()]);
    });

    it('drafts an agreement of several municipalities with one police area, for a fixed period', () => {
      const tjorn = ['org-stenungsund', 'org-orust', 'org-tjorn'].map(
        (organisationId): AgreementParty => ({ organisationId, kind: 'Municipality', name: organisationId, requiredSignatoryRoles: [] }),
      );
      const data = { parties: [police, ...tjorn], validFrom: '2023-01-01', validTo: '2024-12-31' };
      given(agreementDecider, []).when(draft(data)).then([drafted(data)]);
    });

    it('accepts a one-day period', () => {
      given(agreementDecider, []).when(draft({ validTo: '2016-01-01' })).then([drafted({ validTo: '2016-01-01' })]);
    });

    it('refuses to draft the same agreement twice', () => {
      given(agreementDecider, [drafted()]).when(draft()).thenThrows('AGREEMENT_ALREADY_EXISTS');
    });

    it('refuses an empty title', () => {
      given(agreementDecider, []).when(draft({ title: ' ' })).thenThrows('INVALID_AGREEMENT');
    });

    it.each([
      ['no parties', []],
      ['no police party', [habo]],
      ['two local police areas', [police, habo, { ...police, organisationId: 'org-lpo-2' }]],
      ['a duplicate party', [police, habo, habo]],
      ['an unknown kind', [police, habo, { organisationId: 'org-x', kind: 'Region', name: 'X' }]],
      ['a party without a name', [police, { ...habo, name: '' }]],
    ])('refuses %s', (_case, parties) => {
      given(agreementDecider, []).when(draft({ parties: parties as AgreementParty[] })).thenThrows('INVALID_PARTIES');
    });

    it.each([
      ['validTo before validFrom', { validFrom: '2016-01-01', validTo: '2015-12-31' }],
      ['a date that does not exist', { validFrom: '2015-02-29' }],
      ['a malformed date', { validFrom: '2016-1-1' }],
    ])('refuses %s', (_case, period) => {
      given(agreementDecider, []).when(draft(period)).thenThrows('INVALID_PERIOD');
    });
  });

  describe('SignAgreement', () => {
    it('records a signature; one party signing does not activate the agreement', () => {
      given(agreementDecider, [drafted()]).when(sign('org-lpo')).then([signed('org-lpo')]);
    });

    it('activates the agreement when the last party signs, on that signature’s date', () => {
      const kso = { signatory: { name: 'Gunnar Pettersson', title: 'Ordf. kommunstyrelsen Habo kommun', role: null }, signedOn: '2015-12-20' };
      given(agreementDecider, [drafted(), signed('org-lpo')])
        .when(sign('org-habo', kso))
        .then([signed('org-habo', kso), { type: 'AgreementActivated', data: { agreementId: 'agr-1', activatedOn: '2015-12-20' } }]);
    });

    it('with several municipalities, activates only on the last of four signatures', () => {
      const ids = ['org-stenungsund', 'org-orust', 'org-tjorn'];
      const parties = [police, ...ids.map((organisationId): AgreementParty => ({ organisationId, kind: 'Municipality', name: organisationId, requiredSignatoryRoles: [] }))];
      const history = [drafted({ parties }), signed('org-tjorn'), signed('org-lpo')];
      given(agreementDecider, history).when(sign('org-orust')).then([signed('org-orust')]);
      given(agreementDecider, [...history, signed('org-orust')])
        .when(sign('org-stenungsund'))
        .then([signed('org-stenungsund'), { type: 'AgreementActivated', data: { agreementId: 'agr-1', activatedOn: '2015-12-15' } }]);
    });

    it('refuses to sign an agreement that does not exist', () => {
      given(agreementDecider, []).when(sign('org-lpo')).thenThrows('AGREEMENT_NOT_FOUND');
    });

    it('refuses a signature from an organisation that is not a party', () => {
      given(agreementDecider, [drafted()]).when(sign('org-jonkoping')).thenThrows('NOT_A_PARTY');
    });

    it('refuses a second signature by the same party', () => {
      given(agreementDecider, [drafted(), signed('org-lpo')]).when(sign('org-lpo')).thenThrows('ALREADY_SIGNED');
    });

    it('refuses to sign an agreement that is already active', () => {
      const active = [drafted(), signed('org-lpo'), signed('org-habo'), { type: 'AgreementActivated' as const, data: { agreementId: 'agr-1', activatedOn: '2015-12-15' } }];
      given(agreementDecider, active).when(sign('org-habo')).thenThrows('ALREADY_SIGNED');
    });

    it.each([
      ['an empty name', { name: '', title: 'Chef', role: null }],
      ['an empty title', { name: 'Fredrik Lindfors', title: ' ', role: null }],
    ])('refuses a signatory with %s', (_case, signatory) => {
      given(agreementDecider, [drafted()]).when(sign('org-lpo', { signatory })).thenThrows('INVALID_SIGNATORY');
    });

    it('refuses a signing date that is not a calendar date', () => {
      given(agreementDecider, [drafted()]).when(sign('org-lpo', { signedOn: '2015-13-01' })).thenThrows('INVALID_DATE');
    });
  });

  describe('state', () => {
    it('is Draft with signatures collected, then Active', () => {
      const draftState = fold(agreementDecider, [drafted(), signed('org-lpo')]);
      expect(draftState).toMatchObject({ status: 'Draft', validFrom: '2016-01-01', validTo: null, activatedOn: null });
      expect(draftState.status !== 'None' && draftState.signatures.map((s) => s.partyOrganisationId)).toEqual(['org-lpo']);
      const activeState = agreementDecider.evolve(
        agreementDecider.evolve(draftState, signed('org-habo')),
        { type: 'AgreementActivated', data: { agreementId: 'agr-1', activatedOn: '2015-12-15' } },
      );
      expect(activeState).toMatchObject({ status: 'Active', activatedOn: '2015-12-15', parties: [police, habo] });
      expect(draftState).toMatchObject({ status: 'Draft' }); // evolve returned new objects
    });

    it('still reads v1 events (parties without a signatory set, signatures without a role)', () => {
      const v1 = JSON.parse(JSON.stringify([AGREEMENT_DRAFTED_V1, AGREEMENT_SIGNED_V1]));
      const state = fold(agreementDecider, v1);
      expect(state).toMatchObject({ status: 'Draft', version: 1, signatures: [{ signatory: { role: null } }] });
      expect(state.status !== 'None' && state.parties.map((p) => p.requiredSignatoryRoles)).toEqual([[], []]);
      // ... and the v1 agreement still completes with a second, role-less signature.
      const kso = { ...AGREEMENT_SIGNED_V1.data, partyOrganisationId: 'habo-kommun', signatory: { name: 'Gunnar Pettersson', title: 'KSO' } };
      given(agreementDecider, v1).when({ type: 'SignAgreement', data: kso }).then([
        { type: 'AgreementSigned', data: { ...kso, signatory: { ...kso.signatory, role: null } } },
        { type: 'AgreementActivated', data: { agreementId: kso.agreementId, activatedOn: '2015-12-15' } },
      ]);
    });

    it('rejects a stream whose first event is not AgreementDrafted', () => {
      expect(() => fold(agreementDecider, [signed('org-lpo')])).toThrow('AgreementSigned before AgreementDrafted');
    });
  });
});
