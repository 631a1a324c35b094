import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type { ActivityLogged, PlannedActivity, PromiseSignatory } from './promise.events';

/**
 * What the handler read from the agreement stream when drafting. `status` is a
 * plain string ('Active', ...) so this context does not import the agreement
 * context's types; the promise only needs to know whether it is 'Active'.
 */
export type AgreementSnapshot = {
  agreementId: string;
  status: string;
  partyIds: string[];
  validFrom: LocalDate;
  validTo: LocalDate | null;
};

export type DraftPromise = DomainCommand<
  'DraftPromise',
  {
    promiseId: string;
    title: string;
    agreement: AgreementSnapshot;
    period: Period;
    rationale: string | null;
    focusAreas: string[];
    plannedActivities: PlannedActivity[];
  }
>;

export type AdoptPromise = DomainCommand<
  'AdoptPromise',
  { promiseId: string; adoptedOn: LocalDate; place: string | null; signatories: PromiseSignatory[] }
>;

export type ExtendPromise = DomainCommand<
  'ExtendPromise',
  { promiseId: string; newPeriod: Period; reason: string; revisedActivities: PlannedActivity[] | null }
>;

export type WithdrawPromise = DomainCommand<
  'WithdrawPromise',
  { promiseId: string; withdrawnOn: LocalDate; reason: string }
>;

/** Same fields as the event it causes. */
export type LogActivity = DomainCommand<'LogActivity', ActivityLogged['data']>;

export type PromiseCommand = DraftPromise | AdoptPromise | ExtendPromise | WithdrawPromise | LogActivity;
