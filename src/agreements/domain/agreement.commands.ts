import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate } from '../../shared/domain/value-objects';
import type { PartyKind } from './agreement.events';

/**
 * A party as the handler read it from its organisation stream, with the
 * signatory set asked of it (omitted: one signature by anyone, as before).
 */
export type PartyToDraft = { organisationId: string; kind: PartyKind; name: string; requiredSignatoryRoles?: string[] };
export type SignatoryToRecord = { name: string; title: string; role?: string | null };

export type DraftAgreement = DomainCommand<
  'DraftAgreement',
  { agreementId: string; title: string; parties: PartyToDraft[]; validFrom: LocalDate; validTo: LocalDate | null }
>;

export type SignAgreement = DomainCommand<
  'SignAgreement',
  { agreementId: string; partyOrganisationId: string; signatory: SignatoryToRecord; signedOn: LocalDate; place: string | null }
>;

export type ReviseAgreement = DomainCommand<
  'ReviseAgreement',
  { agreementId: string; revisedOn: LocalDate; reason: string; title: string; validFrom: LocalDate; validTo: LocalDate | null }
>;

export type ExtendAgreement = DomainCommand<
  'ExtendAgreement',
  { agreementId: string; extendedOn: LocalDate; newValidTo: LocalDate; reason: string }
>;

export type TerminateAgreement = DomainCommand<
  'TerminateAgreement',
  { agreementId: string; terminatedOn: LocalDate; reason: string }
>;

/** What the handler read from the newer agreement's stream (`status: 'None'` when there is none). */
export type SuccessorSnapshot = { agreementId: string; status: string };

export type SupersedeAgreement = DomainCommand<
  'SupersedeAgreement',
  { agreementId: string; successor: SuccessorSnapshot; supersededOn: LocalDate }
>;

export type AgreementCommand =
  | DraftAgreement
  | SignAgreement
  | ReviseAgreement
  | ExtendAgreement
  | TerminateAgreement
  | SupersedeAgreement;
