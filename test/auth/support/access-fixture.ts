import { HABO_IDS, HABO_SIGNATORIES } from '../../../src/demo/habo-seed';
import { loadHaboDemo } from '../../../src/demo/load-habo-demo';
import { TestApp } from '../../support/test-app';

/** Another municipality with its own police area, agreement and adopted promise: the "other organisation". */
export const VADSTENA = { municipality: 'vadstena-kommun', police: 'lpo-motala', agreement: 'so-vadstena', promise: 'ml-vadstena' } as const;

/** Habo's unpublished documents: a draft agreement and draft promises (two of them for tests to adopt and withdraw). */
export const HABO_DRAFTS = { agreement: 'so-habo-draft', promise: 'ml-habo-draft', promiseToAdopt: 'ml-habo-adopt', promiseToWithdraw: 'ml-habo-withdraw' } as const;

const m = (name: string, type: string) => `mutation($i: ${type}!) { ${name}(input: $i) { __typename } }`;

/** The Habo demo, Habo's drafts, and Vadstena's published agreement and promise — each step by someone allowed to take it. */
export async function loadAccessFixture(t: TestApp): Promise<void> {
  await loadHaboDemo(t.app);
  const habo = t.as('coordinator', HABO_IDS.municipality);
  await habo.ok(m('draftAgreement', 'DraftAgreementInput'), {
    i: { agreementId: HABO_DRAFTS.agreement, title: 'Ny överenskommelse (utkast)', partyIds: [HABO_IDS.police, HABO_IDS.municipality], validFrom: '2018-01-01' },
  });
  for (const promiseId of [HABO_DRAFTS.promise, HABO_DRAFTS.promiseToAdopt, HABO_DRAFTS.promiseToWithdraw]) {
    await habo.ok(m('draftPromise', 'DraftPromiseInput'), {
      i: { promiseId, agreementId: HABO_IDS.agreement, title: 'Utkast', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trafik'], plannedActivities: [] },
    });
  }

  await t.ok(m('registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput'), { i: { organisationId: VADSTENA.police, name: 'LPO Motala', policeDistrict: 'Östergötland', policeRegion: 'Öst' } });
  await t.ok(m('registerMunicipality', 'RegisterMunicipalityInput'), { i: { organisationId: VADSTENA.municipality, name: 'Vadstena kommun', municipalityCode: '0584' } });
  const vadstena = t.as('coordinator', VADSTENA.municipality);
  await vadstena.ok(m('draftAgreement', 'DraftAgreementInput'), {
    i: { agreementId: VADSTENA.agreement, title: 'SÖ Vadstena', partyIds: [VADSTENA.police, VADSTENA.municipality], validFrom: '2018-01-01' },
  });
  for (const party of [VADSTENA.police, VADSTENA.municipality]) {
    await t.as('signatory', party).ok(m('signAgreement', 'SignAgreementInput'), {
      i: { agreementId: VADSTENA.agreement, partyOrganisationId: party, signatoryName: 'Underskrift', signatoryTitle: 'Chef', signedOn: '2017-12-01' },
    });
  }
  await vadstena.ok(m('draftPromise', 'DraftPromiseInput'), {
    i: { promiseId: VADSTENA.promise, agreementId: VADSTENA.agreement, title: 'Trygghetsvandringar', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trygghet'], plannedActivities: [] },
  });
  await t.as('signatory', VADSTENA.municipality).ok(m('adoptPromise', 'AdoptPromiseInput'), {
    i: { promiseId: VADSTENA.promise, adoptedOn: '2018-01-15', signatories: [{ name: 'KSO Vadstena', title: 'Ordf.', organisationId: VADSTENA.municipality }] },
  });
}

export { HABO_IDS, HABO_SIGNATORIES };
