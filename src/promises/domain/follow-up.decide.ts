import { DomainError } from '../../shared/domain/domain-error';
import { isLocalDate, isNonEmptyText, requireLocalDate, requireText } from '../../shared/domain/value-objects';
import type { PlanFollowUps, RecordFollowUp, SubmitFinalReport } from './promise.commands';
import { FOLLOW_UP_STATUSES, PromiseEvent } from './promise.events';
import { requireOpen, requireRunning } from './promise.rules';
import { currentFollowUpPlan, currentPeriod, ExistingPromise, PromiseState } from './promise.state';
import type { Period } from '../../shared/domain/value-objects';

const invalid = (field: string, message: string) => new DomainError('INVALID_FOLLOW_UP', message, { field });

/**
 * The follow-up points of the current period (the seed: May and September;
 * others: tertials) and when the final report is due (the seed: 31 January
 * after the period). A plan can be remade until a follow-up is recorded on it.
 */
export function planFollowUps({ data }: PlanFollowUps, state: PromiseState): PromiseEvent[] {
  const promise = requireOpen(state, data.promiseId);
  const period = currentPeriod(promise);
  const existing = currentFollowUpPlan(promise);
  if (existing && existing.followUps.some((f) => promise.recordedFollowUpIds.includes(f.followUpId))) {
    throw new DomainError('FOLLOW_UP_PLAN_LOCKED', 'A follow-up of this plan is already recorded');
  }
  requireLocalDate(data.finalReportDueOn, 'finalReportDueOn');
  if (data.finalReportDueOn <= period.to) {
    throw new DomainError('FINAL_REPORT_DUE_BEFORE_PERIOD_END', 'The final report is due after the period ends', {
      field: 'finalReportDueOn',
      periodTo: period.to,
    });
  }
  if (!Array.isArray(data.followUps) || data.followUps.length === 0) throw invalid('followUps', 'One or more follow-up points');
  const ids = new Set<string>();
  const used = usedFollowUpIds(promise);
  const followUps = data.followUps.map(({ followUpId, dueOn, label }, i) => {
    if (!isNonEmptyText(followUpId) || ids.has(followUpId)) throw invalid(`followUps[${i}].followUpId`, 'Each follow-up needs its own id');
    const usedIn = used.get(followUpId);
    if (usedIn) {
      throw new DomainError('FOLLOW_UP_ID_ALREADY_USED', `Follow-up id ${followUpId} is already used for ${usedIn.from}..${usedIn.to}; give this period's follow-up a new id`, {
        field: `followUps[${i}].followUpId`,
        followUpId,
        periodFrom: usedIn.from,
      });
    }
    ids.add(followUpId);
    requireLocalDate(dueOn, `followUps[${i}].dueOn`);
    requireText(label, 'INVALID_FOLLOW_UP', `followUps[${i}].label`);
    if (dueOn < period.from || dueOn > data.finalReportDueOn) {
      throw new DomainError('FOLLOW_UP_OUTSIDE_PERIOD', `${dueOn} is outside ${period.from}..${data.finalReportDueOn}`, { field: `followUps[${i}].dueOn` });
    }
    return { followUpId, dueOn, label };
  });
  return [{ type: 'FollowUpsPlanned', data: { promiseId: data.promiseId, period: { ...period }, followUps, finalReportDueOn: data.finalReportDueOn } }];
}

/**
 * A follow-up id names one follow-up of the promise for good: the promise lists
 * the follow-ups of every period by id, and a recorded one is looked up by it.
 * So the ids of earlier periods' plans (and any recorded id) are taken; only a
 * remade plan of the current period may use its own ids again.
 */
function usedFollowUpIds(promise: ExistingPromise): Map<string, Period> {
  const current = currentPeriod(promise).from;
  const used = new Map<string, Period>();
  for (const plan of promise.followUpPlans) {
    if (plan.period.from === current) continue;
    for (const f of plan.followUps) used.set(f.followUpId, plan.period);
  }
  return used;
}

