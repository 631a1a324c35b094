import { given } from '../../shared/domain/given-when-then';
import type { CorrectActivity, LogActivity } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { PromiseEvent } from './promise.events';
import { habo2016Adopted, habo2016Drafted, HABO_SIGNATORIES, POLICE, PROMISE } from './promise.fixtures';

const NOW = new Date('2026-12-02T17:00:00.000Z');
const now = { requested: null, now: NOW };
const at = (iso: string) => ({ requested: new Date(iso), now: NOW });

const entry = { date: '2016-03-14', kind: 'DetectionDogSearch' as const, responsibleOrganisationId: POLICE, count: 1, place: null, outcome: null, notes: null, plannedActivityId: null, hours: null, cost: null };
const log = (data: Partial<LogActivity['data']> = {}): LogActivity => ({ type: 'LogActivity', data: { promiseId: PROMISE, entryId: 'e-1', ...entry, ...data } });
const logged: PromiseEvent = { type: 'ActivityLogged', data: log().data as never };
const correct = (data: Partial<CorrectActivity['data']> = {}): CorrectActivity => ({
  type: 'CorrectActivity', data: { promiseId: PROMISE, entryId: 'e-1b', correctsEntryId: 'e-1', reason: 'Två sök', ...entry, count: 2, ...data },
});
const adopted = [habo2016Drafted, habo2016Adopted];

describe('business time of promise commands', () => {
  it('is the command’s own date: an activity happened on its date, an adoption on its day', () => {
    expect(given(promiseDecider, adopted).when(log()).happensAt(now)).toEqual(new Date('2016-03-14T00:00:00.000Z'));
    const adopt = { type: 'AdoptPromise' as const, data: { ...habo2016Adopted.data, signatories: HABO_SIGNATORIES } };
    expect(given(promiseDecider, [habo2016Drafted]).when(adopt).happensAt(now)).toEqual(new Date('2016-12-06T00:00:00.000Z'));
  });

  it('takes the client’s occurredAt as the instant within that date', () => {
    expect(given(promiseDecider, adopted).when(log()).happensAt(at('2016-03-14T09:30:00Z'))).toEqual(new Date('2016-03-14T09:30:00Z'));
  });

  it('refuses an occurredAt on another day than the command’s own date, naming both fields', () => {
    const error = given(promiseDecider, adopted).when(log()).refusesBusinessTime(at('2016-03-15T09:30:00Z'), 'BUSINESS_TIME_CONFLICT');
    expect(error.details.fields).toEqual(['occurredAt', 'date']);
  });

  it('is the client’s occurredAt, or now, for a command without a date of its own', () => {
    const plan = { type: 'PlanFollowUps' as const, data: { promiseId: PROMISE, followUps: [{ followUpId: 'maj', dueOn: '2016-05-31', label: 'Maj' }], finalReportDueOn: '2017-01-31' } };
    expect(given(promiseDecider, adopted).when(plan).happensAt(now)).toEqual(NOW);
    expect(given(promiseDecider, adopted).when(plan).happensAt(at('2016-02-01T08:00:00Z'))).toEqual(new Date('2016-02-01T08:00:00Z'));
  });

  it('refuses a business date in the future, naming the date field', () => {
    const nextWeek = { requested: null, now: new Date('2016-03-07T12:00:00Z') };
    const error = given(promiseDecider, adopted).when(log()).refusesBusinessTime(nextWeek, 'BUSINESS_TIME_IN_FUTURE');
    expect(error.details.fields).toEqual(['date']);
  });

  it('accepts today’s date anywhere in the world, and an occurredAt a little ahead of the server clock', () => {
    const justBeforeMidnightUtc = { requested: null, now: new Date('2016-03-13T23:30:00Z') };
    expect(given(promiseDecider, adopted).when(log()).happensAt(justBeforeMidnightUtc)).toEqual(new Date('2016-03-14T00:00:00Z'));
    expect(given(promiseDecider, adopted).when(log()).happensAt({ requested: new Date('2016-03-14T10:02:00Z'), now: new Date('2016-03-14T10:00:00Z') }))
      .toEqual(new Date('2016-03-14T10:02:00Z'));
  });

  it('refuses an occurredAt in the future, naming occurredAt', () => {
    const plan = { type: 'PlanFollowUps' as const, data: { promiseId: PROMISE, followUps: [{ followUpId: 'maj', dueOn: '2016-05-31', label: 'Maj' }], finalReportDueOn: '2017-01-31' } };
    const error = given(promiseDecider, adopted).when(plan).refusesBusinessTime(at('2026-12-02T18:00:00Z'), 'BUSINESS_TIME_IN_FUTURE');
    expect(error.details.fields).toEqual(['occurredAt']);
  });

  it('dates a correction when it is made (now), never before the entry it corrects', () => {
    expect(given(promiseDecider, [...adopted, logged]).when(correct()).happensAt(now)).toEqual(NOW);
    expect(given(promiseDecider, [...adopted, logged]).when(correct()).happensAt(at('2016-03-14T12:00:00Z'))).toEqual(new Date('2016-03-14T12:00:00Z'));
    const error = given(promiseDecider, [...adopted, logged]).when(correct()).refusesBusinessTime(at('2016-03-13T12:00:00Z'), 'BUSINESS_TIME_BEFORE_CORRECTED');
    expect(error.details).toMatchObject({ fields: ['occurredAt'], notBefore: '2016-03-14T00:00:00.000Z' });
  });

  it('a correction of a correction is not before the day of the entry it corrects', () => {
    const corrected: PromiseEvent = { type: 'ActivityCorrected', data: correct({ date: '2016-03-20' }).data as never };
    given(promiseDecider, [...adopted, logged, corrected])
      .when(correct({ entryId: 'e-1c', correctsEntryId: 'e-1b' }))
      .refusesBusinessTime(at('2016-03-19T12:00:00Z'), 'BUSINESS_TIME_BEFORE_CORRECTED');
  });
});
