/**
 * Test and demo data from the seed document (seed/medborgarlofte-habo-2017.txt),
 * word for word where it gives words. Ids are made up.
 */
import type { DraftPromise } from './promise.commands';
import type { PromiseAdopted, PromiseDrafted, PlannedActivity } from './promise.events';
import {
  HABO_ACTIVITIES as SEED_ACTIVITIES, HABO_EXTENSION_REASON, HABO_FOCUS_AREAS, HABO_IDS, HABO_PROMISE_TITLE as HABO_TITLE, HABO_RATIONALE,
} from '../../demo/habo-seed';

export const POLICE = 'org-lpo-sodra-vatterbygden';
export const HABO = 'org-habo-kommun';
export const AGREEMENT = 'agreement-habo-2016';
export const PROMISE = 'promise-habo-2016';

export { HABO_TITLE, HABO_FOCUS_AREAS, HABO_RATIONALE, HABO_EXTENSION_REASON };

/** The seed's five activities under this file's ids; responsibility as the text states it ("Tillsammans" = joint). */
const ACTIVITY_IDS = ['pa-hundsok', 'pa-strategitraffar', 'pa-sig', 'pa-omradespolis', 'pa-andt'];
const SEED_PARTY: Record<string, string> = { [HABO_IDS.police]: POLICE, [HABO_IDS.municipality]: HABO };
export const HABO_ACTIVITIES: PlannedActivity[] = SEED_ACTIVITIES.map((activity, i) => ({
  plannedActivityId: ACTIVITY_IDS[i],
  description: activity.description,
  responsibleOrganisationIds: activity.responsibleOrganisationIds.map((id) => SEED_PARTY[id]),
  target: null,
  indicators: [],
}));

export const HABO_SIGNATORIES = [
  { name: 'Fredrik Lindfors', title: 'Chef Lokalpolisområde Södra Vätterbygden', organisationId: POLICE },
  { name: 'Gunnar Pettersson', title: 'Ordf. kommunstyrelsen Habo kommun', organisationId: HABO },
];

/** The agreement signed "inför 2016", valid "tills vidare". */
export const draftHabo2016 = (overrides: Partial<DraftPromise['data']> = {}): DraftPromise => ({
  type: 'DraftPromise',
  data: {
    promiseId: PROMISE,
    title: HABO_TITLE,
    agreement: { agreementId: AGREEMENT, status: 'Active', partyIds: [POLICE, HABO], validFrom: '2016-01-01', validTo: null },
    period: { from: '2016-01-01', to: '2016-12-31' },
    rationale: HABO_RATIONALE,
    focusAreas: HABO_FOCUS_AREAS,
    plannedActivities: HABO_ACTIVITIES,
    ...overrides,
  },
});

export const habo2016Drafted: PromiseDrafted = {
  type: 'PromiseDrafted',
  data: {
    promiseId: PROMISE,
    title: HABO_TITLE,
    agreementId: AGREEMENT,
    partyIds: [POLICE, HABO],
    period: { from: '2016-01-01', to: '2016-12-31' },
    rationale: HABO_RATIONALE,
    focusAreas: HABO_FOCUS_AREAS,
    plannedActivities: HABO_ACTIVITIES,
  },
};

export const habo2016Adopted: PromiseAdopted = {
  type: 'PromiseAdopted',
  data: { promiseId: PROMISE, adoptedOn: '2016-12-06', place: 'Habo', signatories: HABO_SIGNATORIES },
};
