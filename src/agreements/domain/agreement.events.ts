import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';
import type { LocalDate } from '../../shared/domain/value-objects';

/** Kinds that may be party to an agreement: municipal (municipality, city district) or police. */
export const PARTY_KINDS = ['Municipality', 'CityDistrict', 'LocalPoliceArea', 'PoliceDistrict'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * Kind and name are copied from the organisation stream at drafting, so the agreement reads on its own.
 * v2: `requiredSignatoryRoles` is the signatory set the party must supply (e.g. ['LocalPoliceAreaChief']);
 * empty means one signature by anyone for that party, which is how v1 agreements worked.
 */
export type AgreementParty = { organisationId: string; kind: PartyKind; name: string; requiredSignatoryRoles: string[] };
/** v2: `role` (null when unknown, as in every v1 signature). */
export type Signatory = { name: string; title: string; role: string | null };

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

/** A new version (revidering) decided by the steering group; earlier versions stay in the history. */
export type AgreementRevised = DomainEvent<
  'AgreementRevised',
  { agreementId: string; version: number; revisedOn: LocalDate; reason: string; title: string; validFrom: LocalDate; validTo: LocalDate | null }
>;

export type AgreementExtended = DomainEvent<
  'AgreementExtended',
  { agreementId: string; extendedOn: LocalDate; previousValidTo: LocalDate; newValidTo: LocalDate; reason: string }
>;

export type AgreementTerminated = DomainEvent<
  'AgreementTerminated',
  { agreementId: string; terminatedOn: LocalDate; reason: string }
>;

/** Replaced by a newer, active agreement. */
export type AgreementSuperseded = DomainEvent<
  'AgreementSuperseded',
  { agreementId: string; supersededBy: string; supersededOn: LocalDate }
>;

export type AgreementEvent = JsonEvents<
  | AgreementDrafted
  | AgreementSigned
  | AgreementActivated
  | AgreementRevised
  | AgreementExtended
  | AgreementTerminated
  | AgreementSuperseded
>;