/** A planned follow-up, once: status per planned activity, indicator measurements, what citizens were told. */
export function recordFollowUp({ data }: RecordFollowUp, state: PromiseState): PromiseEvent[] {
  const promise = requireRunning(state, data.promiseId);
  const plan = currentFollowUpPlan(promise);
  if (!plan || !plan.followUps.some((f) => f.followUpId === data.followUpId)) {
    throw new DomainError('FOLLOW_UP_NOT_PLANNED', `No follow-up ${data.followUpId} is planned for the current period`, { field: 'followUpId' });
  }
  if (promise.recordedFollowUpIds.includes(data.followUpId)) {
    throw new DomainError('FOLLOW_UP_ALREADY_RECORDED', `Follow-up ${data.followUpId} is already recorded`, { followUpId: data.followUpId });
  }
  requireLocalDate(data.reportedOn, 'reportedOn');
  requireText(data.summary, 'INVALID_FOLLOW_UP', 'summary');
  const plannedIds = promise.plannedActivities.map((a) => a.plannedActivityId);
  const activityStatuses = data.activityStatuses.map(({ plannedActivityId, status, comment }, i) => {
    if (!plannedIds.includes(plannedActivityId)) {
      throw new DomainError('UNKNOWN_PLANNED_ACTIVITY', `No planned activity ${plannedActivityId}`, { field: `activityStatuses[${i}].plannedActivityId` });
    }
    if (!FOLLOW_UP_STATUSES.includes(status)) throw invalid(`activityStatuses[${i}].status`, `Status is one of ${FOLLOW_UP_STATUSES.join(', ')}`);
    return { plannedActivityId, status, comment };
  });
  const indicatorIds = promise.plannedActivities.flatMap((a) => a.indicators.map((i) => i.indicatorId));
  const measurements = data.measurements.map(({ indicatorId, value, measuredOn, note }, i) => {
    if (!indicatorIds.includes(indicatorId)) {
      throw new DomainError('UNKNOWN_INDICATOR', `No indicator ${indicatorId} in the plan`, { field: `measurements[${i}].indicatorId` });
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`measurements[${i}].value`, 'A measurement is a number');
    if (!isLocalDate(measuredOn)) requireLocalDate(measuredOn, `measurements[${i}].measuredOn`);
    return { indicatorId, value, measuredOn, note };
  });
  if (!Array.isArray(data.communicationChannels) || !data.communicationChannels.every(isNonEmptyText)) {
    throw invalid('communicationChannels', 'Channels are named');
  }
  const { promiseId, followUpId, reportedOn, summary, communicatedToCitizens } = data;
  return [{
    type: 'FollowUpRecorded',
    data: { promiseId, followUpId, reportedOn, summary, activityStatuses, measurements, communicatedToCitizens, communicationChannels: [...data.communicationChannels] },
  }];
}

/** One final report per period, written after the period ends; its due date comes from the plan. */
export function submitFinalReport({ data }: SubmitFinalReport, state: PromiseState): PromiseEvent[] {
  const promise = requireRunning(state, data.promiseId);
  const period = currentPeriod(promise);
  if (promise.finalReportsFor.includes(period.from)) {
    throw new DomainError('FINAL_REPORT_ALREADY_SUBMITTED', `The final report for ${period.from}..${period.to} is in`);
  }
  requireLocalDate(data.submittedOn, 'submittedOn');
  if (data.submittedOn <= period.to) {
    throw new DomainError('FINAL_REPORT_BEFORE_PERIOD_END', `A final report is written after the period ends (${period.to})`, { field: 'submittedOn' });
  }
  requireText(data.summary, 'INVALID_FINAL_REPORT', 'summary');
  const dueOn = currentFollowUpPlan(promise)?.finalReportDueOn ?? null;
  return [{ type: 'FinalReportSubmitted', data: { promiseId: data.promiseId, period: { ...period }, submittedOn: data.submittedOn, dueOn, summary: data.summary } }];
}
