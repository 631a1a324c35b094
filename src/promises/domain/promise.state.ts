import { addId, AppendOnlyIds, emptyIds } from '../../shared/domain/append-only-ids';
import { assertNever } from '../../shared/domain/decider';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type { PlannedActivity, PromiseEvent, PromiseSignatory } from './promise.events';

/** Later: 'Published', 'Completed'. A new status is a new union member, not a rewrite. */
export type PromiseStatus = 'None' | 'Draft' | 'Adopted' | 'Extended' | 'Withdrawn';

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
  readonly withdrawal: { readonly withdrawnOn: LocalDate; readonly reason: string } | null;
  /** Entry ids already logged (`hasId`); append-only so a long log folds in linear time. */
  readonly loggedEntryIds: AppendOnlyIds;
};

export type PromiseState = { readonly status: 'None' } | ExistingPromise;

export const initialPromiseState = (): PromiseState => ({ status: 'None' });

export const currentPeriod = (promise: ExistingPromise): Period => promise.periods[promise.periods.length - 1]!;

/** From the first period's start to the current period's end: where activities may be dated. */
export const coveredPeriod = (promise: ExistingPromise): Period => ({
  from: promise.periods[0]!.from,
  to: currentPeriod(promise).to,
});

/** Events after PromiseDrafted need a drafted promise; anything else is a corrupt stream, not a rule violation. */
function drafted(state: PromiseState, eventType: string): ExistingPromise {
  if (state.status === 'None') throw new Error(`${eventType} before PromiseDrafted`);
  return state;
}

const withIds = (ids: ReadonlySet<string>, activities: readonly PlannedActivity[]) =>
  new Set([...ids, ...activities.map((a) => a.plannedActivityId)]);

export function evolvePromise(state: PromiseState, event: PromiseEvent): PromiseState {
  switch (event.type) {
    case 'PromiseDrafted': {
      const { promiseId, title, agreementId, partyIds, period, rationale, focusAreas, plannedActivities } = event.data;
      return {
        status: 'Draft',
        ...{ promiseId, title, agreementId, partyIds, rationale, focusAreas, plannedActivities },
        periods: [period],
        plannedActivityIds: withIds(new Set(), plannedActivities),
        adoption: null,
        withdrawal: null,
        loggedEntryIds: emptyIds,
      };
    }
    case 'PromiseAdopted': {
      const { adoptedOn, place, signatories } = event.data;
      return { ...drafted(state, event.type), status: 'Adopted', adoption: { adoptedOn, place, signatories } };
    }
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
    case 'ActivityLogged': {
      const current = drafted(state, event.type);
      return { ...current, loggedEntryIds: addId(current.loggedEntryIds, event.data.entryId) };
    }
    default:
      return assertNever(event);
  }
}
