import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText } from '../../shared/domain/value-objects';
import type { PromiseSignatory } from './promise.events';
import type { ExistingPromise, PromiseState } from './promise.state';

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

/** Adopted, published or extended: the promise is being carried out (logged, followed up, reported on). */
export function requireRunning(state: PromiseState, promiseId: string): ExistingPromise {
  const promise = requirePromise(state, promiseId);
  if (promise.status === 'Draft' || promise.status === 'Withdrawn' || promise.status === 'Completed') {
    throw new DomainError('PROMISE_NOT_ACTIVE', `Only an adopted promise is carried out; this one is ${promise.status}`, {
      status: promise.status,
    });
  }
  return promise;
}

/** Withdrawn and completed promises are closed: nothing more is planned for them. */
export function requireOpen(state: PromiseState, promiseId: string): ExistingPromise {
  const promise = requirePromise(state, promiseId);
  if (promise.status === 'Withdrawn') throw new DomainError('PROMISE_WITHDRAWN', 'The promise is withdrawn');
  if (promise.status === 'Completed') throw new DomainError('PROMISE_COMPLETED', 'The promise is completed');
  return promise;
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
