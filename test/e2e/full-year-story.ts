/**
 * A full year over GraphQL/HTTP, each step sent by the person who would take it:
 * organisations and people → situation assessment → agreement with signatory
 * sets → promise with targets → publication → activities (and a correction) →
 * two follow-ups → final report → extension with revised activities; plus a
 * revision of the agreement. Exported so other tests can build on the result.
 */
import { TestApp } from '../support/test-app';

export const IDS = {
  region: 'region-ost', district: 'po-jonkoping', police: 'lpo-sodra-vb', municipality: 'habo', agreement: 'so-habo-2017',
  assessment: 'lagesbild-habo-2017', promise: 'ml-habo-2017',
} as const;
const { region, district, police, municipality, agreement, assessment, promise } = IDS;

const PROMISE_FIELDS = `id status publishedOn publicationChannels completedOn assessmentId focusAreaIds
  period { from to extensionReason } periods { from to extensionReason }
  plannedActivities { id description target { quantity per text } indicators { indicatorId kind unit baseline target } }
  followUps { id label dueOn reportedOn summary activityStatuses { plannedActivityId status } measurements { indicatorId value } communicatedToCitizens communicationChannels }
  finalReports { periodFrom periodTo dueOn submittedOn summary }`;

const m = (name: string, input: string, fields = 'id') => `mutation($i: ${input}!) { ${name}(input: $i) { ${fields} } }`;

export async function setUpOrganisations(t: TestApp) {
  await t.ok(m('registerPoliceRegion', 'RegisterPoliceRegionInput'), { i: { organisationId: region, name: 'Polisregion Öst' } });
  await t.ok(m('registerPoliceDistrict', 'RegisterChildOrganisationInput'), { i: { organisationId: district, name: 'Polisområde Jönköpings län', parentId: region } });
  const lpo = await t.ok(m('registerLocalPoliceArea', 'RegisterLocalPoliceAreaInput', 'id kind parentId'), {
    i: { organisationId: police, name: 'Lokalpolisområde Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst', policeDistrictId: district },
  });
  expect(lpo.registerLocalPoliceArea).toEqual({ id: police, kind: 'LocalPoliceArea', parentId: district });
  await t.ok(m('registerMunicipality', 'RegisterMunicipalityInput'), { i: { organisationId: municipality, name: 'Habo kommun', municipalityCode: '0643' } });
  await t.ok(m('recordServedMunicipalities', 'RecordServedMunicipalitiesInput'), { i: { organisationId: police, municipalityIds: [municipality] } });
  await t.ok(m('appointPerson', 'AppointPersonInput'), { i: { organisationId: police, personId: 'p-chef', name: 'Fredrik Lindfors', role: 'LocalPoliceAreaChief', appointedOn: '2015-01-01' } });
  await t.ok(m('appointPerson', 'AppointPersonInput'), { i: { organisationId: municipality, personId: 'p-kso', name: 'Gunnar Pettersson', role: 'ExecutiveBoardChair', appointedOn: '2015-01-01' } });
  const wrongSide = await t.gql(m('appointPerson', 'AppointPersonInput'), { i: { organisationId: municipality, name: 'N.N.', role: 'MunicipalPoliceOfficer', appointedOn: '2015-01-01' } });
  expect(wrongSide.errors?.[0]?.extensions?.code).toBe('ROLE_NOT_FOR_ORGANISATION');
  const tree = await t.ok(`{ organisations(parentId: "${district}") { edges { node { id servedMunicipalityIds people { name role } } } } }`);
  expect(tree.organisations.edges.map((e: any) => e.node)).toEqual([{ id: police, servedMunicipalityIds: [municipality], people: [{ name: 'Fredrik Lindfors', role: 'LocalPoliceAreaChief' }] }]);
}

