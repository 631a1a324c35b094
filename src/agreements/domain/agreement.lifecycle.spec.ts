import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { AgreementCommand, PartyToDraft } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementEvent, AgreementParty } from './agreement.events';

const ID = 'so-tjorn-orust-stenungsund';
const police: AgreementParty = { organisationId: 'lpo-stenungsund', kind: 'LocalPoliceArea', name: 'Lokalpolisområde Stenungsund', requiredSignatoryRoles: ['LocalPoliceAreaChief'] };
const municipality = (organisationId: string): AgreementParty => ({ organisationId, kind: 'Municipality', name: organisationId, requiredSignatoryRoles: ['MunicipalChiefExecutive'] });
const parties = [police, municipality('stenungsund'), municipality('orust'), municipality('tjorn')];

const draft = (overrides: Partial<{ parties: PartyToDraft[]; validTo: string | null }> = {}): AgreementCommand => ({
  type: 'DraftAgreement',
  data: { agreementId: ID, title: 'Samverkansöverenskommelse 2023–2024', parties, validFrom: '2023-01-01', validTo: '2024-12-31', ...overrides },
});
const drafted = (overrides: Partial<{ parties: AgreementParty[]; validTo: string | null }> = {}): AgreementEvent => ({
  type: 'AgreementDrafted',
  data: { agreementId: ID, title: 'Samverkansöverenskommelse 2023–2024', parties, validFrom: '2023-01-01', validTo: '2024-12-31', ...overrides },
});
const sign = (partyOrganisationId: string, role: string | null, signedOn = '2023-02-01'): AgreementCommand => ({
  type: 'SignAgreement',
  data: { agreementId: ID, partyOrganisationId, signatory: { name: `N.N. ${partyOrganisationId}`, title: role ?? 'Okänd', role }, signedOn, place: null },
});
const signed = (partyOrganisationId: string, role: string | null, signedOn = '2023-02-01'): AgreementEvent => ({
  type: 'AgreementSigned',
  data: sign(partyOrganisationId, role, signedOn).data as Extract<AgreementEvent, { type: 'AgreementSigned' }>['data'],
});
const activated: AgreementEvent = { type: 'AgreementActivated', data: { agreementId: ID, activatedOn: '2023-02-01' } };
const active = [
  drafted(),
  signed('lpo-stenungsund', 'LocalPoliceAreaChief'),
  signed('stenungsund', 'MunicipalChiefExecutive'),
  signed('orust', 'MunicipalChiefExecutive'),
  signed('tjorn', 'MunicipalChiefExecutive'),
  activated,
];

