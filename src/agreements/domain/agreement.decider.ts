import { assertNever, Decider } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText, LocalDate, requireLocalDate, requireText, requireValidPeriod } from '../../shared/domain/value-objects';
import type { AgreementCommand, DraftAgreement, SignAgreement } from './agreement.commands';
import { AgreementEvent, AgreementParty, PARTY_KINDS, Signatory } from './agreement.events';

/** Later: 'Terminated', revisions. A new status is a new union member, not a rewrite. */
export type AgreementStatus = 'None' | 'Draft' | 'Active';

export type AgreementSignature = {
  readonly partyOrganisationId: string;
  readonly signatory: Signatory;
  readonly signedOn: LocalDate;
  readonly place: string | null;
};

export type ExistingAgreement = {
  readonly status: Exclude<AgreementStatus, 'None'>;
  readonly agreementId: string;
  readonly title: string;
  readonly parties: readonly AgreementParty[];
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly signatures: readonly AgreementSignature[];
  readonly activatedOn: LocalDate | null;
};

export type AgreementState = { readonly status: 'None' } | ExistingAgreement;

function invalidParties(message: string, details: Record<string, string> = {}): DomainError {
  return new DomainError('INVALID_PARTIES', message, { field: 'parties', ...details });
}

/** One or more municipalities and exactly one local police area, each named once. */
function requireValidParties(parties: readonly AgreementParty[]): void {
  if (!Array.isArray(parties)) throw invalidParties('parties must be a list');
  const seen = new Set<string>();
  for (const party of parties) {
    if (!isNonEmptyText(party?.organisationId) || !isNonEmptyText(party.name)) {
      throw invalidParties('Every party needs an organisation id and a name');
    }
    if (!PARTY_KINDS.includes(party.kind)) throw invalidParties(`Unknown party kind ${String(party.kind)}`);
    if (seen.has(party.organisationId)) {
      throw invalidParties('A party appears twice', { organisationId: party.organisationId });
    }
    seen.add(party.organisationId);
  }
  if (!parties.some((p) => p.kind === 'Municipality')) throw invalidParties('At least one municipality must be a party');
  if (parties.filter((p) => p.kind === 'LocalPoliceArea').length !== 1) {
    throw invalidParties('Exactly one local police area must be a party');
  }
}

function draft({ data }: DraftAgreement, state: AgreementState): AgreementEvent[] {
  if (state.status !== 'None') {
    throw new DomainError('AGREEMENT_ALREADY_EXISTS', `Agreement ${data.agreementId} already exists`, {
      agreementId: data.agreementId,
    });
  }
  requireText(data.title, 'INVALID_AGREEMENT', 'title');
  requireValidParties(data.parties);
  requireValidPeriod({ from: data.validFrom, to: data.validTo }, 'validFrom..validTo');
  const parties = data.parties.map(({ organisationId, kind, name }) => ({ organisationId, kind, name }));
  const { agreementId, title, validFrom, validTo } = data;
  return [{ type: 'AgreementDrafted', data: { agreementId, title, parties, validFrom, validTo } }];
}

function sign({ data }: SignAgreement, state: AgreementState): AgreementEvent[] {
  if (state.status === 'None') {
    throw new DomainError('AGREEMENT_NOT_FOUND', `No agreement ${data.agreementId}`, { agreementId: data.agreementId });
  }
  if (!isNonEmptyText(data.signatory?.name) || !isNonEmptyText(data.signatory.title)) {
    throw new DomainError('INVALID_SIGNATORY', 'A signatory needs a name and a title', { field: 'signatory' });
  }
  requireLocalDate(data.signedOn, 'signedOn');
  const partyId = data.partyOrganisationId;
  if (!state.parties.some((p) => p.organisationId === partyId)) {
    throw new DomainError('NOT_A_PARTY', `Organisation ${partyId} is not a party to the agreement`, {
      organisationId: partyId,
    });
  }
  // An Active agreement has every signature, so signing it again lands here too.
  if (state.signatures.some((s) => s.partyOrganisationId === partyId)) {
    throw new DomainError('ALREADY_SIGNED', `Organisation ${partyId} has already signed`, { organisationId: partyId });
  }
  const { agreementId, signedOn, place } = data;
  const signatory = { name: data.signatory.name, title: data.signatory.title };
  const events: AgreementEvent[] = [
    { type: 'AgreementSigned', data: { agreementId, partyOrganisationId: partyId, signatory, signedOn, place } },
  ];
  const signedParties = new Set([...state.signatures.map((s) => s.partyOrganisationId), partyId]);
  if (state.parties.every((p) => signedParties.has(p.organisationId))) {
    events.push({ type: 'AgreementActivated', data: { agreementId, activatedOn: signedOn } });
  }
  return events;
}

/** Events after AgreementDrafted need a drafted agreement; anything else is a corrupt stream, not a rule violation. */
function drafted(state: AgreementState, eventType: string): ExistingAgreement {
  if (state.status === 'None') throw new Error(`${eventType} before AgreementDrafted`);
  return state;
}

export const agreementDecider: Decider<AgreementCommand, AgreementEvent, AgreementState> = {
  initialState: () => ({ status: 'None' }),

  decide(command, state) {
    switch (command.type) {
      case 'DraftAgreement':
        return draft(command, state);
      case 'SignAgreement':
        return sign(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AgreementDrafted': {
        const { agreementId, title, parties, validFrom, validTo } = event.data;
        return { status: 'Draft', agreementId, title, parties, validFrom, validTo, signatures: [], activatedOn: null };
      }
      case 'AgreementSigned': {
        const current = drafted(state, event.type);
        const { partyOrganisationId, signatory, signedOn, place } = event.data;
        return { ...current, signatures: [...current.signatures, { partyOrganisationId, signatory, signedOn, place }] };
      }
      case 'AgreementActivated':
        return { ...drafted(state, event.type), status: 'Active', activatedOn: event.data.activatedOn };
      default:
        return assertNever(event);
    }
  },
};