export async function signAgreement(t: TestApp) {
  const coordinator = t.as('coordinator', municipality);
  await coordinator.ok(m('draftAgreement', 'DraftAgreementInput'), {
    i: {
      agreementId: agreement, title: 'Samverkansöverenskommelse Habo 2017', partyIds: [police, municipality], validFrom: '2017-01-01', validTo: '2019-12-31',
      signatorySets: [{ organisationId: police, roles: ['LocalPoliceAreaChief'] }, { organisationId: municipality, roles: ['ExecutiveBoardChair'] }],
    },
  });
  const sign = (org: string, name: string, role: string) =>
    t.as('signatory', org).ok(m('signAgreement', 'SignAgreementInput', 'status parties { requiredSignatoryRoles signatures { signatoryName role } }'), {
      i: { agreementId: agreement, partyOrganisationId: org, signatoryName: name, signatoryTitle: role, signatoryRole: role, signedOn: '2016-11-30', place: 'Habo' },
    });
  expect((await sign(police, 'Fredrik Lindfors', 'LocalPoliceAreaChief')).signAgreement.status).toBe('Draft');
  const active = (await sign(municipality, 'Gunnar Pettersson', 'ExecutiveBoardChair')).signAgreement;
  expect(active.status).toBe('Active');
  expect(active.parties[1]).toEqual({ requiredSignatoryRoles: ['ExecutiveBoardChair'], signatures: [{ signatoryName: 'Gunnar Pettersson', role: 'ExecutiveBoardChair' }] });
}

export async function assess(t: TestApp) {
  const coordinator = t.as('coordinator', municipality);
  await coordinator.ok(m('startAssessment', 'StartAssessmentInput'), { i: { assessmentId: assessment, title: 'Gemensam lägesbild Habo 2017', agreementId: agreement, periodFrom: '2017-01-01', periodTo: '2017-12-31' } });
  await coordinator.ok(m('addAssessmentSource', 'AddAssessmentSourceInput'), { i: { assessmentId: assessment, sourceId: 'src-enkat', kind: 'SafetySurvey', summary: 'Oro för droger bland unga', providedByOrganisationId: municipality } });
  await t.as('coordinator', police).ok(m('addAssessmentSource', 'AddAssessmentSourceInput'), { i: { assessmentId: assessment, sourceId: 'src-brott', kind: 'ReportedCrime', summary: 'Narkotikabrott bland unga ökar', providedByOrganisationId: police } });
  await coordinator.ok(m('identifyProblem', 'IdentifyProblemInput'), { i: { assessmentId: assessment, problemId: 'prob-droger', description: 'Ungdomar och narkotika', causeAnalysis: 'Tillgång via sociala medier' } });
  await coordinator.ok(m('prioritiseFocusAreas', 'PrioritiseFocusAreasInput'), { i: { assessmentId: assessment, focusAreas: [{ focusAreaId: 'fa-drogfri', name: 'Drogfri miljö för barn och ungdomar', problemIds: ['prob-droger'] }] } });
  const done = await coordinator.ok(m('completeAssessment', 'CompleteAssessmentInput', 'status sources { kind } problems { causeAnalysis } focusAreas { id priority }'), { i: { assessmentId: assessment, completedOn: '2016-11-15' } });
  expect(done.completeAssessment).toEqual({ status: 'Completed', sources: [{ kind: 'SafetySurvey' }, { kind: 'ReportedCrime' }], problems: [{ causeAnalysis: 'Tillgång via sociala medier' }], focusAreas: [{ id: 'fa-drogfri', priority: 1 }] });
}

export const DOG_SEARCHES = {
  plannedActivityId: 'pa-hundsok', description: 'Polisen utför hundsök i skolor', responsibleOrganisationIds: [police],
  target: { quantity: 4, per: 'Year', text: 'minst fyra gånger per år' },
  indicators: [{ indicatorId: 'ind-sok', name: 'Genomförda hundsök', kind: 'Output', unit: 'st', baseline: 2, target: 4, source: 'Polisens logg' }],
};

