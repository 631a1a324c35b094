import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText } from '../../shared/domain/value-objects';
import type { PlannedActivity, PromiseSignatory } from './promise.events';
import type { PromiseState, ExistingPromise } from './promise.state';

export function requireParty(partyIds: readonly string[], organisationId: string, field: string): void {
  if (!partyIds.includes(organisationId)) {
    throw new DomainError('NOT_A_PARTY', `Organisation ${organisationId} is not a party to the agreement`, {
      field,
      organisationId,
    });
  }
}

export function requirePromise(state: PromiseState, promiseId: string): ExistingPromise {
  if (state.status === 'None') throw new DomainError('PROMISE_NOT_FOUND', `No promise ${promiseId}`, { promiseId });
  return state;
}

const invalidPromise = (field: string, message: string) => new DomainError('INVALID_PROMISE', message, { field });

/**
 * A plan (at drafting, or revised at extension): ids unique, a description, and
 * one or more responsible parties each. Returns a copy holding only the known
 * fields, so nothing the caller added rides into the event.
 */
export function validPlan(activities: readonly PlannedActivity[], partyIds: readonly string[], field: string): PlannedActivity[] {
  if (!Array.isArray(activities)) throw invalidPromise(field, `${field} must be a list`);
  const ids = new Set<string>();
  return activities.map((activity, i) => {
    const at = `${field}[${i}]`;
    if (!isNonEmptyText(activity?.plannedActivityId) || ids.has(activity.plannedActivityId)) {
      throw invalidPromise(`${at}.plannedActivityId`, 'Each planned activity needs its own id');
    }
    ids.add(activity.plannedActivityId);
    if (!isNonEmptyText(activity.description)) throw invalidPromise(`${at}.description`, 'A planned activity needs a description');
    const responsible = activity.responsibleOrganisationIds;
    if (!Array.isArray(responsible) || responsible.length === 0 || new Set(responsible).size !== responsible.length) {
      throw invalidPromise(`${at}.responsibleOrganisationIds`, 'One or more distinct responsible organisations');
    }
    responsible.forEach((id) => requireParty(partyIds, id, `${at}.responsibleOrganisationIds`));
    return {
      plannedActivityId: activity.plannedActivityId,
      description: activity.description,
      responsibleOrganisationIds: [...responsible],
    };
  });
}

/** At least one signatory, each named and titled and signing for a party. */
export function validSignatories(signatories: readonly PromiseSignatory[], partyIds: readonly string[]): PromiseSignatory[] {
  if (!Array.isArray(signatories) || signatories.length === 0) {
    throw new DomainError('INVALID_SIGNATORY', 'A promise is adopted by at least one signatory', { field: 'signatories' });
  }
  return signatories.map(({ name, title, organisationId }, i) => {
    if (!isNonEmptyText(name) || !isNonEmptyText(title)) {
      throw new DomainError('INVALID_SIGNATORY', 'A signatory needs a name and a title', { field: `signatories[${i}]` });
    }
    requireParty(partyIds, organisationId, `signatories[${i}].organisationId`);
    return { name, title, organisationId };
  });
}
