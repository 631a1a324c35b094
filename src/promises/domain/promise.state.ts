import { addId, AppendOnlyIds, emptyIds } from '../../shared/domain/append-only-ids';
import { assertNever } from '../../shared/domain/decider';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type { PlannedActivity, PlannedFollowUp, PromiseEvent, PromiseSignatory } from './promise.events';
import { StoredPromiseEvent, upcastPromiseEvent } from './promise.upcast';

/** Draft → Adopted → Published → Extended / Completed / Withdrawn. */
export type PromiseStatus = 'None' | 'Draft' | 'Adopted' | 'Published' | 'Extended' | 'Completed' | 'Withdrawn';

export type FollowUpPlan = { readonly period: Period; readonly followUps: readonly PlannedFollowUp[]; readonly finalReportDueOn: LocalDate };

export type ExistingPromise = {
  readonly status: Exclude<PromiseStatus, 'None'>;
  readonly promiseId: string;
  readonly title: string;
  readonly agreementId: string;
  readonly partyIds: readonly string[];
  /** Every period the promise has run for, oldest first; the last is the current one. */
  readonly periods: readonly Period[];
  readonly rationale: string | null;
  readonly focusAreas: readonly string[];
  /** The current plan (replaced when an extension revises it). */
  readonly plannedActivities: readonly PlannedActivity[];
  /** Every planned-activity id ever in the plan, so a late entry for last year's plan still resolves. */
  readonly plannedActivityIds: ReadonlySet<string>;
  readonly adoption: { readonly adoptedOn: LocalDate; readonly place: string | null; readonly signatories: readonly PromiseSignatory[] } | null;
  readonly publishedOn: LocalDate | null;
  readonly withdrawal: { readonly withdrawnOn: LocalDate; readonly reason: string } | null;
  /** Entry ids already logged (`hasId`), each with its date (`valueOfId`); append-only so a long log folds in linear time. */
  readonly loggedEntryIds: AppendOnlyIds;
  /** Entries a correction has superseded. */
  readonly supersededEntryIds: AppendOnlyIds;
  /** Each entry with its responsible organisation, as `entryKey(organisation, entry)`: who may correct it. */
  readonly entryOwners: AppendOnlyIds;
  /** One plan per period that has one, the newest last. */
  readonly followUpPlans: readonly FollowUpPlan[];
  readonly recordedFollowUpIds: readonly string[];
  /** Periods (by their start) whose final report is in. */
  readonly finalReportsFor: readonly LocalDate[];
};

export type PromiseState = { readonly status: 'None' } | ExistingPromise;

export const initialPromiseState = (): PromiseState => ({ status: 'None' });

export const currentPeriod = (promise: ExistingPromise): Period => promise.periods[promise.periods.length - 1]!;

/** From the first period's start to the current period's end: where activities may be dated. */
export const coveredPeriod = (promise: ExistingPromise): Period => ({
  from: promise.periods[0]!.from,
  to: currentPeriod(promise).to,
});

/** The follow-up plan of the current period, if one was made. */
export const currentFollowUpPlan = (promise: ExistingPromise): FollowUpPlan | null =>
  promise.followUpPlans.find((plan) => plan.period.from === currentPeriod(promise).from) ?? null;

/** Events after PromiseDrafted need a drafted promise; anything else is a corrupt stream, not a rule violation. */
function drafted(state: PromiseState, eventType: string): ExistingPromise {
  if (state.status === 'None') throw new Error(`${eventType} before PromiseDrafted`);
  return state;
}

const withIds = (ids: ReadonlySet<string>, activities: readonly PlannedActivity[]) =>
  new Set([...ids, ...activities.map((a) => a.plannedActivityId)]);

export function evolvePromise(state: PromiseState, stored: PromiseEvent): PromiseState {
  const event = upcastPromiseEvent(stored as StoredPromiseEvent);
  switch (event.type) {
    case 'PromiseDrafted': {
      const { promiseId, title, agreementId, partyIds, period, rationale, focusAreas, plannedActivities } = event.data;
      return {
        status: 'Draft',
        ...{ promiseId, title, agreementId, partyIds, rationale, focusAreas, plannedActivities },
        periods: [period],
        plannedActivityIds: withIds(new Set(), plannedActivities),
        adoption: null,
        publishedOn: null,
        withdrawal: null,
        loggedEntryIds: emptyIds,
        supersededEntryIds: emptyIds,
        entryOwners: emptyIds,
        followUpPlans: [],
        recordedFollowUpIds: [],
        finalReportsFor: [],
      };
    }
    case 'PromiseAdopted': {
      const { adoptedOn, place, signatories } = event.data;
      return { ...drafted(state, event.type), status: 'Adopted', adoption: { adoptedOn, place, signatories } };
    }
    case 'PromisePublished':
      return { ...drafted(state, event.type), status: 'Published', publishedOn: event.data.publishedOn };
    case 'PromiseExtended': {
      const current = drafted(state, event.type);
      const { newPeriod, revisedActivities } = event.data;
      const plannedActivities = revisedActivities ?? current.plannedActivities;
      return {
        ...current,
        status: 'Extended',
        periods: [...current.periods, newPeriod],
        plannedActivities,
        plannedActivityIds: withIds(current.plannedActivityIds, plannedActivities),
      };
    }
    case 'PromiseWithdrawn': {
      const { withdrawnOn, reason } = event.data;
      return { ...drafted(state, event.type), status: 'Withdrawn', withdrawal: { withdrawnOn, reason } };
    }
    case 'PromiseCompleted':
      return { ...drafted(state, event.type), status: 'Completed' };
    case 'PromiseLinkedToFocusAreas':
      return drafted(state, event.type); // nothing a later decision depends on
    case 'ActivityLogged': {
      const current = drafted(state, event.type);
      return {
        ...current,
        loggedEntryIds: addId(current.loggedEntryIds, event.data.entryId, event.data.date),
        entryOwners: addId(current.entryOwners, entryKey(event.data.responsibleOrganisationId, event.data.entryId)),
      };
    }
    case 'ActivityCorrected': {
      const current = drafted(state, event.type);
      return {
        ...current,
        loggedEntryIds: addId(current.loggedEntryIds, event.data.entryId, event.data.date),
        supersededEntryIds: addId(current.supersededEntryIds, event.data.correctsEntryId),
        entryOwners: addId(current.entryOwners, entryKey(event.data.responsibleOrganisationId, event.data.entryId)),
      };
    }
    case 'FollowUpsPlanned': {
      const current = drafted(state, event.type);
      const { period, followUps, finalReportDueOn } = event.data;
      const others = current.followUpPlans.filter((plan) => plan.period.from !== period.from);
      return { ...current, followUpPlans: [...others, { period, followUps, finalReportDueOn }] };
    }
    case 'FollowUpRecorded': {
      const current = drafted(state, event.type);
      return { ...current, recordedFollowUpIds: [...current.recordedFollowUpIds, event.data.followUpId] };
    }
    case 'FinalReportSubmitted': {
      const current = drafted(state, event.type);
      return { ...current, finalReportsFor: [...current.finalReportsFor, event.data.period.from] };
    }
    default:
      return assertNever(event);
  }
}

/** An activity entry together with the organisation responsible for it (ids hold no NUL). */
export const entryKey = (organisationId: string, entryId: string) => `${organisationId}\u0000${entryId}`;
