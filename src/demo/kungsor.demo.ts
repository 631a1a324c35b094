import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ADMIN, demoSender, person } from './demo-sender';

/**
 * Kungsör 2015: youth drug use, night walks "at least two" (docs/domain.md).
 * The target is the document's; other wording and dates are illustrative.
 */
export const KUNGSOR_IDS = { police: 'lpo-koping', municipality: 'kungsors-kommun', agreement: 'so-kungsor-2015', promise: 'ml-kungsor-2015' } as const;

export async function loadKungsorDemo(app: NestFastifyApplication): Promise<void> {
  const send = demoSender(app, 'demo-kungsor');
  const { police, municipality, agreement, promise } = KUNGSOR_IDS;
  await send(ADMIN, 'registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput', { organisationId: police, name: 'Lokalpolisområde Köping', policeDistrict: 'Västmanland', policeRegion: 'Bergslagen' });
  await send(ADMIN, 'registerMunicipality', 'RegisterMunicipalityInput', { organisationId: municipality, name: 'Kungsörs kommun', municipalityCode: '1960' });
  const coordinator = person(municipality, 'coordinator', 'Folkhälsosamordnare Kungsör');
  await send(coordinator, 'draftAgreement', 'DraftAgreementInput', { agreementId: agreement, title: 'Samverkansöverenskommelse Kungsörs kommun och Lokalpolisområde Köping', partyIds: [police, municipality], validFrom: '2015-01-01', validTo: '2015-12-31' });
  for (const [org, title] of [[police, 'Lokalpolisområdeschef'], [municipality, 'Kommunstyrelsens ordförande']] as const) {
    await send(person(org, 'signatory', title), 'signAgreement', 'SignAgreementInput', { agreementId: agreement, partyOrganisationId: org, signatoryName: `N.N. (${title})`, signatoryTitle: title, signedOn: '2015-02-10', place: 'Kungsör' });
  }
  await send(coordinator, 'draftPromise', 'DraftPromiseInput', {
    promiseId: promise, agreementId: agreement, title: 'Minska ungdomars droganvändning', periodFrom: '2015-01-01', periodTo: '2015-12-31', focusAreas: ['Ungdomars droganvändning'],
    plannedActivities: [
      { plannedActivityId: 'nattvandringar', description: 'Nattvandringar med föräldrar och polis', responsibleOrganisationIds: [police, municipality], target: { quantity: 2, per: 'Period', text: 'minst två' },
        indicators: [{ indicatorId: 'andel-provat', name: 'Andel elever i år 9 som provat narkotika', kind: 'Outcome', unit: '%', baseline: 8, target: 6, source: 'CAN-enkät' }] },
    ],
  });
  await send(person(municipality, 'signatory', 'Kommunstyrelsens ordförande'), 'adoptPromise', 'AdoptPromiseInput', {
    promiseId: promise, adoptedOn: '2015-02-10', place: 'Kungsör',
    signatories: [{ name: 'N.N. (Lokalpolisområdeschef)', title: 'Lokalpolisområdeschef', organisationId: police }, { name: 'N.N. (Kommunstyrelsens ordförande)', title: 'Kommunstyrelsens ordförande', organisationId: municipality }],
  });
  await send(coordinator, 'publishPromise', 'PublishPromiseInput', { promiseId: promise, publishedOn: '2015-02-20', channels: ['kungsor.se'] });
  for (const [i, date] of ['2015-05-29', '2015-08-21'].entries()) {
    await send(coordinator, 'logActivity', 'LogActivityInput', { promiseId: promise, entryId: `kungsor-natt-${i + 1}`, date, kind: 'NightWalk', responsibleOrganisationId: municipality, count: 1, place: 'Kungsörs centrum', outcome: 'Lugn kväll', plannedActivityId: 'nattvandringar' });
  }
}
