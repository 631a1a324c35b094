import { hasId } from '../../shared/domain/append-only-ids';
import { DomainError } from '../../shared/domain/domain-error';
import { periodContains, requireLocalDate, requireText } from '../../shared/domain/value-objects';
import type { CorrectActivity, LogActivity } from './promise.commands';
import { ACTIVITY_KINDS, PromiseEvent } from './promise.events';
import { requireParty, requireRunning } from './promise.rules';
import { coveredPeriod, ExistingPromise, PromiseState } from './promise.state';

const optionalAmount = (value: number | null | undefined, field: string): number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new DomainError('INVALID_AMOUNT', `${field} must be zero or more`, { field });
  }
  return value;
};

/** The checks an entry passes whether first logged or a correction, and its fields as stored. */
function validEntry(promise: ExistingPromise, data: LogActivity['data'] | CorrectActivity['data']) {
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
  const { date, kind, responsibleOrganisationId, count, place, outcome, notes, plannedActivityId } = data;
  const hours = optionalAmount(data.hours, 'hours');
  const cost = optionalAmount(data.cost, 'cost');
  return { date, kind, responsibleOrganisationId, count, place, outcome, notes, plannedActivityId, hours, cost };
}

/**
 * The activity log lives in the promise stream: whether an entry may be logged
 * depends on the promise's status, periods, parties and plan, and one stream
 * keeps those checks consistent under concurrent writers.
 */
export function logActivity({ data }: LogActivity, state: PromiseState): PromiseEvent[] {
  const promise = requireRunning(state, data.promiseId);
  const fields = validEntry(promise, data);
  return [{ type: 'ActivityLogged', data: { promiseId: data.promiseId, entryId: data.entryId, ...fields } }];
}

/** A correction is a new entry superseding the old one, with the reason; nothing is deleted. */
export function correctActivity({ data }: CorrectActivity, state: PromiseState): PromiseEvent[] {
  const promise = requireRunning(state, data.promiseId);
  if (!hasId(promise.loggedEntryIds, data.correctsEntryId)) {
    throw new DomainError('ACTIVITY_NOT_FOUND', `No entry ${data.correctsEntryId} to correct`, { field: 'correctsEntryId' });
  }
  if (hasId(promise.supersededEntryIds, data.correctsEntryId)) {
    throw new DomainError('ACTIVITY_ALREADY_CORRECTED', `Entry ${data.correctsEntryId} was already corrected; correct the correction`, {
      field: 'correctsEntryId',
    });
  }
  requireText(data.reason, 'INVALID_REASON', 'reason');
  const fields = validEntry(promise, data);
  const { promiseId, entryId, correctsEntryId, reason } = data;
  return [{ type: 'ActivityCorrected', data: { promiseId, entryId, correctsEntryId, reason, ...fields } }];
}
