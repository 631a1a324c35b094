import { given } from '../../shared/domain/given-when-then';
import type { PlanFollowUps, RecordFollowUp, SubmitFinalReport } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { PromiseEvent } from './promise.events';
import { habo2016Adopted, habo2016Drafted, PROMISE } from './promise.fixtures';

const indicator = { indicatorId: 'ind-sok', name: 'Genomförda hundsök', kind: 'Output' as const, unit: 'st', baseline: 0, target: 4, source: 'Polisens logg' };
const drafted: PromiseEvent = {
  ...habo2016Drafted,
  data: { ...habo2016Drafted.data, plannedActivities: habo2016Drafted.data.plannedActivities.map((a, i) => (i === 0 ? { ...a, indicators: [indicator] } : a)) },
};
const adopted = [drafted, habo2016Adopted];

// The seed: progress reported to citizens in May and September, the final report by 31 January.
const plan = (data: Partial<PlanFollowUps['data']> = {}): PlanFollowUps => ({
  type: 'PlanFollowUps',
  data: {
    promiseId: PROMISE,
    followUps: [{ followUpId: 'maj', dueOn: '2016-05-31', label: 'Maj' }, { followUpId: 'sep', dueOn: '2016-09-30', label: 'September' }],
    finalReportDueOn: '2017-01-31',
    ...data,
  },
});
const planned: PromiseEvent = { type: 'FollowUpsPlanned', data: { ...plan().data, period: { from: '2016-01-01', to: '2016-12-31' } } };

const record = (data: Partial<RecordFollowUp['data']> = {}): RecordFollowUp => ({
  type: 'RecordFollowUp',
  data: {
    promiseId: PROMISE,
    followUpId: 'maj',
    reportedOn: '2016-05-30',
    summary: 'Två hundsök genomförda, strategiträffar varannan månad',
    activityStatuses: [{ plannedActivityId: 'pa-hundsok', status: 'OnTrack', comment: null }, { plannedActivityId: 'pa-sig', status: 'Behind', comment: 'Rekrytering pågår' }],
    measurements: [{ indicatorId: 'ind-sok', value: 2, measuredOn: '2016-05-30', note: null }],
    communicatedToCitizens: 'Lägesrapport om medborgarlöftet',
    communicationChannels: ['habo.se', 'Facebook'],
    ...data,
  },
});
const recorded = (data: Partial<RecordFollowUp['data']> = {}): PromiseEvent => ({ type: 'FollowUpRecorded', data: record(data).data });

const submit = (data: Partial<SubmitFinalReport['data']> = {}): SubmitFinalReport => ({
  type: 'SubmitFinalReport',
  data: { promiseId: PROMISE, submittedOn: '2017-01-20', summary: 'Fyra hundsök, inga fynd; SIG startad i december', ...data },
});

describe('PlanFollowUps', () => {
  it('plans May and September follow-ups and a final report due 31 January after the period', () => {
    given(promiseDecider, adopted).when(plan()).then([planned]);
    given(promiseDecider, [drafted]).when(plan()).then([planned]); // part of the promise document, so a draft may have it
  });

  it('plans per tertial too, and may be remade until a follow-up is recorded', () => {
    const tertials = [{ followUpId: 't1', dueOn: '2016-04-30', label: 'Tertial 1' }, { followUpId: 't2', dueOn: '2016-08-31', label: 'Tertial 2' }, { followUpId: 't3', dueOn: '2016-12-31', label: 'Tertial 3' }];
    given(promiseDecider, [...adopted, planned]).when(plan({ followUps: tertials })).then([{ type: 'FollowUpsPlanned', data: { ...planned.data, followUps: tertials } as never }]);
    given(promiseDecider, [...adopted, planned, recorded()]).when(plan({ followUps: tertials })).thenThrows('FOLLOW_UP_PLAN_LOCKED');
  });

  it('refuses a final report due inside the period, follow-ups outside it, duplicates, none, and bad dates', () => {
    given(promiseDecider, adopted).when(plan({ finalReportDueOn: '2016-12-31' })).thenThrows('FINAL_REPORT_DUE_BEFORE_PERIOD_END');
    given(promiseDecider, adopted).when(plan({ followUps: [{ followUpId: 'x', dueOn: '2015-12-01', label: 'Före' }] })).thenThrows('FOLLOW_UP_OUTSIDE_PERIOD');
    given(promiseDecider, adopted).when(plan({ followUps: [{ followUpId: 'x', dueOn: '2016-05-31', label: 'A' }, { followUpId: 'x', dueOn: '2016-09-30', label: 'B' }] })).thenThrows('INVALID_FOLLOW_UP');
    given(promiseDecider, adopted).when(plan({ followUps: [] })).thenThrows('INVALID_FOLLOW_UP');
    given(promiseDecider, adopted).when(plan({ followUps: [{ followUpId: 'x', dueOn: '2016-02-30', label: 'A' }] })).thenThrows('INVALID_DATE');
    given(promiseDecider, [...adopted, { type: 'PromiseWithdrawn', data: { promiseId: PROMISE, withdrawnOn: '2016-03-01', reason: 'x' } }]).when(plan()).thenThrows('PROMISE_WITHDRAWN');
  });
});