export async function adoptAndPublish(t: TestApp) {
  const coordinator = t.as('coordinator', municipality);
  await coordinator.ok(m('draftPromise', 'DraftPromiseInput'), {
    i: {
      promiseId: promise, agreementId: agreement, title: 'Drogfri miljö för barn och ungdomar', periodFrom: '2017-01-01', periodTo: '2017-12-31',
      focusAreas: ['Drogfri miljö för barn och ungdomar'],
      plannedActivities: [DOG_SEARCHES, { plannedActivityId: 'pa-sspf', description: 'Strategiträffar (SSPF)', responsibleOrganisationIds: [police, municipality] }],
    },
  });
  await coordinator.ok(m('linkFocusAreas', 'LinkFocusAreasInput'), { i: { promiseId: promise, assessmentId: assessment, focusAreaIds: ['fa-drogfri'] } });
  await coordinator.ok(m('planFollowUps', 'PlanFollowUpsInput'), {
    i: { promiseId: promise, followUps: [{ followUpId: 'maj', dueOn: '2017-05-31', label: 'Maj' }, { followUpId: 'sep', dueOn: '2017-09-30', label: 'September' }], finalReportDueOn: '2018-01-31' },
  });
  await t.as('signatory', municipality).ok(m('adoptPromise', 'AdoptPromiseInput'), {
    i: { promiseId: promise, adoptedOn: '2016-12-06', place: 'Habo', signatories: [{ name: 'Fredrik Lindfors', title: 'Chef LPO', organisationId: police }, { name: 'Gunnar Pettersson', title: 'KSO', organisationId: municipality }] },
  });
  const published = await coordinator.ok(m('publishPromise', 'PublishPromiseInput', PROMISE_FIELDS), { i: { promiseId: promise, publishedOn: '2016-12-10', channels: ['habo.se'] } });
  expect(published.publishPromise).toMatchObject({
    status: 'Published', publishedOn: '2016-12-10', publicationChannels: ['habo.se'], assessmentId: assessment, focusAreaIds: ['fa-drogfri'],
    plannedActivities: [{ id: 'pa-hundsok', target: { quantity: 4, per: 'Year', text: 'minst fyra gånger per år' }, indicators: [{ indicatorId: 'ind-sok', kind: 'Output', unit: 'st', baseline: 2, target: 4 }] }, { id: 'pa-sspf', target: null, indicators: [] }],
    followUps: [{ id: 'maj', dueOn: '2017-05-31', reportedOn: null }, { id: 'sep', dueOn: '2017-09-30', reportedOn: null }],
    finalReports: [{ periodFrom: '2017-01-01', dueOn: '2018-01-31', submittedOn: null }],
  });
}

export const logSearch = (t: TestApp, entryId: string, date: string, extra: Record<string, unknown> = {}) =>
  t.as('coordinator', police).ok(m('logActivity', 'LogActivityInput', 'id count hours cost'), {
    i: { promiseId: promise, entryId, date, kind: 'DetectionDogSearch', responsibleOrganisationId: police, count: 1, plannedActivityId: 'pa-hundsok', notes: 'Rektor informerad', ...extra },
  });

export async function carryOutTheYear(t: TestApp) {
  const coordinator = t.as('coordinator', municipality);
  expect((await logSearch(t, 'sok-1', '2017-03-14', { hours: 3.5, cost: 0 })).logActivity).toEqual({ id: 'sok-1', count: 1, hours: 3.5, cost: 0 });
  await logSearch(t, 'sok-2', '2017-04-20', { count: 3 });
  // Logged as three by mistake: the correction supersedes it; both stay readable.
  const fixed = await t.as('coordinator', police).ok(m('correctActivity', 'CorrectActivityInput', 'id count correctsEntryId correctionReason'), {
    i: { promiseId: promise, entryId: 'sok-2b', correctsEntryId: 'sok-2', reason: 'Ett sök, inte tre', date: '2017-04-20', kind: 'DetectionDogSearch', responsibleOrganisationId: police, count: 1, plannedActivityId: 'pa-hundsok' },
  });
  expect(fixed.correctActivity).toEqual({ id: 'sok-2b', count: 1, correctsEntryId: 'sok-2', correctionReason: 'Ett sök, inte tre' });
  const history = await t.ok(`{ activityLog(promiseId: "${promise}", includeSuperseded: true) { edges { node { id supersededBy } } } }`);
  expect(history.activityLog.edges.map((e: any) => e.node)).toEqual([{ id: 'sok-1', supersededBy: null }, { id: 'sok-2', supersededBy: 'sok-2b' }, { id: 'sok-2b', supersededBy: null }]);

  const progress = async (today: string) =>
    (await t.ok(`{ promise(id: "${promise}") { progress(today: "${today}") { onTrack behind activities { plannedActivityId target logged expectedByNow status } } } }`)).promise.progress;
  expect(await progress('2017-06-30')).toMatchObject({ onTrack: true, activities: [{ plannedActivityId: 'pa-hundsok', target: 4, logged: 2, status: 'OnTrack' }, { plannedActivityId: 'pa-sspf', status: 'NoTarget' }] });
  expect(await progress('2017-12-31')).toMatchObject({ onTrack: false, behind: 1, activities: [{ logged: 2, expectedByNow: 4, status: 'Behind' }, {}] });

  await coordinator.ok(m('recordFollowUp', 'RecordFollowUpInput'), {
    i: { promiseId: promise, followUpId: 'maj', reportedOn: '2017-05-30', summary: 'Två hundsök, inga fynd', activityStatuses: [{ plannedActivityId: 'pa-hundsok', status: 'OnTrack' }], measurements: [{ indicatorId: 'ind-sok', value: 2, measuredOn: '2017-05-30' }], communicatedToCitizens: 'Lägesrapport om medborgarlöftet', communicationChannels: ['habo.se'] },
  });
  await logSearch(t, 'sok-3', '2017-09-05');
  await logSearch(t, 'sok-4', '2017-11-20');
  const september = await coordinator.ok(m('recordFollowUp', 'RecordFollowUpInput', PROMISE_FIELDS), {
    i: { promiseId: promise, followUpId: 'sep', reportedOn: '2017-09-29', summary: 'Tre hundsök', activityStatuses: [{ plannedActivityId: 'pa-hundsok', status: 'OnTrack' }, { plannedActivityId: 'pa-sspf', status: 'Done' }], measurements: [], communicatedToCitizens: 'Artikel', communicationChannels: ['Jönköpings-Posten'] },
  });
  expect(september.recordFollowUp.followUps.map((f: any) => [f.id, f.reportedOn])).toEqual([['maj', '2017-05-30'], ['sep', '2017-09-29']]);
  expect((await progress('2017-12-31')).activities[0]).toMatchObject({ logged: 4, status: 'Done' });
}

