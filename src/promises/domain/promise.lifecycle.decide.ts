import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText, requireLocalDate } from '../../shared/domain/value-objects';
import type { CompletePromise, LinkFocusAreas, PublishPromise } from './promise.commands';
import type { PromiseEvent } from './promise.events';
import { requireOpen, requirePromise, requireRunning } from './promise.rules';
import { currentPeriod, PromiseState } from './promise.state';

/** Adopted (or extended) promises are published to citizens; a draft is not public yet. */
export function publish({ data }: PublishPromise, state: PromiseState): PromiseEvent[] {
  const promise = requirePromise(state, data.promiseId);
  if (promise.status === 'Published') throw new DomainError('PROMISE_ALREADY_PUBLISHED', 'The promise is already published');
  if (promise.status !== 'Adopted' && promise.status !== 'Extended') {
    throw new DomainError('PROMISE_NOT_ADOPTED', `Only an adopted promise is published; this one is ${promise.status}`, { status: promise.status });
  }
  requireLocalDate(data.publishedOn, 'publishedOn');
  if (!Array.isArray(data.channels) || !data.channels.every(isNonEmptyText)) {
    throw new DomainError('INVALID_CHANNELS', 'Channels are named, e.g. "habo.se"', { field: 'channels' });
  }
  return [{ type: 'PromisePublished', data: { promiseId: data.promiseId, publishedOn: data.publishedOn, channels: [...data.channels] } }];
}

/** Completed only once the current period's final report is in. */
export function complete({ data }: CompletePromise, state: PromiseState): PromiseEvent[] {
  const promise = requireRunning(state, data.promiseId);
  requireLocalDate(data.completedOn, 'completedOn');
  const period = currentPeriod(promise);
  if (!promise.finalReportsFor.includes(period.from)) {
    throw new DomainError('FINAL_REPORT_MISSING', `Submit the final report for ${period.from}..${period.to} first`, { periodFrom: period.from });
  }
  return [{ type: 'PromiseCompleted', data: { promiseId: data.promiseId, completedOn: data.completedOn } }];
}

/** The focus areas must come from the assessment, and an assessment of another agreement does not fit. */
export function linkFocusAreas({ data }: LinkFocusAreas, state: PromiseState): PromiseEvent[] {
  const promise = requireOpen(state, data.promiseId);
  const { assessment } = data;
  if (assessment.status === 'None') {
    throw new DomainError('ASSESSMENT_NOT_FOUND', `No assessment ${assessment.assessmentId}`, { field: 'assessmentId' });
  }
  if (assessment.agreementId !== null && assessment.agreementId !== promise.agreementId) {
    throw new DomainError('ASSESSMENT_OF_OTHER_AGREEMENT', 'The assessment belongs to another agreement', { field: 'assessmentId' });
  }
  const ids = data.focusAreaIds;
  if (!Array.isArray(ids) || ids.length === 0 || new Set(ids).size !== ids.length) {
    throw new DomainError('INVALID_FOCUS_AREAS', 'One or more distinct focus areas', { field: 'focusAreaIds' });
  }
  const unknown = ids.find((id) => !assessment.focusAreaIds.includes(id));
  if (unknown) throw new DomainError('UNKNOWN_FOCUS_AREA', `No focus area ${unknown} in the assessment`, { field: 'focusAreaIds', focusAreaId: unknown });
  return [{ type: 'PromiseLinkedToFocusAreas', data: { promiseId: data.promiseId, assessmentId: assessment.assessmentId, focusAreaIds: [...ids] } }];
}