describe('PlanFollowUps in a later period', () => {
  const extended: PromiseEvent = { type: 'PromiseExtended', data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Oförändrad problembild', revisedActivities: null, decision: null } };
  const nextYear = (followUpId: string) => plan({ followUps: [{ followUpId, dueOn: '2017-05-31', label: 'Maj' }], finalReportDueOn: '2018-01-31' });

  // A promise lists the follow-ups of all its periods by id: "maj" again next year would be two follow-ups with one id.
  it("refuses an id of an earlier period's plan, recorded or not, naming the period it belongs to", () => {
    for (const history of [[...adopted, planned, extended], [...adopted, planned, recorded(), extended]]) {
      const refused = given(promiseDecider, history).when(nextYear('maj')).thenThrows('FOLLOW_UP_ID_ALREADY_USED');
      expect(refused.details).toEqual({ field: 'followUps[0].followUpId', followUpId: 'maj', periodFrom: '2016-01-01' });
    }
  });

  it("takes new ids, and a remade plan of the current period keeps its own", () => {
    const planned2017: PromiseEvent = { type: 'FollowUpsPlanned', data: { ...nextYear('maj-2017').data, period: { from: '2017-01-01', to: '2017-12-31' } } };
    given(promiseDecider, [...adopted, planned, extended]).when(nextYear('maj-2017')).then([planned2017]);
    given(promiseDecider, [...adopted, planned, extended, planned2017]).when(nextYear('maj-2017')).then([planned2017]);
  });
});

describe('RecordFollowUp', () => {
  it('records statuses per planned activity, indicator measurements and what citizens were told, and where', () => {
    given(promiseDecider, [...adopted, planned]).when(record()).then([recorded()]);
    given(promiseDecider, [...adopted, planned, recorded()]).when(record({ followUpId: 'sep', reportedOn: '2016-09-29' })).then([recorded({ followUpId: 'sep', reportedOn: '2016-09-29' })]);
  });

  it('refuses an unplanned or already recorded follow-up, and a draft', () => {
    given(promiseDecider, adopted).when(record()).thenThrows('FOLLOW_UP_NOT_PLANNED');
    given(promiseDecider, [...adopted, planned]).when(record({ followUpId: 'dec' })).thenThrows('FOLLOW_UP_NOT_PLANNED');
    given(promiseDecider, [...adopted, planned, recorded()]).when(record()).thenThrows('FOLLOW_UP_ALREADY_RECORDED');
    given(promiseDecider, [drafted, planned]).when(record()).thenThrows('PROMISE_NOT_ACTIVE');
  });

  it('refuses unknown activities, unknown indicators, bad statuses and values, and an empty summary', () => {
    const history = [...adopted, planned];
    given(promiseDecider, history).when(record({ activityStatuses: [{ plannedActivityId: 'pa-x', status: 'Done', comment: null }] })).thenThrows('UNKNOWN_PLANNED_ACTIVITY');
    given(promiseDecider, history).when(record({ activityStatuses: [{ plannedActivityId: 'pa-sig', status: 'Fine' as never, comment: null }] })).thenThrows('INVALID_FOLLOW_UP');
    given(promiseDecider, history).when(record({ measurements: [{ indicatorId: 'ind-x', value: 1, measuredOn: '2016-05-30', note: null }] })).thenThrows('UNKNOWN_INDICATOR');
    given(promiseDecider, history).when(record({ measurements: [{ indicatorId: 'ind-sok', value: Number.NaN, measuredOn: '2016-05-30', note: null }] })).thenThrows('INVALID_FOLLOW_UP');
    given(promiseDecider, history).when(record({ summary: '' })).thenThrows('INVALID_FOLLOW_UP');
    given(promiseDecider, history).when(record({ communicationChannels: [''] })).thenThrows('INVALID_FOLLOW_UP');
  });
});

describe('SubmitFinalReport', () => {
  it('submits after the period, carrying the due date from the plan (or none)', () => {
    const report = (dueOn: string | null): PromiseEvent => ({
      type: 'FinalReportSubmitted',
      data: { promiseId: PROMISE, period: { from: '2016-01-01', to: '2016-12-31' }, submittedOn: '2017-01-20', dueOn, summary: submit().data.summary },
    });
    given(promiseDecider, [...adopted, planned]).when(submit()).then([report('2017-01-31')]);
    given(promiseDecider, adopted).when(submit()).then([report(null)]);
  });

  it('refuses a report before the period ends, a second one, a draft and an empty summary', () => {
    given(promiseDecider, adopted).when(submit({ submittedOn: '2016-12-31' })).thenThrows('FINAL_REPORT_BEFORE_PERIOD_END');
    const submitted: PromiseEvent = { type: 'FinalReportSubmitted', data: { promiseId: PROMISE, period: { from: '2016-01-01', to: '2016-12-31' }, submittedOn: '2017-01-20', dueOn: null, summary: 'x' } };
    given(promiseDecider, [...adopted, submitted]).when(submit()).thenThrows('FINAL_REPORT_ALREADY_SUBMITTED');
    given(promiseDecider, [drafted]).when(submit()).thenThrows('PROMISE_NOT_ACTIVE');
    given(promiseDecider, adopted).when(submit({ summary: ' ' })).thenThrows('INVALID_FINAL_REPORT');
  });
});