export async function reportAndExtend(t: TestApp) {
  const deadlines = async (today: string) =>
    (await t.as('coordinator', municipality).ok(`{ deadlines(today: "${today}", withinDays: 30, promiseId: "${promise}") { edges { node { kind dueOn overdue daysLeft } } } }`)).deadlines.edges.map((e: any) => e.node);
  expect(await deadlines('2018-01-15')).toEqual([
    { kind: 'MissingFinalReport', dueOn: '2018-01-01', overdue: true, daysLeft: -14 },
    { kind: 'FinalReport', dueOn: '2018-01-31', overdue: false, daysLeft: 16 },
  ]);
  const early = await t.as('signatory', municipality).gql(m('submitFinalReport', 'SubmitFinalReportInput'), { i: { promiseId: promise, submittedOn: '2017-12-20', summary: 'För tidigt' } });
  expect(early.errors?.[0]?.extensions?.code).toBe('FINAL_REPORT_BEFORE_PERIOD_END');
  await t.as('signatory', municipality).ok(m('submitFinalReport', 'SubmitFinalReportInput'), { i: { promiseId: promise, submittedOn: '2018-01-25', summary: 'Fyra hundsök, inga fynd; strategiträffar varje månad' } });
  expect(await deadlines('2018-01-26')).toEqual([]);

  const extended = await t.as('coordinator', municipality).ok(m('extendPromise', 'ExtendPromiseInput', PROMISE_FIELDS), {
    i: {
      promiseId: promise, newPeriodFrom: '2018-01-01', newPeriodTo: '2018-12-31', reason: 'Oförändrad problembild',
      revisedActivities: [{ ...DOG_SEARCHES, target: { quantity: 6, per: 'Year', text: 'minst sex gånger per år' } }, { plannedActivityId: 'pa-trafik', description: 'Moped- och A-traktorkontroller', responsibleOrganisationIds: [police] }],
    },
  });
  expect(extended.extendPromise).toMatchObject({
    status: 'Extended', period: { from: '2018-01-01', to: '2018-12-31', extensionReason: 'Oförändrad problembild' },
    plannedActivities: [{ id: 'pa-hundsok', target: { quantity: 6 } }, { id: 'pa-trafik' }],
    finalReports: [{ periodFrom: '2017-01-01', submittedOn: '2018-01-25' }],
  });
}

