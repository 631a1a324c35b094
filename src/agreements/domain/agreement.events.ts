import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';
import type { LocalDate } from '../../shared/domain/value-objects';

/** Kinds that may be party to an agreement today; CityDistrict etc. can be added later. */
export const PARTY_KINDS = ['Municipality', 'LocalPoliceArea'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** Kind and name are copied from the organisation stream at drafting, so the agreement reads on its own. */
export type AgreementParty = { organisationId: string; kind: PartyKind; name: string };
export type Signatory = { name: string; title: string };

/** `validTo: null` = "tills vidare" (until further notice), common for agreements. */
export type AgreementDrafted = DomainEvent<
  'AgreementDrafted',
  { agreementId: string; title: string; parties: AgreementParty[]; validFrom: LocalDate; validTo: LocalDate | null }
>;

export type AgreementSigned = DomainEvent<
  'AgreementSigned',
  { agreementId: string; partyOrganisationId: string; signatory: Signatory; signedOn: LocalDate; place: string | null }
>;

/** Emitted together with the signature that completes the set; `activatedOn` is that signature's date. */
export type AgreementActivated = DomainEvent<'AgreementActivated', { agreementId: string; activatedOn: LocalDate }>;

export type AgreementEvent = JsonEvents<AgreementDrafted | AgreementSigned | AgreementActivated>;
