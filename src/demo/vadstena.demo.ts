import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ADMIN, demoSender, person } from './demo-sender';

/**
 * Vadstena / LPO Motala: the 2018 promise extended into 2019 with revised
 * activities (safety walks, neighbourhood watch, motorised youth; docs/domain.md).
 * The themes are the document's; wording, dates and counts are illustrative.
 */
export const VADSTENA_IDS = { police: 'lpo-motala', municipality: 'vadstena-kommun', agreement: 'so-vadstena-motala', promise: 'ml-vadstena-2018' } as const;

export async function loadVadstenaDemo(app: NestFastifyApplication): Promise<void> {
  const send = demoSender(app, 'demo-vadstena');
  const { police, municipality, agreement, promise } = VADSTENA_IDS;
  await send(ADMIN, 'registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput', { organisationId: police, name: 'Lokalpolisområde Motala', policeDistrict: 'Östergötland', policeRegion: 'Öst' });
  await send(ADMIN, 'registerMunicipality', 'RegisterMunicipalityInput', { organisationId: municipality, name: 'Vadstena kommun', municipalityCode: '0584' });
  await send(ADMIN, 'recordServedMunicipalities', 'RecordServedMunicipalitiesInput', { organisationId: police, municipalityIds: [municipality] });

  const coordinator = person(municipality, 'coordinator', 'Säkerhetssamordnare Vadstena');
  const policeCoordinator = person(police, 'coordinator', 'Kommunpolis Vadstena');
  await send(coordinator, 'draftAgreement', 'DraftAgreementInput', {
    agreementId: agreement, title: 'Samverkansöverenskommelse Vadstena kommun och Lokalpolisområde Motala', partyIds: [police, municipality], validFrom: '2018-01-01',
    signatorySets: [{ organisationId: police, roles: ['LocalPoliceAreaChief'] }, { organisationId: municipality, roles: ['ExecutiveBoardChair'] }],
  });
  for (const [org, role, title] of [[police, 'LocalPoliceAreaChief', 'Chef Lokalpolisområde Motala'], [municipality, 'ExecutiveBoardChair', 'Kommunstyrelsens ordförande']] as const) {
    await send(person(org, 'signatory', title), 'signAgreement', 'SignAgreementInput', { agreementId: agreement, partyOrganisationId: org, signatoryName: `N.N. (${title})`, signatoryTitle: title, signatoryRole: role, signedOn: '2017-12-12', place: 'Vadstena' });
  }
  await send(coordinator, 'draftPromise', 'DraftPromiseInput', {
    promiseId: promise, agreementId: agreement, title: 'Ett tryggare Vadstena', periodFrom: '2018-01-01', periodTo: '2018-12-31',
    focusAreas: ['Otrygghet i centrala Vadstena', 'Motoriserade ungdomar'],
    plannedActivities: [
      { plannedActivityId: 'trygghetsvandringar', description: 'Trygghetsvandringar i centrum och i bostadsområden', responsibleOrganisationIds: [police, municipality], target: { quantity: 2, per: 'Year', text: 'två per år' } },
      { plannedActivityId: 'grannsamverkan', description: 'Starta fler grannsamverkansområden', responsibleOrganisationIds: [municipality] },
      { plannedActivityId: 'motoriserade-ungdomar', description: 'Kontroller av mopeder och A-traktorer', responsibleOrganisationIds: [police], target: { quantity: 4, per: 'Year', text: 'fyra insatser per år' } },
    ],
  });
  await send(coordinator, 'planFollowUps', 'PlanFollowUpsInput', {
    promiseId: promise, finalReportDueOn: '2019-01-31',
    followUps: [{ followUpId: 'maj-2018', dueOn: '2018-05-31', label: 'Maj' }, { followUpId: 'sep-2018', dueOn: '2018-09-30', label: 'September' }],
  });
  await send(person(municipality, 'signatory', 'Kommunstyrelsens ordförande'), 'adoptPromise', 'AdoptPromiseInput', {
    promiseId: promise, adoptedOn: '2017-12-12', place: 'Vadstena',
    signatories: [{ name: 'N.N. (Chef Lokalpolisområde Motala)', title: 'Chef Lokalpolisområde Motala', organisationId: police }, { name: 'N.N. (Kommunstyrelsens ordförande)', title: 'Kommunstyrelsens ordförande', organisationId: municipality }],
  });
  await send(coordinator, 'publishPromise', 'PublishPromiseInput', { promiseId: promise, publishedOn: '2018-01-10', channels: ['vadstena.se'] });
  await send(coordinator, 'logActivity', 'LogActivityInput', { promiseId: promise, entryId: 'vad-2018-1', date: '2018-04-18', kind: 'SafetyWalk', responsibleOrganisationId: municipality, count: 1, place: 'Vadstena centrum', outcome: 'Sju åtgärdspunkter', plannedActivityId: 'trygghetsvandringar' });
  await send(policeCoordinator, 'logActivity', 'LogActivityInput', { promiseId: promise, entryId: 'vad-2018-2', date: '2018-06-02', kind: 'TrafficCheck', responsibleOrganisationId: police, count: 12, place: 'Hamnen', outcome: 'Tolv mopeder kontrollerade, två rapporter', plannedActivityId: 'motoriserade-ungdomar' });
  await send(coordinator, 'recordFollowUp', 'RecordFollowUpInput', {
    promiseId: promise, followUpId: 'maj-2018', reportedOn: '2018-05-30', summary: 'En trygghetsvandring genomförd; grannsamverkan startad i två områden',
    activityStatuses: [{ plannedActivityId: 'trygghetsvandringar', status: 'OnTrack' }, { plannedActivityId: 'grannsamverkan', status: 'OnTrack' }, { plannedActivityId: 'motoriserade-ungdomar', status: 'NotStarted' }],
    measurements: [], communicatedToCitizens: 'Lägesrapport', communicationChannels: ['vadstena.se'],
  });
  await send(person(municipality, 'signatory', 'Kommunstyrelsens ordförande'), 'submitFinalReport', 'SubmitFinalReportInput', { promiseId: promise, submittedOn: '2019-01-22', summary: 'Två trygghetsvandringar, fyra grannsamverkansområden, mopedkontroller under sommaren' });
  // Extended into 2019 with revised activities: neighbourhood watch is in place, motorised youth get more attention.
  await send(coordinator, 'extendPromise', 'ExtendPromiseInput', {
    promiseId: promise, newPeriodFrom: '2019-01-01', newPeriodTo: '2019-12-31', reason: 'Problembilden är i stort oförändrad; arbetet med motoriserade ungdomar förstärks',
    revisedActivities: [
      { plannedActivityId: 'trygghetsvandringar', description: 'Trygghetsvandringar i centrum och i bostadsområden', responsibleOrganisationIds: [police, municipality], target: { quantity: 2, per: 'Year', text: 'två per år' } },
      { plannedActivityId: 'motoriserade-ungdomar', description: 'Kontroller av mopeder och A-traktorer, även kvällstid', responsibleOrganisationIds: [police], target: { quantity: 6, per: 'Year', text: 'sex insatser per år' } },
      { plannedActivityId: 'foraldramoten', description: 'Föräldramöten om mopedtrimning', responsibleOrganisationIds: [municipality, police] },
    ],
  });
}
