import { fold } from '../../shared/domain/fold';
import { given } from '../../shared/domain/given-when-then';
import type { AdoptPromise, ExtendPromise, LogActivity, PromiseCommand } from './promise.commands';
import { promiseDecider } from './promise.decider';
import type { ActivityLogged, PromiseEvent, PromiseExtended } from './promise.events';
import {
  AGREEMENT, draftHabo2016, HABO, HABO_ACTIVITIES, HABO_EXTENSION_REASON, HABO_SIGNATORIES, habo2016Adopted, habo2016Drafted,
  POLICE, PROMISE,
} from './promise.fixtures';
import { PromiseState } from './promise.state';

/** The seed document, told as commands: each step decided against the events before it. */
describe('Habo / Södra Vätterbygden: the 2016 promise extended into 2017', () => {
  const adopt: AdoptPromise = {
    type: 'AdoptPromise',
    data: { promiseId: PROMISE, adoptedOn: '2016-12-06', place: 'Habo', signatories: HABO_SIGNATORIES },
  };
  const extend: ExtendPromise = {
    type: 'ExtendPromise',
    data: { promiseId: PROMISE, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: HABO_EXTENSION_REASON, revisedActivities: null, decision: null },
  };
  const logDogSearch: LogActivity = {
    type: 'LogActivity',
    data: {
      promiseId: PROMISE,
      entryId: 'entry-2017-001',
      date: '2017-03-14',
      kind: 'DetectionDogSearch',
      responsibleOrganisationId: POLICE,
      count: 1,
      place: 'Högstadieskola i Habo',
      outcome: 'Ett hundsök, ingen narkotika påträffades',
      notes: null,
      plannedActivityId: 'pa-hundsok',
    },
  };
  // Each step: the command, and the events it must produce given all earlier steps' events.
  const steps: Array<[string, PromiseCommand, PromiseEvent[]]> = [
    ['draft the 2016 promise', draftHabo2016(), [habo2016Drafted]],
    ['adopt it, Habo 2016-12-06', adopt, [habo2016Adopted]],
    ['extend it into 2017 with the seed’s reason', extend, [{ type: 'PromiseExtended', data: extend.data as PromiseExtended['data'] }]],
    ['log a detection-dog search at a school', logDogSearch, [{ type: 'ActivityLogged', data: { ...logDogSearch.data, hours: null, cost: null } as ActivityLogged['data'] }]],
  ];
  const historyBefore = (step: number) => steps.slice(0, step).flatMap(([, , events]) => events);

  it.each(steps.map((step, i) => [step[0], i]))('%s', (_name, i) => {
    const [, command, events] = steps[i as number]!;
    given(promiseDecider, historyBefore(i as number)).when(command).then(events);
  });

  it('ends as an extended promise over two periods with one logged dog search', () => {
    const history = historyBefore(steps.length);
    const state: PromiseState = fold(promiseDecider, history);
    expect(state).toMatchObject({
      status: 'Extended',
      agreementId: AGREEMENT,
      partyIds: [POLICE, HABO],
      periods: [
        { from: '2016-01-01', to: '2016-12-31' },
        { from: '2017-01-01', to: '2017-12-31' },
      ],
      plannedActivities: HABO_ACTIVITIES,
      adoption: { adoptedOn: '2016-12-06', place: 'Habo', signatories: HABO_SIGNATORIES },
      withdrawal: null,
      loggedEntryIds: { id: 'entry-2017-001', size: 1 },
    });
    expect(JSON.parse(JSON.stringify(history))).toEqual(history); // the stream round-trips through JSON
  });
});
