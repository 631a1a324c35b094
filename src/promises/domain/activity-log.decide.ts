import { hasId } from '../../shared/domain/append-only-ids';
import { DomainError } from '../../shared/domain/domain-error';
import { periodContains, requireLocalDate } from '../../shared/domain/value-objects';
import type { LogActivity } from './promise.commands';
import { ACTIVITY_KINDS, PromiseEvent } from './promise.events';
import { requireParty, requirePromise } from './promise.rules';
import { coveredPeriod, PromiseState } from './promise.state';

/**
 * The activity log lives in the promise stream: whether an entry may be logged
 * depends on the promise's status, periods, parties and plan, and one stream
 * keeps those checks consistent under concurrent writers.
 */
export function logActivity({ data }: LogActivity, state: PromiseState): PromiseEvent[] {
  const promise = requirePromise(state, data.promiseId);
  if (promise.status === 'Draft' || promise.status === 'Withdrawn') {
    throw new DomainError('PROMISE_NOT_ACTIVE', `Activities are logged on adopted promises; this one is ${promise.status}`, {
      status: promise.status,
    });
  }
  if (hasId(promise.loggedEntryIds, data.entryId)) {
    throw new DomainError('ACTIVITY_ALREADY_LOGGED', `Entry ${data.entryId} is already logged`, { entryId: data.entryId });
  }
  if (!ACTIVITY_KINDS.includes(data.kind)) {
    throw new DomainError('INVALID_ACTIVITY_KIND', `Unknown activity kind ${String(data.kind)}`, { field: 'kind' });
  }
  requireLocalDate(data.date, 'date');
  if (!Number.isInteger(data.count) || data.count < 1) {
    throw new DomainError('INVALID_COUNT', 'count must be a positive whole number', { field: 'count' });
  }
  const covered = coveredPeriod(promise);
  if (!periodContains(covered, data.date)) {
    throw new DomainError('ACTIVITY_OUTSIDE_PERIOD', `${data.date} is outside the promise (${covered.from}..${covered.to})`, {
      field: 'date',
      from: covered.from,
      to: covered.to,
    });
  }
  requireParty(promise.partyIds, data.responsibleOrganisationId, 'responsibleOrganisationId');
  if (data.plannedActivityId !== null && !promise.plannedActivityIds.has(data.plannedActivityId)) {
    throw new DomainError('UNKNOWN_PLANNED_ACTIVITY', `No planned activity ${data.plannedActivityId}`, {
      field: 'plannedActivityId',
      plannedActivityId: data.plannedActivityId,
    });
  }
  const { promiseId, entryId, date, kind, responsibleOrganisationId, count, place, outcome, notes, plannedActivityId } = data;
  return [
    {
      type: 'ActivityLogged',
      data: { promiseId, entryId, date, kind, responsibleOrganisationId, count, place, outcome, notes, plannedActivityId },
    },
  ];
}
