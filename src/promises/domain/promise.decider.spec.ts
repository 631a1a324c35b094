import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { AdoptPromise, ExtendPromise, WithdrawPromise } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { PromiseEvent } from './promise.events';
import {
  AGREEMENT, draftHabo2016, HABO, HABO_ACTIVITIES, HABO_SIGNATORIES, habo2016Adopted, habo2016Drafted, POLICE, PROMISE,
} from './promise.fixtures';
import { currentPeriod } from './promise.state';

const adopt = (data: Partial<AdoptPromise['data']> = {}): AdoptPromise => ({ type: 'AdoptPromise', data: { ...habo2016Adopted.data, ...data } });

const extend = (data: Partial<ExtendPromise['data']> = {}): ExtendPromise => ({
  type: 'ExtendPromise',
  data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Oförändrad problembild', revisedActivities: null, decision: null, ...data },
});
const extended = (data: Partial<ExtendPromise['data']> = {}): PromiseEvent => ({ type: 'PromiseExtended', data: extend(data).data as never });

const withdraw = (data: Partial<WithdrawPromise['data']> = {}): WithdrawPromise => ({
  type: 'WithdrawPromise',
  data: { promiseId: PROMISE, withdrawnOn: '2016-06-01', reason: 'Ersätts av nytt löfte', ...data },
});
const withdrawn: PromiseEvent = { type: 'PromiseWithdrawn', data: withdraw().data };

const adoptedHistory = [habo2016Drafted, habo2016Adopted];

