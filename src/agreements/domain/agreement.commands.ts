import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate } from '../../shared/domain/value-objects';
import type { AgreementParty, Signatory } from './agreement.events';

/** The handler reads each party's organisation stream and passes its kind and name here. */
export type DraftAgreement = DomainCommand<
  'DraftAgreement',
  { agreementId: string; title: string; parties: AgreementParty[]; validFrom: LocalDate; validTo: LocalDate | null }
>;

export type SignAgreement = DomainCommand<
  'SignAgreement',
  { agreementId: string; partyOrganisationId: string; signatory: Signatory; signedOn: LocalDate; place: string | null }
>;

export type AgreementCommand = DraftAgreement | SignAgreement;
