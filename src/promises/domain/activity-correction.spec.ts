import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import { hasId } from '../../shared/domain/append-only-ids';
import type { CorrectActivity } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { PromiseEvent } from './promise.events';
import { HABO, habo2016Adopted, habo2016Drafted, POLICE, PROMISE } from './promise.fixtures';

const entry = {
  date: '2016-03-14', kind: 'DetectionDogSearch' as const, responsibleOrganisationId: POLICE, count: 1, place: 'Högstadieskola',
  outcome: 'Ett hundsök, ingen narkotika hittades', notes: null, plannedActivityId: 'pa-hundsok', hours: 3, cost: 0,
};
const logged: PromiseEvent = { type: 'ActivityLogged', data: { promiseId: PROMISE, entryId: 'e-1', ...entry } };
const history = [habo2016Drafted, habo2016Adopted, logged];

const correct = (data: Partial<CorrectActivity['data']> = {}): CorrectActivity => ({
  type: 'CorrectActivity',
  data: { promiseId: PROMISE, entryId: 'e-1b', correctsEntryId: 'e-1', reason: 'Fel antal: två sök', ...entry, count: 2, ...data },
});
const corrected = (data: Partial<CorrectActivity['data']> = {}): PromiseEvent => ({ type: 'ActivityCorrected', data: correct(data).data as never });

describe('LogActivity with hours and cost', () => {
  it('records hours and cost where known', () => {
    given(promiseDecider, history.slice(0, 2)).when({ type: 'LogActivity', data: { promiseId: PROMISE, entryId: 'e-1', ...entry } }).then([logged]);
  });

  it.each([['hours', -1], ['cost', Number.POSITIVE_INFINITY]])('refuses %s of %p', (field, value) => {
    given(promiseDecider, history.slice(0, 2))
      .when({ type: 'LogActivity', data: { promiseId: PROMISE, entryId: 'e-1', ...entry, [field]: value } })
      .thenThrows('INVALID_AMOUNT');
  });
});

describe('CorrectActivity', () => {
  it('supersedes an entry with a new one and the reason; the original stays in the history', () => {
    given(promiseDecider, history).when(correct()).then([corrected()]);
    const state = fold(promiseDecider, [...history, corrected()]);
    if (state.status === 'None') throw new Error('expected a promise');
    expect([hasId(state.loggedEntryIds, 'e-1'), hasId(state.loggedEntryIds, 'e-1b'), hasId(state.supersededEntryIds, 'e-1')]).toEqual([true, true, true]);
  });

  it('corrects a correction, but never the same entry twice', () => {
    given(promiseDecider, [...history, corrected()]).when(correct({ entryId: 'e-1c', correctsEntryId: 'e-1b' })).then([
      corrected({ entryId: 'e-1c', correctsEntryId: 'e-1b' }),
    ]);
    given(promiseDecider, [...history, corrected()]).when(correct({ entryId: 'e-1c' })).thenThrows('ACTIVITY_ALREADY_CORRECTED');
  });

  it('refuses an unknown entry, a reused id, an empty reason, and what logging refuses', () => {
    given(promiseDecider, history).when(correct({ correctsEntryId: 'e-x' })).thenThrows('ACTIVITY_NOT_FOUND');
    given(promiseDecider, history).when(correct({ entryId: 'e-1' })).thenThrows('ACTIVITY_ALREADY_LOGGED');
    given(promiseDecider, history).when(correct({ reason: ' ' })).thenThrows('INVALID_REASON');
    given(promiseDecider, history).when(correct({ date: '2018-01-01' })).thenThrows('ACTIVITY_OUTSIDE_PERIOD');
    given(promiseDecider, history).when(correct({ responsibleOrganisationId: 'org-x' })).thenThrows('NOT_A_PARTY');
    given(promiseDecider, history).when(correct({ count: 0 })).thenThrows('INVALID_COUNT');
    given(promiseDecider, history).when(correct({ responsibleOrganisationId: HABO, plannedActivityId: 'pa-x' })).thenThrows('UNKNOWN_PLANNED_ACTIVITY');
  });

  it('refuses a correction on a withdrawn promise', () => {
    const withdrawn: PromiseEvent = { type: 'PromiseWithdrawn', data: { promiseId: PROMISE, withdrawnOn: '2016-06-01', reason: 'x' } };
    given(promiseDecider, [...history, withdrawn]).when(correct()).thenThrows('PROMISE_NOT_ACTIVE');
  });
});