export async function reviseTheAgreement(t: TestApp) {
  const revised = await t.as('signatory', police).ok(m('reviseAgreement', 'ReviseAgreementInput', 'version title validTo versions { version title validTo revisedOn reason }'), {
    i: { agreementId: agreement, revisedOn: '2018-03-01', reason: 'Styrgruppen lade till trafik', title: 'Samverkansöverenskommelse Habo 2017–2019 (rev. 1)', validFrom: '2017-01-01', validTo: '2019-12-31' },
  });
  expect(revised.reviseAgreement).toEqual({
    version: 2, title: 'Samverkansöverenskommelse Habo 2017–2019 (rev. 1)', validTo: '2019-12-31',
    versions: [
      { version: 1, title: 'Samverkansöverenskommelse Habo 2017', validTo: '2019-12-31', revisedOn: null, reason: null },
      { version: 2, title: 'Samverkansöverenskommelse Habo 2017–2019 (rev. 1)', validTo: '2019-12-31', revisedOn: '2018-03-01', reason: 'Styrgruppen lade till trafik' },
    ],
  });
  const extendedAgreement = await t.as('coordinator', municipality).ok(m('extendAgreement', 'ExtendAgreementInput', 'validTo extendedOn extensionReason'), {
    i: { agreementId: agreement, extendedOn: '2019-10-01', newValidTo: '2020-12-31', reason: 'Förlängs ett år' },
  });
  expect(extendedAgreement.extendAgreement).toEqual({ validTo: '2020-12-31', extendedOn: '2019-10-01', extensionReason: 'Förlängs ett år' });
  const expiring = await t.as('coordinator', municipality).ok(`{ deadlines(today: "2020-12-01", withinDays: 45, kinds: [AgreementExpiry]) { edges { node { kind agreementId dueOn } } } }`);
  expect(expiring.deadlines.edges.map((e: any) => e.node)).toEqual([{ kind: 'AgreementExpiry', agreementId: agreement, dueOn: '2020-12-31' }]);
}

/** The remaining lifecycle events: a person leaves, a city district, an abandoned draft, a successor agreement, completion. */
export async function endTheStory(t: TestApp) {
  await t.ok(m('removePerson', 'RemovePersonInput'), { i: { organisationId: police, personId: 'p-chef', removedOn: '2018-06-30', reason: 'Ny tjänst' } });
  await t.ok(m('registerCityDistrict', 'RegisterChildOrganisationInput'), { i: { organisationId: 'habo-centrum', name: 'Habo centrum', parentId: municipality } });
  const coordinator = t.as('coordinator', municipality);
  const draft = (agreementId: string) =>
    coordinator.ok(m('draftAgreement', 'DraftAgreementInput'), { i: { agreementId, title: `Överenskommelse ${agreementId}`, partyIds: [police, municipality], validFrom: '2021-01-01' } });
  await draft('so-utkast');
  await coordinator.ok(m('terminateAgreement', 'TerminateAgreementInput'), { i: { agreementId: 'so-utkast', terminatedOn: '2020-11-01', reason: 'Ersatt av nytt utkast' } });
  await draft('so-habo-2021');
  for (const org of [police, municipality]) {
    await t.as('signatory', org).ok(m('signAgreement', 'SignAgreementInput'), { i: { agreementId: 'so-habo-2021', partyOrganisationId: org, signatoryName: 'N.N.', signatoryTitle: 'Firmatecknare', signedOn: '2020-12-15' } });
  }
  const superseded = await coordinator.ok(m('supersedeAgreement', 'SupersedeAgreementInput', 'status supersededBy endedOn'), { i: { agreementId: IDS.agreement, supersededBy: 'so-habo-2021', supersededOn: '2021-01-01' } });
  expect(superseded.supersedeAgreement).toEqual({ status: 'Superseded', supersededBy: 'so-habo-2021', endedOn: '2021-01-01' });
  await t.as('signatory', municipality).ok(m('submitFinalReport', 'SubmitFinalReportInput'), { i: { promiseId: promise, submittedOn: '2019-01-20', summary: 'Slutrapport 2018' } });
  const completed = await coordinator.ok(m('completePromise', 'CompletePromiseInput', 'status completedOn'), { i: { promiseId: promise, completedOn: '2019-02-01' } });
  expect(completed.completePromise).toEqual({ status: 'Completed', completedOn: '2019-02-01' });
}
