import { assertNever } from '../../shared/domain/decider';
import type { LocalDate } from '../../shared/domain/value-objects';
import type { AgreementEvent, AgreementParty, Signatory } from './agreement.events';
import { StoredAgreementEvent, upcastAgreementEvent } from './agreement.upcast';

/** Draft until every required signature is there; then Active until terminated or superseded. */
export type AgreementStatus = 'None' | 'Draft' | 'Active' | 'Terminated' | 'Superseded';

export type AgreementSignature = {
  readonly partyOrganisationId: string;
  readonly signatory: Signatory;
  readonly signedOn: LocalDate;
  readonly place: string | null;
};

export type AgreementEnding =
  | { readonly kind: 'Terminated'; readonly on: LocalDate; readonly reason: string }
  | { readonly kind: 'Superseded'; readonly on: LocalDate; readonly supersededBy: string };

export type ExistingAgreement = {
  readonly status: Exclude<AgreementStatus, 'None'>;
  readonly agreementId: string;
  /** 1 when drafted, +1 per revision. */
  readonly version: number;
  readonly title: string;
  readonly parties: readonly AgreementParty[];
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly signatures: readonly AgreementSignature[];
  readonly activatedOn: LocalDate | null;
  readonly ending: AgreementEnding | null;
};

export type AgreementState = { readonly status: 'None' } | ExistingAgreement;

/** Events after AgreementDrafted need a drafted agreement; anything else is a corrupt stream, not a rule violation. */
function drafted(state: AgreementState, eventType: string): ExistingAgreement {
  if (state.status === 'None') throw new Error(`${eventType} before AgreementDrafted`);
  return state;
}

export function evolveAgreement(state: AgreementState, stored: AgreementEvent): AgreementState {
  const event = upcastAgreementEvent(stored as StoredAgreementEvent);
  switch (event.type) {
    case 'AgreementDrafted': {
      const { agreementId, title, parties, validFrom, validTo } = event.data;
      return { status: 'Draft', agreementId, version: 1, title, parties, validFrom, validTo, signatures: [], activatedOn: null, ending: null };
    }
    case 'AgreementSigned': {
      const current = drafted(state, event.type);
      const { partyOrganisationId, signatory, signedOn, place } = event.data;
      return { ...current, signatures: [...current.signatures, { partyOrganisationId, signatory, signedOn, place }] };
    }
    case 'AgreementActivated':
      return { ...drafted(state, event.type), status: 'Active', activatedOn: event.data.activatedOn };
    case 'AgreementRevised': {
      const { version, title, validFrom, validTo } = event.data;
      return { ...drafted(state, event.type), version, title, validFrom, validTo };
    }
    case 'AgreementExtended':
      return { ...drafted(state, event.type), validTo: event.data.newValidTo };
    case 'AgreementTerminated': {
      const { terminatedOn, reason } = event.data;
      return { ...drafted(state, event.type), status: 'Terminated', ending: { kind: 'Terminated', on: terminatedOn, reason } };
    }
    case 'AgreementSuperseded': {
      const { supersededOn, supersededBy } = event.data;
      return { ...drafted(state, event.type), status: 'Superseded', ending: { kind: 'Superseded', on: supersededOn, supersededBy } };
    }
    default:
      return assertNever(event);
  }
}