describe('agreement parties and signatory sets', () => {
  it('drafts three municipalities with one police area, each with its signatory set', () => {
    given(agreementDecider, []).when(draft()).then([drafted()]);
  });

  it('drafts a police-only agreement and one at city-district level', () => {
    given(agreementDecider, []).when(draft({ parties: [police] })).then([drafted({ parties: [police] })]);
    const district: AgreementParty = { organisationId: 'sd-rinkeby-kista', kind: 'CityDistrict', name: 'Rinkeby-Kista', requiredSignatoryRoles: [] };
    given(agreementDecider, []).when(draft({ parties: [police, district] })).then([drafted({ parties: [police, district] })]);
  });

  it.each([
    ['an unknown role', ['Mayor']],
    ['a police role for a municipality', ['LocalPoliceAreaChief']],
    ['a role asked twice', ['MunicipalChiefExecutive', 'MunicipalChiefExecutive']],
  ])('refuses a signatory set with %s', (_case, roles) => {
    const odd = { ...municipality('orust'), requiredSignatoryRoles: roles };
    given(agreementDecider, []).when(draft({ parties: [police, odd] })).thenThrows('INVALID_SIGNATORY_SET');
  });

  it('activates only when the last required signature of the last party is there (three chief executives and a police chief)', () => {
    given(agreementDecider, active.slice(0, 4)).when(sign('tjorn', 'MunicipalChiefExecutive')).then([signed('tjorn', 'MunicipalChiefExecutive'), activated]);
    given(agreementDecider, active.slice(0, 3)).when(sign('tjorn', 'MunicipalChiefExecutive')).then([signed('tjorn', 'MunicipalChiefExecutive')]);
  });

  it('needs every role of a party that asks for two', () => {
    const habo: AgreementParty = { organisationId: 'habo', kind: 'Municipality', name: 'Habo kommun', requiredSignatoryRoles: ['ExecutiveBoardChair', 'MunicipalChiefExecutive'] };
    const history = [drafted({ parties: [police, habo] }), signed('lpo-stenungsund', 'LocalPoliceAreaChief')];
    given(agreementDecider, history).when(sign('habo', 'ExecutiveBoardChair')).then([signed('habo', 'ExecutiveBoardChair')]);
    given(agreementDecider, [...history, signed('habo', 'ExecutiveBoardChair')]).when(sign('habo', 'MunicipalChiefExecutive')).then([
      signed('habo', 'MunicipalChiefExecutive'),
      activated,
    ]);
    given(agreementDecider, [...history, signed('habo', 'ExecutiveBoardChair')]).when(sign('habo', 'ExecutiveBoardChair')).thenThrows('ALREADY_SIGNED');
  });

  it('refuses a signature through a role the party was not asked for, or without a role', () => {
    given(agreementDecider, [drafted()]).when(sign('orust', 'ExecutiveBoardChair')).thenThrows('SIGNATORY_ROLE_NOT_REQUIRED');
    given(agreementDecider, [drafted()]).when(sign('orust', null)).thenThrows('SIGNATORY_ROLE_NOT_REQUIRED');
  });

  it('refuses to sign a draft that was abandoned', () => {
    const abandoned: AgreementEvent = { type: 'AgreementTerminated', data: { agreementId: ID, terminatedOn: '2023-01-15', reason: 'Ersatt av nytt utkast' } };
    given(agreementDecider, [drafted(), abandoned]).when(sign('orust', 'MunicipalChiefExecutive')).thenThrows('AGREEMENT_NOT_DRAFT');
  });
});

describe('ReviseAgreement', () => {
  const revise = (data: Partial<{ reason: string; title: string; validTo: string | null; revisedOn: string }> = {}): AgreementCommand => ({
    type: 'ReviseAgreement',
    data: { agreementId: ID, revisedOn: '2023-09-01', reason: 'Styrgruppen lade till trafik', title: 'Samverkansöverenskommelse 2023–2024 (rev. 1)', validFrom: '2023-01-01', validTo: '2024-12-31', ...data },
  });
  const revised = (version: number): AgreementEvent => ({ type: 'AgreementRevised', data: { ...(revise().data as object), version } as never });

  it('makes version 2, then 3; the state carries the newest text', () => {
    given(agreementDecider, active).when(revise()).then([revised(2)]);
    given(agreementDecider, [...active, revised(2)]).when(revise()).then([revised(3)]);
    expect(fold(agreementDecider, [...active, revised(2)])).toMatchObject({ version: 2, title: 'Samverkansöverenskommelse 2023–2024 (rev. 1)', status: 'Active' });
  });

  it('refuses a draft, an unknown agreement, an empty reason or title and a bad period', () => {
    given(agreementDecider, [drafted()]).when(revise()).thenThrows('AGREEMENT_NOT_ACTIVE');
    given(agreementDecider, []).when(revise()).thenThrows('AGREEMENT_NOT_FOUND');
    given(agreementDecider, active).when(revise({ reason: ' ' })).thenThrows('INVALID_REASON');
    given(agreementDecider, active).when(revise({ title: '' })).thenThrows('INVALID_AGREEMENT');
    given(agreementDecider, active).when(revise({ validTo: '2022-12-31' })).thenThrows('INVALID_PERIOD');
    given(agreementDecider, active).when(revise({ revisedOn: '2023-02-30' })).thenThrows('INVALID_DATE');
  });
});

