import { ReadModelDb } from '../../src/projections/read-model-database';
import { READ_MODEL_DB } from '../../src/projections/read-model-db.token';
import { startTestApp, TestApp } from '../support/test-app';
import { adoptAndPublish, IDS, logSearch, setUpOrganisations, signAgreement, assess } from './full-year-story';

/**
 * A page of promises with nested agreement (and its parties and versions),
 * activities, plan with progress, follow-ups and final reports must cost a
 * fixed number of read-model queries however long the page: DataLoaders batch
 * each nested field into one query per request.
 */
const PAGE = `query($first: Int) { promises(agreementId: "${IDS.agreement}", first: $first) { edges { node {
  id title
  agreement { id title parties { organisationId signatures { signatoryName } } versions { version } }
  activities(first: 3) { edges { node { id date count } } pageInfo { hasNextPage } }
  plannedActivities { id progress(today: "2017-06-30") { logged status } }
  progress(today: "2017-06-30") { onTrack }
  followUps { id dueOn }
  finalReports { dueOn }
} } } }`;

describe('no N+1: nested fields of a list are batched', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOrganisations(t);
    await signAgreement(t);
    await assess(t);
    await adoptAndPublish(t); // ml-habo-2017, with follow-ups planned
    for (const [i, date] of ['2017-02-01', '2017-03-01', '2017-04-01', '2017-05-01'].entries()) await logSearch(t, `s-${i}`, date);
    const coordinator = t.as('coordinator', IDS.municipality);
    for (let n = 0; n < 8; n++) {
      await coordinator.ok(`mutation($i: DraftPromiseInput!) { draftPromise(input: $i) { id } }`, {
        i: { promiseId: `ml-extra-${n}`, agreementId: IDS.agreement, title: `Löfte ${n}`, periodFrom: '2017-01-01', periodTo: '2017-12-31', focusAreas: ['Trygghet'],
          plannedActivities: [{ plannedActivityId: 'pa', description: 'Trygghetsvandringar', responsibleOrganisationIds: [IDS.municipality], target: { quantity: 2, per: 'Period', text: 'två' } }] },
      });
    }
  }, 120_000);
  afterAll(() => t.close());

  async function queriesFor(first: number): Promise<{ count: number; promises: number }> {
    const executor = t.app.get<ReadModelDb>(READ_MODEL_DB).getExecutor();
    const spy = jest.spyOn(executor, 'executeQuery');
    try {
      const data = await t.as('coordinator', IDS.municipality).ok(PAGE, { first });
      return { count: spy.mock.calls.length, promises: data.promises.edges.length };
    } finally {
      spy.mockRestore();
    }
  }

  it('takes as many queries for 9 promises as for 2', async () => {
    const small = await queriesFor(2);
    const large = await queriesFor(9);
    expect([small.promises, large.promises]).toEqual([2, 9]);
    expect(small.count).toBeGreaterThan(8); // the spy sees the queries
    expect(large.count).toBe(small.count);
    // promises + 4 detail queries, agreements + parties + signatures, versions, activities, counts, follow-ups, final reports.
    expect(large.count).toBeLessThanOrEqual(20);
  });

  it('returns the nested data the batched loaders fetched', async () => {
    const data = await t.as('coordinator', IDS.municipality).ok(PAGE, { first: 1 });
    const node = data.promises.edges[0].node;
    expect(node).toMatchObject({
      id: 'ml-habo-2017',
      agreement: { id: IDS.agreement, parties: [{ organisationId: IDS.police }, { organisationId: IDS.municipality }], versions: [{ version: 1 }] },
      activities: { edges: [{ node: { id: 's-0' } }, { node: { id: 's-1' } }, { node: { id: 's-2' } }], pageInfo: { hasNextPage: true } },
      plannedActivities: [{ id: 'pa-hundsok', progress: { logged: 4, status: 'Done' } }, { id: 'pa-sspf', progress: { status: 'NoTarget' } }],
      followUps: [{ id: 'maj' }, { id: 'sep' }],
      finalReports: [{ dueOn: '2018-01-31' }],
    });
  });
});
