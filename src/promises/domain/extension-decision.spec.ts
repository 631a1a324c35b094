import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { ExtendPromise } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { ExtensionDecision, PromiseEvent } from './promise.events';
import { habo2016Adopted, habo2016Drafted, PROMISE } from './promise.fixtures';
import { upcastPromiseEvent } from './promise.upcast';

const adopted = [habo2016Drafted, habo2016Adopted];
const DECISION: ExtensionDecision = { decidedBy: 'Kommunstyrelsen Habo kommun', decidedOn: '2016-12-05', reference: 'KS 2016-12-05 § 187' };
const extend = (decision: ExtendPromise['data']['decision']): ExtendPromise => ({
  type: 'ExtendPromise',
  data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Oförändrad problembild', revisedActivities: null, decision },
});

describe('an extension records its decision (issue 15)', () => {
  it('keeps the deciding body, the decision date and the reference beside the reason', () => {
    given(promiseDecider, adopted).when(extend(DECISION)).then([{ type: 'PromiseExtended', data: extend(DECISION).data as never }]);
  });

  it('takes the reference as optional, but not the body or the date', () => {
    const noReference = { ...DECISION, reference: null };
    given(promiseDecider, adopted).when(extend(noReference)).then([{ type: 'PromiseExtended', data: extend(noReference).data as never }]);
    expect(given(promiseDecider, adopted).when(extend({ ...DECISION, decidedBy: ' ' })).thenThrows('INVALID_DECISION').details).toMatchObject({ field: 'decidedBy' });
    expect(given(promiseDecider, adopted).when(extend({ ...DECISION, decidedOn: '2016-12-32' })).thenThrows('INVALID_DATE').details).toMatchObject({ field: 'decidedOn' });
    expect(given(promiseDecider, adopted).when(extend({ ...DECISION, reference: '' })).thenThrows('INVALID_DECISION').details).toMatchObject({ field: 'decisionReference' });
  });

  it('happens, on the business axis, on the day it was decided', () => {
    const now = { requested: null, now: new Date('2026-12-02T17:00:00Z') };
    expect(given(promiseDecider, adopted).when(extend(DECISION)).happensAt(now)).toEqual(new Date('2016-12-05T00:00:00.000Z'));
    const error = given(promiseDecider, adopted).when(extend({ ...DECISION, decidedOn: '2027-01-10' })).refusesBusinessTime(now, 'BUSINESS_TIME_IN_FUTURE');
    expect(error.details.fields).toEqual(['decidedOn']);
  });

  it('reads an extension stored before decisions were recorded as one without a decision', () => {
    const stored = { type: 'PromiseExtended', data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Förlängning', revisedActivities: null } };
    expect(upcastPromiseEvent(stored)).toMatchObject({ data: { decision: null } });
    expect(fold(promiseDecider, [...adopted, stored as PromiseEvent])).toMatchObject({ status: 'Extended' });
  });
});