describe('promise decider', () => {
  describe('DraftPromise', () => {
    it('drafts a promise under an active agreement, keeping the agreement id and parties', () => {
      given(promiseDecider, []).when(draftHabo2016()).then([habo2016Drafted]);
    });

    it('accepts a period that fills a closed agreement exactly', () => {
      const agreement = { agreementId: AGREEMENT, status: 'Active', partyIds: [POLICE, HABO], validFrom: '2016-01-01', validTo: '2016-12-31' };
      given(promiseDecider, []).when(draftHabo2016({ agreement, rationale: null })).then([
        { ...habo2016Drafted, data: { ...habo2016Drafted.data, rationale: null } },
      ]);
    });

    it('refuses to draft the same promise twice', () => {
      given(promiseDecider, [habo2016Drafted]).when(draftHabo2016()).thenThrows('PROMISE_ALREADY_EXISTS');
    });

    it.each(['Draft', 'Terminated'])('refuses an agreement that is %s, not Active', (status) => {
      const agreement = { ...draftHabo2016().data.agreement, status };
      given(promiseDecider, []).when(draftHabo2016({ agreement })).thenThrows('AGREEMENT_NOT_ACTIVE');
    });

    it.each([
      ['to before from', { from: '2016-12-31', to: '2016-01-01' }],
      ['an impossible date', { from: '2016-01-01', to: '2016-12-32' }],
    ])('refuses a period with %s', (_case, period) => {
      given(promiseDecider, []).when(draftHabo2016({ period })).thenThrows('INVALID_PERIOD');
    });

    it.each([
      ['starting before the agreement', { from: '2015-12-31', to: '2016-12-31' }, null],
      ['ending after the agreement', { from: '2016-01-01', to: '2017-01-01' }, '2016-12-31'],
    ])('refuses a period %s', (_case, period, validTo) => {
      const agreement = { ...draftHabo2016().data.agreement, validTo };
      given(promiseDecider, []).when(draftHabo2016({ period, agreement })).thenThrows('PERIOD_OUTSIDE_AGREEMENT');
    });

    it('refuses a planned activity whose responsible organisation is not a party', () => {
      const plannedActivities = [{ ...HABO_ACTIVITIES[0]!, responsibleOrganisationIds: [POLICE, 'org-mullsjo'] }];
      given(promiseDecider, []).when(draftHabo2016({ plannedActivities })).thenThrows('NOT_A_PARTY');
    });

    it.each([
      ['an empty title', { title: '' }],
      ['no focus areas', { focusAreas: [] }],
      ['a blank focus area', { focusAreas: ['Bostadsinbrott', ' '] }],
      ['a planned activity without description', { plannedActivities: [{ ...HABO_ACTIVITIES[0]!, description: '' }] }],
      ['a planned activity without a responsible party', { plannedActivities: [{ ...HABO_ACTIVITIES[0]!, responsibleOrganisationIds: [] }] }],
      ['two planned activities with one id', { plannedActivities: [HABO_ACTIVITIES[0]!, HABO_ACTIVITIES[0]!] }],
    ])('refuses %s', (_case, overrides) => {
      given(promiseDecider, []).when(draftHabo2016(overrides)).thenThrows('INVALID_PROMISE');
    });
  });

  describe('AdoptPromise', () => {
    it('adopts a draft (Habo 2016-12-06, both signatories)', () => {
      given(promiseDecider, [habo2016Drafted]).when(adopt()).then([habo2016Adopted]);
    });

    it('refuses to adopt a promise that does not exist', () => {
      given(promiseDecider, []).when(adopt()).thenThrows('PROMISE_NOT_FOUND');
    });

    it.each([
      ['adopted', adoptedHistory],
      ['extended', [...adoptedHistory, extended()]],
      ['withdrawn', [habo2016Drafted, withdrawn]],
    ])('refuses to adopt a promise that is %s', (_case, history) => {
      given(promiseDecider, history).when(adopt()).thenThrows('PROMISE_NOT_DRAFT');
    });

    it('refuses a signatory for an organisation that is not a party', () => {
      const signatories = [...HABO_SIGNATORIES, { name: 'N.N.', title: 'Kommundirektör', organisationId: 'org-mullsjo' }];
      given(promiseDecider, [habo2016Drafted]).when(adopt({ signatories })).thenThrows('NOT_A_PARTY');
    });

    it.each([
      ['no signatories', []],
      ['a signatory without a name', [{ ...HABO_SIGNATORIES[0]!, name: '' }]],
    ])('refuses %s', (_case, signatories) => {
      given(promiseDecider, [habo2016Drafted]).when(adopt({ signatories })).thenThrows('INVALID_SIGNATORY');
    });

    it('refuses an adoption date that is not a calendar date', () => {
      given(promiseDecider, [habo2016Drafted]).when(adopt({ adoptedOn: '6 dec 2016' })).thenThrows('INVALID_DATE');
    });
  });

  describe('ExtendPromise', () => {
    it('extends an adopted promise into the following period, keeping the plan', () => {
      given(promiseDecider, adoptedHistory).when(extend()).then([extended()]);
    });

    it('extends again, with revised activities, and keeps every period', () => {
      const revisedActivities = [{ plannedActivityId: 'pa-trafik', description: 'Moped- och A-traktorkontroller', responsibleOrganisationIds: [POLICE], target: null, indicators: [] }];
      const newPeriod = { from: '2018-01-01', to: '2019-12-31' };
      given(promiseDecider, [...adoptedHistory, extended()]).when(extend({ newPeriod, revisedActivities })).then([
        extended({ newPeriod, revisedActivities }),
      ]);
      const state = fold(promiseDecider, [...adoptedHistory, extended(), extended({ newPeriod, revisedActivities })]);
      if (state.status === 'None') throw new Error('expected a promise');
      expect(state.status).toBe('Extended');
      expect(state.periods).toEqual([
        { from: '2016-01-01', to: '2016-12-31' },
        { from: '2017-01-01', to: '2017-12-31' },
        newPeriod,
      ]);
      expect(currentPeriod(state)).toEqual(newPeriod);
      expect(state.plannedActivities).toEqual(revisedActivities);
    });

    it('refuses a promise that does not exist', () => {
      given(promiseDecider, []).when(extend()).thenThrows('PROMISE_NOT_FOUND');
    });

    it('refuses a draft', () => {
      given(promiseDecider, [habo2016Drafted]).when(extend()).thenThrows('PROMISE_NOT_ADOPTED');
    });

    it('refuses a withdrawn promise', () => {
      given(promiseDecider, [...adoptedHistory, withdrawn]).when(extend()).thenThrows('PROMISE_WITHDRAWN');
    });

    it.each([
      ['leaves a gap', { from: '2017-01-02', to: '2017-12-31' }],
      ['overlaps', { from: '2016-12-31', to: '2017-12-31' }],
      ['repeats the current period', { from: '2016-01-01', to: '2016-12-31' }],
    ])('refuses a new period that %s', (_case, newPeriod) => {
      given(promiseDecider, adoptedHistory).when(extend({ newPeriod })).thenThrows('PERIOD_MUST_FOLLOW');
    });

    it('refuses an invalid new period', () => {
      given(promiseDecider, adoptedHistory).when(extend({ newPeriod: { from: '2017-01-01', to: '2016-12-31' } })).thenThrows('INVALID_PERIOD');
    });

    it('refuses an empty reason', () => {
      given(promiseDecider, adoptedHistory).when(extend({ reason: '' })).thenThrows('INVALID_REASON');
    });

    it('checks revised activities like planned ones', () => {
      const outsider = [{ ...HABO_ACTIVITIES[0]!, responsibleOrganisationIds: ['org-mullsjo'] }];
      given(promiseDecider, adoptedHistory).when(extend({ revisedActivities: outsider })).thenThrows('NOT_A_PARTY');
      given(promiseDecider, adoptedHistory).when(extend({ revisedActivities: [{ ...HABO_ACTIVITIES[0]!, description: '' }] })).thenThrows('INVALID_PROMISE');
    });
  });

  describe('WithdrawPromise', () => {
    it.each([
      ['an adopted promise', adoptedHistory],
      ['an extended promise', [...adoptedHistory, extended()]],
      ['a draft (abandoned before adoption)', [habo2016Drafted]],
    ])('withdraws %s', (_case, history) => {
      given(promiseDecider, history).when(withdraw()).then([withdrawn]);
    });

    it('refuses to withdraw twice', () => {
      given(promiseDecider, [...adoptedHistory, withdrawn]).when(withdraw()).thenThrows('PROMISE_WITHDRAWN');
    });

    it('refuses a promise that does not exist', () => {
      given(promiseDecider, []).when(withdraw()).thenThrows('PROMISE_NOT_FOUND');
    });

    it('refuses an empty reason and a bad date', () => {
      given(promiseDecider, adoptedHistory).when(withdraw({ reason: ' ' })).thenThrows('INVALID_REASON');
      given(promiseDecider, adoptedHistory).when(withdraw({ withdrawnOn: '2016-02-30' })).thenThrows('INVALID_DATE');
    });

    it('records when and why in state', () => {
      expect(fold(promiseDecider, [...adoptedHistory, withdrawn])).toMatchObject({
        status: 'Withdrawn',
        withdrawal: { withdrawnOn: '2016-06-01', reason: 'Ersätts av nytt löfte' },
        adoption: { adoptedOn: '2016-12-06', place: 'Habo' },
      });
    });
  });
});
