import { startTestApp, TestApp } from '../support/test-app';
import { adoptAndPublish, assess, carryOutTheYear, IDS, reportAndExtend, setUpOrganisations, signAgreement } from './full-year-story';

const PUBLIC = `{ publicPromises(municipalityId: "${IDS.municipality}") { edges { node {
  id title status period { from to } focusAreas adoptedOn adoptedPlace publishedOn publicationChannels
  plannedActivities { id description target { quantity per text } indicators { name unit baseline target } }
  activities(first: 50) { edges { node { id date kind count place outcome } } }
  followUps { label reportedOn summary activityStatuses { plannedActivityId status } measurements { indicatorId value } communicatedToCitizens communicationChannels }
  finalReports { periodFrom submittedOn summary }
} } } }`;

/** Everything a citizen can read, without signing in, and nothing that names a person. */
describe('the public view', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (const step of [setUpOrganisations, signAgreement, assess, adoptAndPublish, carryOutTheYear, reportAndExtend]) await step(t);
    await t.as('coordinator', IDS.municipality).ok(`mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }`, {
      i: { promiseId: 'ml-utkast', agreementId: IDS.agreement, title: 'Ett utkast', periodFrom: '2018-01-01', periodTo: '2018-12-31', focusAreas: ['Trafik'], plannedActivities: [] },
    });
  }, 120_000);
  afterAll(() => t.close());

  it('shows published promises with activities, follow-ups and final reports to anyone', async () => {
    const { publicPromises } = await t.anonymous.ok(PUBLIC);
    expect(publicPromises.edges.map((e: any) => e.node.id)).toEqual([IDS.promise]); // the draft is not public
    const promise = publicPromises.edges[0].node;
    expect(promise).toMatchObject({ adoptedOn: '2016-12-06', adoptedPlace: 'Habo', publishedOn: '2016-12-10', publicationChannels: ['habo.se'] });
    expect(promise.activities.edges.map((e: any) => e.node.id)).toEqual(['sok-1', 'sok-2b', 'sok-3', 'sok-4']); // sok-2 was corrected
    expect(promise.followUps.map((f: any) => [f.label, f.reportedOn, f.communicationChannels])).toEqual([['Maj', '2017-05-30', ['habo.se']], ['September', '2017-09-29', ['Jönköpings-Posten']]]);
    expect(promise.finalReports).toEqual([{ periodFrom: '2017-01-01', submittedOn: '2018-01-25', summary: 'Fyra hundsök, inga fynd; strategiträffar varje månad' }]);
    expect((await t.anonymous.ok(`{ publicPromise(id: "ml-utkast") { id } }`)).publicPromise).toBeNull();
  });

  it('has no personal data beyond the published promise’s signatories: no log notes, no officers, and no field that could carry them', async () => {
    const everything = JSON.stringify(await t.anonymous.ok(PUBLIC));
    for (const personal of ['Fredrik Lindfors', 'Gunnar Pettersson', 'Rektor informerad', 'Ett sök, inte tre']) expect(everything).not.toContain(personal);
    const types = await t.anonymous.gql(`{ __schema { types { name fields { name } } } }`);
    const publicTypes = (types.data?.__schema.types ?? []).filter((type: any) => type.name.startsWith('Public'));
    expect(publicTypes.length).toBeGreaterThanOrEqual(6);
    // Issue 13: the signatories of a published promise are public, as on the signed document (PublicPromise.signatories only).
    const fieldNames = publicTypes.flatMap((type: any) => (type.fields ?? []).map((f: any) => `${type.name}.${f.name}`))
      .filter((coordinate: string) => coordinate !== 'PublicPromise.signatories').map((coordinate: string) => coordinate.split('.')[1]);
    for (const forbidden of ['signatories', 'signatures', 'notes', 'people', 'name', 'signatoryName', 'correctionReason', 'comment']) expect(fieldNames).not.toContain(forbidden);
  });
});
