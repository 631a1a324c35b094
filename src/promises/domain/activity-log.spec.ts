import { given } from '../../shared/domain/given-when-then';
import type { LogActivity } from './promise.commands';
import { promiseDecider } from './promise.decider';
import { ACTIVITY_KINDS, ActivityKind, ActivityLogged, PromiseEvent } from './promise.events';
import { HABO, habo2016Adopted, habo2016Drafted, POLICE, PROMISE } from './promise.fixtures';

const log = (data: Partial<LogActivity['data']> = {}): LogActivity => ({
  type: 'LogActivity',
  data: {
    promiseId: PROMISE,
    entryId: 'entry-1',
    date: '2016-10-04',
    kind: 'SafetyWalk',
    responsibleOrganisationId: HABO,
    count: 1,
    place: 'Habo centrum',
    outcome: null,
    notes: null,
    plannedActivityId: null,
    ...data,
  },
});
const logged = (data: Partial<LogActivity['data']> = {}): PromiseEvent => ({ type: 'ActivityLogged', data: { hours: null, cost: null, ...log(data).data } as ActivityLogged['data'] });

const adopted = [habo2016Drafted, habo2016Adopted];
const extendedInto2017: PromiseEvent = {
  type: 'PromiseExtended',
  data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Förlängning', revisedActivities: [], decision: null },
};

describe('LogActivity', () => {
  it('logs an activity on an adopted promise', () => {
    given(promiseDecider, adopted).when(log()).then([logged()]);
  });

  it.each(ACTIVITY_KINDS.map((kind) => [kind]))('accepts the kind %s', (kind: ActivityKind) => {
    given(promiseDecider, adopted).when(log({ kind })).then([logged({ kind })]);
  });

  it('logs a joint planned activity by either party, with a count', () => {
    const data = { responsibleOrganisationId: POLICE, plannedActivityId: 'pa-strategitraffar', kind: 'StrategyMeeting' as const, count: 3 };
    given(promiseDecider, adopted).when(log(data)).then([logged(data)]);
  });

  it('after an extension, logs in the new period and still late-logs in the first one', () => {
    const history = [...adopted, extendedInto2017];
    given(promiseDecider, history).when(log({ date: '2017-12-31' })).then([logged({ date: '2017-12-31' })]);
    // The revision emptied the plan, but an entry for last year's plan still resolves.
    const late = { date: '2016-01-01', plannedActivityId: 'pa-hundsok', kind: 'DetectionDogSearch' as const, responsibleOrganisationId: POLICE };
    given(promiseDecider, history).when(log(late)).then([logged(late)]);
  });

  it('refuses a promise that does not exist', () => {
    given(promiseDecider, []).when(log()).thenThrows('PROMISE_NOT_FOUND');
  });

  it('refuses a draft or a withdrawn promise', () => {
    given(promiseDecider, [habo2016Drafted]).when(log()).thenThrows('PROMISE_NOT_ACTIVE');
    const withdrawn: PromiseEvent = { type: 'PromiseWithdrawn', data: { promiseId: PROMISE, withdrawnOn: '2016-11-01', reason: 'Avbrutet' } };
    given(promiseDecider, [...adopted, withdrawn]).when(log()).thenThrows('PROMISE_NOT_ACTIVE');
  });

  it.each(['2015-12-31', '2017-01-01'])('refuses a date outside the promise periods (%s)', (date) => {
    given(promiseDecider, adopted).when(log({ date })).thenThrows('ACTIVITY_OUTSIDE_PERIOD');
  });

  it('refuses a date after the current period even once extended', () => {
    given(promiseDecider, [...adopted, extendedInto2017]).when(log({ date: '2018-01-01' })).thenThrows('ACTIVITY_OUTSIDE_PERIOD');
  });

  it('refuses a responsible organisation that is not a party', () => {
    given(promiseDecider, adopted).when(log({ responsibleOrganisationId: 'org-mullsjo' })).thenThrows('NOT_A_PARTY');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the count %p', (count) => {
    given(promiseDecider, adopted).when(log({ count })).thenThrows('INVALID_COUNT');
  });

  it('refuses an unknown planned activity', () => {
    given(promiseDecider, adopted).when(log({ plannedActivityId: 'pa-nope' })).thenThrows('UNKNOWN_PLANNED_ACTIVITY');
  });

  it('refuses the same entry id twice', () => {
    given(promiseDecider, [...adopted, logged()]).when(log({ date: '2016-11-01' })).thenThrows('ACTIVITY_ALREADY_LOGGED');
  });

  it('refuses an unknown kind and a bad date', () => {
    given(promiseDecider, adopted).when(log({ kind: 'Raid' as ActivityKind })).thenThrows('INVALID_ACTIVITY_KIND');
    given(promiseDecider, adopted).when(log({ date: '2016-02-30' })).thenThrows('INVALID_DATE');
  });
});
