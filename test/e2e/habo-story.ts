/**
 * The Habo story as an end-to-end scenario over GraphQL/HTTP. Exported as a
 * function so it runs against every event store (embedded here, EventStoreDB
 * over gRPC in its own test file).
 */
import { TestApp } from '../support/test-app';
import {
  HABO_ACTIVITIES, HABO_EXTENSION_REASON, HABO_FOCUS_AREAS, HABO_IDS, HABO_LOGGED_ACTIVITIES,
  HABO_PROMISE_TITLE, HABO_RATIONALE, HABO_SIGNATORIES,
} from '../../src/demo/habo-seed';


const AGREEMENT_FIELDS = `id title status validFrom validTo activatedOn
  parties { organisationId kind name signature { signatoryName signatoryTitle signedOn place } }`;
const PROMISE_FIELDS = `id agreementId title status rationale focusAreas partyIds
  period { from to extensionReason } periods { from to extensionReason }
  plannedActivities { id description responsibleOrganisationIds }
  adoption { adoptedOn place signatories { name title organisationId } }`;

/**
 * `suffix` makes the ids unique, for stores that keep data between runs (a real
 * EventStoreDB); list assertions then look only at this run's rows.
 */
export async function walkHaboStory(t: TestApp, suffix = ''): Promise<void> {
  const [police, municipality, agreement, promise] = [HABO_IDS.police, HABO_IDS.municipality, HABO_IDS.agreement, HABO_IDS.promise].map((id) => id + suffix);
  const activities = HABO_ACTIVITIES.map((a) => ({
    ...a,
    responsibleOrganisationIds: a.responsibleOrganisationIds.map((id) => id + suffix),
  }));
  const signatories = { police: { ...HABO_SIGNATORIES.police, organisationId: police }, municipality: { ...HABO_SIGNATORIES.municipality, organisationId: municipality } };
  const logged = HABO_LOGGED_ACTIVITIES.map((e) => ({ ...e, responsibleOrganisationId: e.responsibleOrganisationId + suffix }));
  const org = await t.ok(`mutation($i: RegisterLocalPoliceAreaInput!) { registerLocalPoliceArea(input: $i) { id kind name policeDistrict policeRegion } }`, {
    i: { organisationId: police, name: 'Lokalpolisområde Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst' },
  });
  expect(org.registerLocalPoliceArea).toEqual({ id: police, kind: 'LocalPoliceArea', name: 'Lokalpolisområde Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Öst' });
  await t.ok(`mutation($i: RegisterMunicipalityInput!) { registerMunicipality(input: $i) { id } }`, {
    i: { organisationId: municipality, name: 'Habo kommun', municipalityCode: '0643' },
  });
  const orgs = await t.ok(`{ organisations(kind: Municipality, first: 500) { edges { node { id name municipalityCode } } } }`);
  expect(orgs.organisations.edges.map((e: any) => e.node).filter((o: any) => o.id === municipality)).toEqual([{ id: municipality, name: 'Habo kommun', municipalityCode: '0643' }]);
  expect(orgs.organisations.edges.map((e: any) => e.node.id)).not.toContain(police);

  // Each step is sent by a person who may take it (registration above: the default admin token).
  const coordinator = t.as('coordinator', municipality);
  const drafted = await coordinator.ok(`mutation($i: DraftAgreementInput!) { draftAgreement(input: $i) { ${AGREEMENT_FIELDS} } }`, {
    i: { agreementId: agreement, title: 'Samverkansöverenskommelse Habo', partyIds: [police, municipality], validFrom: '2016-01-01' },
  });
  expect(drafted.draftAgreement).toMatchObject({ status: 'Draft', validTo: null, activatedOn: null });
  expect(drafted.draftAgreement.parties.map((p: any) => [p.organisationId, p.kind, p.signature])).toEqual([
    [police, 'LocalPoliceArea', null],
    [municipality, 'Municipality', null],
  ]);

  const sign = (s: { name: string; title: string; organisationId: string }) =>
    t.as('signatory', s.organisationId).ok(`mutation($i: SignAgreementInput!) { signAgreement(input: $i) { ${AGREEMENT_FIELDS} } }`, {
      i: { agreementId: agreement, partyOrganisationId: s.organisationId, signatoryName: s.name, signatoryTitle: s.title, signedOn: '2015-12-15', place: 'Habo' },
    });
  expect((await sign(signatories.police)).signAgreement.status).toBe('Draft');
  const active = (await sign(signatories.municipality)).signAgreement;
  expect(active).toMatchObject({ status: 'Active', activatedOn: '2015-12-15' });
  expect(active.parties[0].signature).toEqual({ signatoryName: 'Fredrik Lindfors', signatoryTitle: HABO_SIGNATORIES.police.title, signedOn: '2015-12-15', place: 'Habo' });

  const draftedPromise = await coordinator.ok(`mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { ${PROMISE_FIELDS} } }`, {
    i: { promiseId: promise, agreementId: agreement, title: HABO_PROMISE_TITLE, periodFrom: '2016-01-01', periodTo: '2016-12-31', rationale: HABO_RATIONALE, focusAreas: HABO_FOCUS_AREAS, plannedActivities: activities },
  });
  expect(draftedPromise.draftPromise).toMatchObject({ status: 'Draft', agreementId: agreement, focusAreas: HABO_FOCUS_AREAS, partyIds: expect.arrayContaining([police, municipality]) });
  expect(draftedPromise.draftPromise.plannedActivities).toHaveLength(5);

  const adopted = await t.as('signatory', municipality).ok(`mutation($i: AdoptPromiseInput!) { adoptPromise(input: $i) { ${PROMISE_FIELDS} } }`, {
    i: { promiseId: promise, adoptedOn: '2016-12-06', place: 'Habo', signatories: [signatories.police, signatories.municipality] },
  });
  expect(adopted.adoptPromise.status).toBe('Adopted');
  expect(adopted.adoptPromise.adoption).toEqual({ adoptedOn: '2016-12-06', place: 'Habo', signatories: [signatories.police, signatories.municipality] });

  const extended = await coordinator.ok(`mutation($i: ExtendPromiseInput!) { extendPromise(input: $i) { ${PROMISE_FIELDS} } }`, {
    i: { promiseId: promise, newPeriodFrom: '2017-01-01', newPeriodTo: '2017-12-31', reason: HABO_EXTENSION_REASON },
  });
  expect(extended.extendPromise.status).toBe('Extended');
  expect(extended.extendPromise.periods).toEqual([
    { from: '2016-01-01', to: '2016-12-31', extensionReason: null },
    { from: '2017-01-01', to: '2017-12-31', extensionReason: HABO_EXTENSION_REASON },
  ]);

  for (const entry of logged) {
    const logged = await t.as('coordinator', entry.responsibleOrganisationId).ok(`mutation($i: LogActivityInput!) { logActivity(input: $i) { id date kind count outcome plannedActivityId } }`, { i: { promiseId: promise, ...entry } });
    expect(logged.logActivity).toEqual({ id: entry.entryId, date: entry.date, kind: entry.kind, count: entry.count, outcome: entry.outcome, plannedActivityId: entry.plannedActivityId });
  }

  // Reading it back: the promise with its activities, page by page.
  const page1 = await t.ok(`{ promise(id: "${promise}") { status activities(first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`);
  expect(page1.promise.activities.edges.map((e: any) => e.node.id)).toEqual(['logg-2017-01', 'logg-2017-02']);
  expect(page1.promise.activities.pageInfo.hasNextPage).toBe(true);
  const page2 = await t.ok(`query($after: String) { promise(id: "${promise}") { activities(first: 10, after: $after) { edges { node { id } } pageInfo { hasNextPage } } } }`, { after: page1.promise.activities.pageInfo.endCursor });
  expect(page2.promise.activities.edges.map((e: any) => e.node.id)).toEqual(['logg-2017-03', 'logg-2017-04', 'logg-2017-05']);
  expect(page2.promise.activities.pageInfo.hasNextPage).toBe(false);

  // Filters the partner organisations use.
  const dogSearches = await t.ok(`{ activityLog(promiseId: "${promise}", kind: DetectionDogSearch, organisationId: "${police}", from: "2017-01-01", to: "2017-06-30") { edges { node { id place outcome } } } }`);
  expect(dogSearches.activityLog.edges.map((e: any) => e.node)).toEqual([{ id: 'logg-2017-02', place: 'Högstadieskola i Habo', outcome: 'Ett hundsök, ingen narkotika hittades' }]);
  const byYear = (year: number) => t.ok(`{ promises(year: ${year}, municipalityId: "${municipality}", status: Extended) { edges { node { id } } } }`);
  expect((await byYear(2017)).promises.edges).toHaveLength(1);
  expect((await byYear(2016)).promises.edges).toHaveLength(1);
  expect((await byYear(2018)).promises.edges).toHaveLength(0);
  const agreements = await t.ok(`{ agreements(partyId: "${municipality}", status: Active) { edges { node { id } } } }`);
  expect(agreements.agreements.edges.map((e: any) => e.node.id)).toEqual([agreement]);
}
