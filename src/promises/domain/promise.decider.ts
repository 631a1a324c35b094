import { assertNever, Decider } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import {
  periodFollows, periodWithin, requireLocalDate, requireText, requireValidPeriod,
} from '../../shared/domain/value-objects';
import { correctActivity, logActivity } from './activity-log.decide';
import { planFollowUps, recordFollowUp, submitFinalReport } from './follow-up.decide';
import type { AdoptPromise, DraftPromise, ExtendPromise, PromiseCommand, WithdrawPromise } from './promise.commands';
import type { ExtensionDecision, PromiseEvent } from './promise.events';
import { complete, linkFocusAreas, publish } from './promise.lifecycle.decide';
import { validPlan } from './promise.plan';
import { requireOpen, requirePromise, validSignatories } from './promise.rules';
import { currentPeriod, evolvePromise, initialPromiseState, PromiseState } from './promise.state';
import { promiseBusinessTime } from './promise.business-time';

function draft({ data }: DraftPromise, state: PromiseState): PromiseEvent[] {
  if (state.status !== 'None') {
    throw new DomainError('PROMISE_ALREADY_EXISTS', `Promise ${data.promiseId} already exists`, { promiseId: data.promiseId });
  }
  requireText(data.title, 'INVALID_PROMISE', 'title');
  if (!Array.isArray(data.focusAreas) || data.focusAreas.length === 0) {
    throw new DomainError('INVALID_PROMISE', 'A promise has one or more focus areas', { field: 'focusAreas' });
  }
  data.focusAreas.forEach((area, i) => requireText(area, 'INVALID_PROMISE', `focusAreas[${i}]`));
  const { agreement, period } = data;
  if (agreement.status !== 'Active') {
    throw new DomainError('AGREEMENT_NOT_ACTIVE', `Agreement ${agreement.agreementId} is not active`, {
      agreementId: agreement.agreementId,
      status: agreement.status,
    });
  }
  requireValidPeriod(period, 'period');
  if (!periodWithin(period, { from: agreement.validFrom, to: agreement.validTo })) {
    throw new DomainError('PERIOD_OUTSIDE_AGREEMENT', 'The promise period must lie within the agreement', {
      field: 'period',
      agreementValidFrom: agreement.validFrom,
      agreementValidTo: agreement.validTo,
    });
  }
  const partyIds = [...agreement.partyIds];
  const plannedActivities = validPlan(data.plannedActivities, partyIds, 'plannedActivities');
  const { promiseId, title, rationale } = data;
  return [
    {
      type: 'PromiseDrafted',
      data: {
        promiseId, title, agreementId: agreement.agreementId, partyIds,
        period: { from: period.from, to: period.to }, rationale, focusAreas: [...data.focusAreas], plannedActivities,
      },
    },
  ];
}

function adopt({ data }: AdoptPromise, state: PromiseState): PromiseEvent[] {
  const promise = requirePromise(state, data.promiseId);
  if (promise.status !== 'Draft') {
    throw new DomainError('PROMISE_NOT_DRAFT', `Only a draft can be adopted; promise is ${promise.status}`, {
      status: promise.status,
    });
  }
  requireLocalDate(data.adoptedOn, 'adoptedOn');
  const signatories = validSignatories(data.signatories, promise.partyIds);
  const { promiseId, adoptedOn, place } = data;
  return [{ type: 'PromiseAdopted', data: { promiseId, adoptedOn, place, signatories } }];
}

function extend({ data }: ExtendPromise, state: PromiseState): PromiseEvent[] {
  const promise = requireOpen(state, data.promiseId);
  if (promise.status === 'Draft') {
    throw new DomainError('PROMISE_NOT_ADOPTED', 'Adopt the promise before extending it', { status: promise.status });
  }
  requireText(data.reason, 'INVALID_REASON', 'reason');
  requireValidPeriod(data.newPeriod, 'newPeriod');
  const current = currentPeriod(promise);
  if (!periodFollows(data.newPeriod, current)) {
    throw new DomainError('PERIOD_MUST_FOLLOW', 'The new period must start the day after the current one ends', {
      field: 'newPeriod',
      currentTo: current.to,
      newFrom: data.newPeriod.from,
    });
  }
  const revisedActivities =
    data.revisedActivities === null ? null : validPlan(data.revisedActivities, promise.partyIds, 'revisedActivities');
  const decision = validDecision(data.decision);
  const { promiseId, reason } = data;
  const newPeriod = { from: data.newPeriod.from, to: data.newPeriod.to };
  return [{ type: 'PromiseExtended', data: { promiseId, newPeriod, reason, revisedActivities, decision } }];
}

/** An extension is decided by a body (the municipal executive board, the police area's head) on a day; the reference is optional. */
function validDecision(decision: ExtendPromise['data']['decision']): ExtensionDecision | null {
  if (decision === null || decision === undefined) return null;
  requireText(decision.decidedBy, 'INVALID_DECISION', 'decidedBy');
  requireLocalDate(decision.decidedOn, 'decidedOn');
  if (decision.reference !== null && decision.reference !== undefined) requireText(decision.reference, 'INVALID_DECISION', 'decisionReference');
  return { decidedBy: decision.decidedBy, decidedOn: decision.decidedOn, reference: decision.reference ?? null };
}

/** A draft may be withdrawn too: abandoning a promise before adoption is still worth recording. */
function withdraw({ data }: WithdrawPromise, state: PromiseState): PromiseEvent[] {
  requireOpen(state, data.promiseId);
  requireLocalDate(data.withdrawnOn, 'withdrawnOn');
  requireText(data.reason, 'INVALID_REASON', 'reason');
  const { promiseId, withdrawnOn, reason } = data;
  return [{ type: 'PromiseWithdrawn', data: { promiseId, withdrawnOn, reason } }];
}

export const promiseDecider: Decider<PromiseCommand, PromiseEvent, PromiseState> = {
  initialState: initialPromiseState,
  evolve: evolvePromise,
  businessTime: promiseBusinessTime,
  decide(command, state) {
    switch (command.type) {
      case 'DraftPromise':
        return draft(command, state);
      case 'AdoptPromise':
        return adopt(command, state);
      case 'PublishPromise':
        return publish(command, state);
      case 'ExtendPromise':
        return extend(command, state);
      case 'WithdrawPromise':
        return withdraw(command, state);
      case 'CompletePromise':
        return complete(command, state);
      case 'LinkFocusAreas':
        return linkFocusAreas(command, state);
      case 'LogActivity':
        return logActivity(command, state);
      case 'CorrectActivity':
        return correctActivity(command, state);
      case 'PlanFollowUps':
        return planFollowUps(command, state);
      case 'RecordFollowUp':
        return recordFollowUp(command, state);
      case 'SubmitFinalReport':
        return submitFinalReport(command, state);
      default:
        return assertNever(command);
    }
  },
};
