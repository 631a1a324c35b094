import { DomainError } from '../../shared/domain/domain-error';
import { requireLocalDate, requireText, requireValidPeriod } from '../../shared/domain/value-objects';
import type { ExtendAgreement, ReviseAgreement, SupersedeAgreement, TerminateAgreement } from './agreement.commands';
import type { AgreementEvent } from './agreement.events';
import type { AgreementState, ExistingAgreement } from './agreement.state';
import { requireAgreement } from './agreement.draft-sign';

/** Revisions, extensions and supersession change an agreement in force. */
function requireActive(state: AgreementState, agreementId: string): ExistingAgreement {
  const agreement = requireAgreement(state, agreementId);
  if (agreement.status !== 'Active') {
    throw new DomainError('AGREEMENT_NOT_ACTIVE', `Agreement ${agreementId} is ${agreement.status}, not Active`, { status: agreement.status });
  }
  return agreement;
}

export function revise({ data }: ReviseAgreement, state: AgreementState): AgreementEvent[] {
  const agreement = requireActive(state, data.agreementId);
  requireLocalDate(data.revisedOn, 'revisedOn');
  requireText(data.reason, 'INVALID_REASON', 'reason');
  requireText(data.title, 'INVALID_AGREEMENT', 'title');
  requireValidPeriod({ from: data.validFrom, to: data.validTo }, 'validFrom..validTo');
  const { agreementId, revisedOn, reason, title, validFrom, validTo } = data;
  return [{ type: 'AgreementRevised', data: { agreementId, version: agreement.version + 1, revisedOn, reason, title, validFrom, validTo } }];
}

export function extend({ data }: ExtendAgreement, state: AgreementState): AgreementEvent[] {
  const agreement = requireActive(state, data.agreementId);
  if (agreement.validTo === null) {
    throw new DomainError('AGREEMENT_OPEN_ENDED', 'The agreement is valid until further notice; there is nothing to extend');
  }
  requireLocalDate(data.extendedOn, 'extendedOn');
  requireLocalDate(data.newValidTo, 'newValidTo');
  requireText(data.reason, 'INVALID_REASON', 'reason');
  if (data.newValidTo <= agreement.validTo) {
    throw new DomainError('EXTENSION_MUST_LENGTHEN', `The new end ${data.newValidTo} must come after ${agreement.validTo}`, {
      field: 'newValidTo',
      validTo: agreement.validTo,
    });
  }
  const { agreementId, extendedOn, newValidTo, reason } = data;
  return [{ type: 'AgreementExtended', data: { agreementId, extendedOn, previousValidTo: agreement.validTo, newValidTo, reason } }];
}

/** A draft may be abandoned and an active agreement ended; an ended one stays ended. */
export function terminate({ data }: TerminateAgreement, state: AgreementState): AgreementEvent[] {
  const agreement = requireAgreement(state, data.agreementId);
  if (agreement.status === 'Terminated' || agreement.status === 'Superseded') {
    throw new DomainError('AGREEMENT_ENDED', `Agreement ${data.agreementId} is already ${agreement.status}`, { status: agreement.status });
  }
  requireLocalDate(data.terminatedOn, 'terminatedOn');
  requireText(data.reason, 'INVALID_REASON', 'reason');
  const { agreementId, terminatedOn, reason } = data;
  return [{ type: 'AgreementTerminated', data: { agreementId, terminatedOn, reason } }];
}

export function supersede({ data }: SupersedeAgreement, state: AgreementState): AgreementEvent[] {
  requireActive(state, data.agreementId);
  const { successor } = data;
  if (successor.agreementId === data.agreementId) {
    throw new DomainError('CANNOT_SUPERSEDE_ITSELF', 'An agreement is superseded by another one', { field: 'supersededBy' });
  }
  if (successor.status !== 'Active') {
    throw new DomainError('SUCCESSOR_NOT_ACTIVE', `The newer agreement ${successor.agreementId} is ${successor.status}, not Active`, {
      field: 'supersededBy',
      status: successor.status,
    });
  }
  requireLocalDate(data.supersededOn, 'supersededOn');
  const { agreementId, supersededOn } = data;
  return [{ type: 'AgreementSuperseded', data: { agreementId, supersededBy: successor.agreementId, supersededOn } }];
}
