import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ADMIN, demoSender, person } from './demo-sender';

/**
 * Stenungsund, Orust and Tjörn with one local police area, 2023–24: one
 * agreement, three municipal chief executives and one police chief signing
 * (docs/domain.md). The signing structure is the document's; names, dates and
 * the promise's wording are illustrative, since domain.md does not give them.
 */
export const SOT_IDS = {
  police: 'lpo-stenungsund', stenungsund: 'stenungsunds-kommun', orust: 'orust-kommun', tjorn: 'tjorn-kommun',
  agreement: 'so-stenungsund-orust-tjorn-2023', promise: 'ml-stenungsund-orust-tjorn-2023',
} as const;

export async function loadStenungsundOrustTjornDemo(app: NestFastifyApplication): Promise<void> {
  const send = demoSender(app, 'demo-stenungsund-orust-tjorn');
  const { police, stenungsund, orust, tjorn, agreement, promise } = SOT_IDS;
  const municipalities = [[stenungsund, 'Stenungsunds kommun', '1415'], [orust, 'Orust kommun', '1421'], [tjorn, 'Tjörns kommun', '1419']] as const;

  await send(ADMIN, 'registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput', { organisationId: police, name: 'Lokalpolisområde Stenungsund', policeDistrict: 'Fyrbodal', policeRegion: 'Väst' });
  for (const [id, name, code] of municipalities) await send(ADMIN, 'registerMunicipality', 'RegisterMunicipalityInput', { organisationId: id, name, municipalityCode: code });
  await send(ADMIN, 'recordServedMunicipalities', 'RecordServedMunicipalitiesInput', { organisationId: police, municipalityIds: municipalities.map(([id]) => id) });

  const coordinator = person(stenungsund, 'coordinator', 'Brottsförebyggande samordnare Stenungsund');
  await send(coordinator, 'draftAgreement', 'DraftAgreementInput', {
    agreementId: agreement, title: 'Samverkansöverenskommelse Stenungsund, Orust och Tjörn med Lokalpolisområde Stenungsund 2023–2024',
    partyIds: [police, stenungsund, orust, tjorn], validFrom: '2023-01-01', validTo: '2024-12-31',
    signatorySets: [{ organisationId: police, roles: ['LocalPoliceAreaChief'] }, ...municipalities.map(([id]) => ({ organisationId: id, roles: ['MunicipalChiefExecutive'] }))],
  });
  const signers = [[police, 'LocalPoliceAreaChief', 'Lokalpolisområdeschef'], ...municipalities.map(([id, name]) => [id, 'MunicipalChiefExecutive', `Kommundirektör, ${name}`])];
  for (const [org, role, title] of signers) {
    await send(person(org, 'signatory', title), 'signAgreement', 'SignAgreementInput', {
      agreementId: agreement, partyOrganisationId: org, signatoryName: `N.N. (${title})`, signatoryTitle: title, signatoryRole: role, signedOn: '2023-02-15', place: 'Stenungsund',
    });
  }
  await send(coordinator, 'draftPromise', 'DraftPromiseInput', {
    promiseId: promise, agreementId: agreement, title: 'Trygghet för unga i Stenungsund, Orust och Tjörn', periodFrom: '2023-01-01', periodTo: '2024-12-31',
    focusAreas: ['Unga i riskmiljöer', 'Trygghet i centrummiljöer'],
    plannedActivities: [
      { plannedActivityId: 'trygghetsvandringar', description: 'Trygghetsvandringar i varje kommun', responsibleOrganisationIds: [police, stenungsund, orust, tjorn], target: { quantity: 3, per: 'Year', text: 'minst tre per år, en i varje kommun' } },
      { plannedActivityId: 'sspf', description: 'SSPF-möten (skola, socialtjänst, polis, fritid)', responsibleOrganisationIds: [police, stenungsund], target: { quantity: 10, per: 'Year', text: 'tio per år' } },
    ],
  });
  await send(coordinator, 'planFollowUps', 'PlanFollowUpsInput', {
    promiseId: promise, finalReportDueOn: '2025-01-31',
    followUps: ['2023-04-30', '2023-08-31', '2023-12-31', '2024-04-30', '2024-08-31', '2024-12-31'].map((dueOn, i) => ({ followUpId: `tertial-${i + 1}`, dueOn, label: `Tertial ${(i % 3) + 1} ${dueOn.slice(0, 4)}` })),
  });
  await send(person(tjorn, 'signatory', 'Kommundirektör, Tjörns kommun'), 'adoptPromise', 'AdoptPromiseInput', {
    promiseId: promise, adoptedOn: '2023-02-15', place: 'Stenungsund',
    signatories: signers.map(([org, , title]) => ({ name: `N.N. (${title})`, title, organisationId: org })),
  });
  await send(coordinator, 'publishPromise', 'PublishPromiseInput', { promiseId: promise, publishedOn: '2023-03-01', channels: ['stenungsund.se', 'orust.se', 'tjorn.se'] });
  for (const [i, [org, date]] of ([[stenungsund, '2023-04-12'], [orust, '2023-05-09'], [tjorn, '2023-09-20']] as const).entries()) {
    await send(person(org, 'coordinator', 'Samordnare'), 'logActivity', 'LogActivityInput', {
      promiseId: promise, entryId: `sot-vandring-${i + 1}`, date, kind: 'SafetyWalk', responsibleOrganisationId: org, count: 1, place: 'Centrum', outcome: 'Belysning och buskage åtgärdslistade', plannedActivityId: 'trygghetsvandringar', hours: 3,
    });
  }
}