describe('ExtendAgreement', () => {
  const extend = (newValidTo = '2025-12-31'): AgreementCommand => ({
    type: 'ExtendAgreement',
    data: { agreementId: ID, extendedOn: '2024-11-01', newValidTo, reason: 'Oförändrad problembild' },
  });

  it('moves the end date and remembers the previous one', () => {
    const event: AgreementEvent = { type: 'AgreementExtended', data: { agreementId: ID, extendedOn: '2024-11-01', previousValidTo: '2024-12-31', newValidTo: '2025-12-31', reason: 'Oförändrad problembild' } };
    given(agreementDecider, active).when(extend()).then([event]);
    expect(fold(agreementDecider, [...active, event])).toMatchObject({ validTo: '2025-12-31' });
  });

  it('refuses an end that is not later, an open-ended agreement and a draft', () => {
    given(agreementDecider, active).when(extend('2024-12-31')).thenThrows('EXTENSION_MUST_LENGTHEN');
    given(agreementDecider, [drafted({ validTo: null }), ...active.slice(1)]).when(extend()).thenThrows('AGREEMENT_OPEN_ENDED');
    given(agreementDecider, [drafted()]).when(extend()).thenThrows('AGREEMENT_NOT_ACTIVE');
    given(agreementDecider, active).when(extend('2025-13-01')).thenThrows('INVALID_DATE');
  });
});

describe('TerminateAgreement and SupersedeAgreement', () => {
  const terminate: AgreementCommand = { type: 'TerminateAgreement', data: { agreementId: ID, terminatedOn: '2024-06-30', reason: 'Kommunerna går vidare var för sig' } };
  const terminated: AgreementEvent = { type: 'AgreementTerminated', data: terminate.data as never };
  const supersede = (successor: { agreementId: string; status: string }): AgreementCommand => ({
    type: 'SupersedeAgreement',
    data: { agreementId: ID, successor, supersededOn: '2025-01-01' },
  });

  it('terminates an active agreement, or abandons a draft, with reason and date', () => {
    given(agreementDecider, active).when(terminate).then([terminated]);
    given(agreementDecider, [drafted()]).when(terminate).then([terminated]);
    expect(fold(agreementDecider, [...active, terminated])).toMatchObject({ status: 'Terminated', ending: { kind: 'Terminated', on: '2024-06-30' } });
  });

  it('refuses to end an agreement twice and needs a reason', () => {
    given(agreementDecider, [...active, terminated]).when(terminate).thenThrows('AGREEMENT_ENDED');
    given(agreementDecider, active).when({ ...terminate, data: { ...terminate.data, reason: '' } } as AgreementCommand).thenThrows('INVALID_REASON');
  });

  it('is superseded by a newer active agreement', () => {
    const event: AgreementEvent = { type: 'AgreementSuperseded', data: { agreementId: ID, supersededBy: 'so-2025', supersededOn: '2025-01-01' } };
    given(agreementDecider, active).when(supersede({ agreementId: 'so-2025', status: 'Active' })).then([event]);
    expect(fold(agreementDecider, [...active, event])).toMatchObject({ status: 'Superseded', ending: { supersededBy: 'so-2025' } });
    given(agreementDecider, [...active, event]).when(terminate).thenThrows('AGREEMENT_ENDED');
  });

  it('refuses itself, a successor that is not active (or missing), and an agreement not in force', () => {
    given(agreementDecider, active).when(supersede({ agreementId: ID, status: 'Active' })).thenThrows('CANNOT_SUPERSEDE_ITSELF');
    given(agreementDecider, active).when(supersede({ agreementId: 'so-2025', status: 'Draft' })).thenThrows('SUCCESSOR_NOT_ACTIVE');
    given(agreementDecider, active).when(supersede({ agreementId: 'so-2025', status: 'None' })).thenThrows('SUCCESSOR_NOT_ACTIVE');
    given(agreementDecider, [drafted()]).when(supersede({ agreementId: 'so-2025', status: 'Active' })).thenThrows('AGREEMENT_NOT_ACTIVE');
  });
});
