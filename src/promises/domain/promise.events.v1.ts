/**
 * Frozen payloads as the first release stored them: planned activities without
 * target or indicators, log entries without hours or cost. Never edit: tests
 * fold these through the current code to prove old streams stay readable.
 */
export const PROMISE_DRAFTED_V1 = {
  type: 'PromiseDrafted',
  data: {
    promiseId: 'ml-habo-drogfri-miljo',
    title: 'Skapa förutsättningar för en drogfri miljö för barn och ungdomar',
    agreementId: 'so-habo-sodra-vatterbygden-2016',
    partyIds: ['lpo-sodra-vatterbygden', 'habo-kommun'],
    period: { from: '2016-01-01', to: '2016-12-31' },
    rationale: null,
    focusAreas: ['Bostadsinbrott'],
    plannedActivities: [
      { plannedActivityId: 'hundsok-i-skolor', description: 'Polisen kommer utföra hund-sök i skolor.', responsibleOrganisationIds: ['lpo-sodra-vatterbygden'] },
    ],
  },
} as const;

export const ACTIVITY_LOGGED_V1 = {
  type: 'ActivityLogged',
  data: {
    promiseId: 'ml-habo-drogfri-miljo',
    entryId: 'logg-2016-01',
    date: '2016-03-14',
    kind: 'DetectionDogSearch',
    responsibleOrganisationId: 'lpo-sodra-vatterbygden',
    count: 1,
    place: 'Högstadieskola i Habo',
    outcome: 'Ett hundsök, ingen narkotika hittades',
    notes: null,
    plannedActivityId: 'hundsok-i-skolor',
  },
} as const;
