/**
 * Business time over GraphQL/HTTP: an activity of 10 March 2018 entered today is
 * part of the promise as of 31 March 2018 by business time, and not by recorded
 * time (nothing was recorded then); the audit log finds it by either.
 */
import { startTestApp, TestApp } from '../support/test-app';
import { adopted2018Promise } from './adopted-2018-promise';
import { IDS } from './full-year-story';

const { police, municipality } = IDS;
const promise = 'ml-habo-2018';
const m = (name: string, input: string, fields = 'id') => `mutation($i: ${input}!) { ${name}(input: $i) { ${fields} } }`;
const activity = (entryId: string, date: string, extra: Record<string, unknown> = {}) => ({
  promiseId: promise, entryId, date, kind: 'DetectionDogSearch', responsibleOrganisationId: police, count: 1, ...extra,
});

describe('business time over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await adopted2018Promise(t, promise);
  }, 60_000);
  afterAll(() => t.close());

  const coordinator = () => t.as('coordinator', police);
  const auditor = () => t.as('auditor');

  it('an activity dated 2018-03-10 logged today is there by 31 March in business time, not in recorded time', async () => {
    const loggedAt = new Date();
    await coordinator().ok(m('logActivity', 'LogActivityInput'), { i: activity('sok-mars', '2018-03-10') });
    await coordinator().ok(m('logActivity', 'LogActivityInput'), { i: activity('sok-april', '2018-04-12') });
    const data = await auditor().ok(`{
      occurred: asOf(of: PROMISE, id: "${promise}", at: "2018-03-31", axis: OCCURRED) { exists lastEventAt state activities { entryId } }
      byDefault: asOf(of: PROMISE, id: "${promise}", at: "2018-03-31") { activities { entryId } }
      recorded: asOf(of: PROMISE, id: "${promise}", at: "2018-03-31", axis: RECORDED) { exists activities { entryId } }
      recordedNow: asOf(of: PROMISE, id: "${promise}", axis: RECORDED) { activities { entryId } }
    }`);
    expect(data.occurred).toMatchObject({ exists: true, lastEventAt: '2018-03-10T00:00:00.000Z', state: { status: 'Adopted' }, activities: [{ entryId: 'sok-mars' }] });
    expect(data.byDefault.activities).toEqual([{ entryId: 'sok-mars' }]);
    expect(data.recorded).toEqual({ exists: false, activities: [] });
    expect(data.recordedNow.activities).toEqual([{ entryId: 'sok-mars' }, { entryId: 'sok-april' }]);

    const log = await auditor().ok(`{
      march: auditLog(stream: "promise-${promise}", occurredFrom: "2018-03-01", occurredTo: "2018-03-31") { edges { node { type occurredAt recordedAt } } }
      today: auditLog(stream: "promise-${promise}", eventType: "ActivityLogged", recordedFrom: "${loggedAt.toISOString()}") { edges { node { occurredAt } } }
    }`);
    expect(log.march.edges.map((e: any) => [e.node.type, e.node.occurredAt])).toEqual([['ActivityLogged', '2018-03-10T00:00:00.000Z']]);
    expect(new Date(log.march.edges[0].node.recordedAt).getTime()).toBeGreaterThanOrEqual(loggedAt.getTime() - 1000);
    expect(log.today.edges.map((e: any) => e.node.occurredAt)).toEqual(['2018-03-10T00:00:00.000Z', '2018-04-12T00:00:00.000Z']);

    const history = await auditor().ok(`{ history(of: PROMISE, id: "${promise}", from: "2017-12-01", to: "2017-12-31") { type occurredAt } }`);
    expect(history.history).toEqual([{ type: 'PromiseAdopted', occurredAt: '2017-12-12T00:00:00.000Z' }]);
  });

  it('a draft dated by occurredAt and an adoption by adoptedOn carry those business times', async () => {
    const history = await auditor().ok(`{ history(of: PROMISE, id: "${promise}", first: 2) { type occurredAt recordedAt } }`);
    expect(history.history.map((h: any) => [h.type, h.occurredAt])).toEqual([['PromiseDrafted', '2017-11-20T10:00:00.000Z'], ['PromiseAdopted', '2017-12-12T00:00:00.000Z']]);
    expect(history.history[0].recordedAt > '2020').toBe(true);
  });

  it('refuses a business date in the future with a typed error naming the field, and stores nothing', async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const { errors } = await t.as('signatory', municipality).gql(m('withdrawPromise', 'WithdrawPromiseInput'), { i: { promiseId: promise, withdrawnOn: future, reason: 'Fel' } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BUSINESS_TIME_IN_FUTURE', fields: ['withdrawnOn'] });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const planned = await t.as('coordinator', municipality).gql(m('planFollowUps', 'PlanFollowUpsInput'), {
      i: { promiseId: promise, followUps: [{ followUpId: 'maj', dueOn: '2018-05-31', label: 'Maj' }], finalReportDueOn: '2019-01-31', occurredAt: later },
    });
    expect(planned.errors?.[0]?.extensions).toMatchObject({ code: 'BUSINESS_TIME_IN_FUTURE', fields: ['occurredAt'] });
    const { promise: now } = await t.ok(`{ promise(id: "${promise}") { status followUps { id } } }`);
    expect(now).toEqual({ status: 'Adopted', followUps: [] });
  });

  it('refuses a correction dated before the entry it corrects', async () => {
    const { errors } = await coordinator().gql(m('correctActivity', 'CorrectActivityInput'), {
      i: { ...activity('sok-mars-b', '2018-03-10', { count: 2 }), correctsEntryId: 'sok-mars', reason: 'Två sök', occurredAt: '2018-03-09T12:00:00Z' },
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BUSINESS_TIME_BEFORE_CORRECTED', fields: ['occurredAt'] });
    const fixed = await coordinator().ok(m('correctActivity', 'CorrectActivityInput'), {
      i: { ...activity('sok-mars-b', '2018-03-10', { count: 2 }), correctsEntryId: 'sok-mars', reason: 'Två sök', occurredAt: '2018-03-12T08:00:00Z' },
    });
    expect(fixed.correctActivity.id).toBe('sok-mars-b');
  });
});
