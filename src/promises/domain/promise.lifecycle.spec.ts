import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { PromiseCommand } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { PromiseEvent } from './promise.events';
import { ACTIVITY_LOGGED_V1, PROMISE_DRAFTED_V1 } from './promise.events.v1';
import { AGREEMENT, draftHabo2016, habo2016Adopted, habo2016Drafted, HABO_ACTIVITIES, POLICE, PROMISE } from './promise.fixtures';

const adopted = [habo2016Drafted, habo2016Adopted];
const publish = (data: Record<string, unknown> = {}): PromiseCommand =>
  ({ type: 'PublishPromise', data: { promiseId: PROMISE, publishedOn: '2016-12-10', channels: ['habo.se', 'Jönköpings-Posten'], ...data } }) as PromiseCommand;
const published: PromiseEvent = { type: 'PromisePublished', data: publish().data as never };
const extended: PromiseEvent = {
  type: 'PromiseExtended',
  data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Förlängning', revisedActivities: null, decision: null },
};
const finalReport2016: PromiseEvent = {
  type: 'FinalReportSubmitted',
  data: { promiseId: PROMISE, period: { from: '2016-01-01', to: '2016-12-31' }, submittedOn: '2017-01-25', dueOn: null, summary: 'Slutrapport 2016' },
};

describe('PublishPromise', () => {
  it('publishes an adopted promise, and an extended one', () => {
    given(promiseDecider, adopted).when(publish()).then([published]);
    given(promiseDecider, [...adopted, published, extended]).when(publish({ publishedOn: '2017-01-05' })).then([
      { type: 'PromisePublished', data: { ...(published.data as object), publishedOn: '2017-01-05' } as never },
    ]);
    expect(fold(promiseDecider, [...adopted, published])).toMatchObject({ status: 'Published', publishedOn: '2016-12-10' });
  });

  it('refuses a draft, a promise published already, an unnamed channel and a bad date', () => {
    given(promiseDecider, [habo2016Drafted]).when(publish()).thenThrows('PROMISE_NOT_ADOPTED');
    given(promiseDecider, [...adopted, published]).when(publish()).thenThrows('PROMISE_ALREADY_PUBLISHED');
    given(promiseDecider, adopted).when(publish({ channels: [' '] })).thenThrows('INVALID_CHANNELS');
    given(promiseDecider, adopted).when(publish({ publishedOn: '2016-12-32' })).thenThrows('INVALID_DATE');
  });
});

describe('CompletePromise', () => {
  const complete: PromiseCommand = { type: 'CompletePromise', data: { promiseId: PROMISE, completedOn: '2017-02-01' } };

  it('completes once the current period has its final report; then it is closed', () => {
    const completed: PromiseEvent = { type: 'PromiseCompleted', data: { promiseId: PROMISE, completedOn: '2017-02-01' } };
    given(promiseDecider, [...adopted, published, finalReport2016]).when(complete).then([completed]);
    const done = [...adopted, published, finalReport2016, completed];
    given(promiseDecider, done).when({ type: 'ExtendPromise', data: { ...(extended.data as object) } as never }).thenThrows('PROMISE_COMPLETED');
    given(promiseDecider, done).when({ type: 'WithdrawPromise', data: { promiseId: PROMISE, withdrawnOn: '2017-03-01', reason: 'x' } }).thenThrows('PROMISE_COMPLETED');
    given(promiseDecider, done).when(complete).thenThrows('PROMISE_NOT_ACTIVE');
  });

  it('refuses without a final report for the current period (an extended promise needs the new one)', () => {
    given(promiseDecider, [...adopted, published]).when(complete).thenThrows('FINAL_REPORT_MISSING');
    given(promiseDecider, [...adopted, finalReport2016, extended]).when(complete).thenThrows('FINAL_REPORT_MISSING');
    given(promiseDecider, [habo2016Drafted]).when(complete).thenThrows('PROMISE_NOT_ACTIVE');
  });
});

describe('LinkFocusAreas', () => {
  const link = (assessment: Record<string, unknown> = {}, focusAreaIds = ['fa-droger']): PromiseCommand => ({
    type: 'LinkFocusAreas',
    data: { promiseId: PROMISE, assessment: { assessmentId: 'lb-1', status: 'Completed', agreementId: AGREEMENT, focusAreaIds: ['fa-droger', 'fa-inbrott'], ...assessment }, focusAreaIds } as never,
  });

  it('links the promise to focus areas of an assessment of its agreement (or of a period)', () => {
    const linked: PromiseEvent = { type: 'PromiseLinkedToFocusAreas', data: { promiseId: PROMISE, assessmentId: 'lb-1', focusAreaIds: ['fa-droger'] } };
    given(promiseDecider, [habo2016Drafted]).when(link()).then([linked]);
    given(promiseDecider, adopted).when(link({ agreementId: null })).then([linked]);
  });

  it('refuses a missing assessment, one of another agreement, unknown or no focus areas', () => {
    given(promiseDecider, adopted).when(link({ status: 'None' })).thenThrows('ASSESSMENT_NOT_FOUND');
    given(promiseDecider, adopted).when(link({ agreementId: 'so-annan' })).thenThrows('ASSESSMENT_OF_OTHER_AGREEMENT');
    given(promiseDecider, adopted).when(link({}, ['fa-trafik'])).thenThrows('UNKNOWN_FOCUS_AREA');
    given(promiseDecider, adopted).when(link({}, [])).thenThrows('INVALID_FOCUS_AREAS');
  });
});

describe('planned activities with targets and indicators', () => {
  const nightWalks = {
    plannedActivityId: 'pa-nattvandring',
    description: 'Nattvandringar med föräldrar',
    responsibleOrganisationIds: [POLICE],
    target: { quantity: 2, per: 'Period' as const, text: 'minst två' },
    indicators: [{ indicatorId: 'ind-otrygghet', name: 'Känner sig otrygg ute ensam sent på kvällen', kind: 'Outcome' as const, unit: '%', baseline: 24, target: 18, source: 'Trygghetsmätning' }],
  };

  it('keeps "at least two" as a quantity per period, and the indicator with baseline and target', () => {
    const events = given(promiseDecider, []).when(draftHabo2016({ plannedActivities: [nightWalks] })).then([
      { ...habo2016Drafted, data: { ...habo2016Drafted.data, plannedActivities: [nightWalks] } },
    ]);
    expect(events[0]!.type).toBe('PromiseDrafted');
  });

  it.each([
    ['a zero quantity', { target: { ...nightWalks.target, quantity: 0 } }],
    ['a per that is not Year or Period', { target: { ...nightWalks.target, per: 'Week' } }],
    ['a target without its words', { target: { ...nightWalks.target, text: '' } }],
    ['an indicator of unknown kind', { indicators: [{ ...nightWalks.indicators[0], kind: 'Impact' }] }],
    ['an indicator without a unit', { indicators: [{ ...nightWalks.indicators[0], unit: '' }] }],
    ['a baseline that is not a number', { indicators: [{ ...nightWalks.indicators[0], baseline: 'hög' }] }],
    ['two indicators with one id', { indicators: [nightWalks.indicators[0], nightWalks.indicators[0]] }],
  ])('refuses %s', (_case, change) => {
    given(promiseDecider, []).when(draftHabo2016({ plannedActivities: [{ ...nightWalks, ...change } as never] })).thenThrows('INVALID_PROMISE');
  });

  it('accepts a plan without targets or indicators (they default to none)', () => {
    const bare = HABO_ACTIVITIES.map(({ plannedActivityId, description, responsibleOrganisationIds }) => ({ plannedActivityId, description, responsibleOrganisationIds }));
    given(promiseDecider, []).when(draftHabo2016({ plannedActivities: bare })).then([habo2016Drafted]);
  });
});

describe('v1 promise events (frozen) still fold', () => {
  it('upcasts a v1 plan (no target, no indicators) and a v1 entry (no hours, no cost)', () => {
    const v1 = JSON.parse(JSON.stringify([PROMISE_DRAFTED_V1, ACTIVITY_LOGGED_V1])) as PromiseEvent[];
    const state = fold(promiseDecider, v1);
    expect(state).toMatchObject({ status: 'Draft', plannedActivities: [{ plannedActivityId: 'hundsok-i-skolor', target: null, indicators: [] }] });
    expect(state.status !== 'None' && state.loggedEntryIds?.size).toBe(1);
  });
});
