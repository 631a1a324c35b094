import { DomainError } from '../../shared/domain/domain-error';
import { isNonEmptyText, requireLocalDate, requireText, requireValidPeriod } from '../../shared/domain/value-objects';
import { PERSON_ROLES, roleFitsKind } from '../../organisations/domain/organisation-roles';
import type { DraftAgreement, PartyToDraft, SignAgreement } from './agreement.commands';
import { AgreementEvent, AgreementParty, PARTY_KINDS } from './agreement.events';
import type { AgreementState, ExistingAgreement } from './agreement.state';

const POLICE_PARTY_KINDS: readonly string[] = ['LocalPoliceArea', 'PoliceDistrict'];

function invalidParties(message: string, details: Record<string, string> = {}): DomainError {
  return new DomainError('INVALID_PARTIES', message, { field: 'parties', ...details });
}

export function requireAgreement(state: AgreementState, agreementId: string): ExistingAgreement {
  if (state.status === 'None') throw new DomainError('AGREEMENT_NOT_FOUND', `No agreement ${agreementId}`, { agreementId });
  return state;
}

/** Each role known, fitting the party's side (police / municipal), asked once. */
function validSignatorySet(party: PartyToDraft): string[] {
  const roles = party.requiredSignatoryRoles ?? [];
  const problem = (message: string) =>
    new DomainError('INVALID_SIGNATORY_SET', message, { field: 'requiredSignatoryRoles', organisationId: party.organisationId });
  if (!Array.isArray(roles) || new Set(roles).size !== roles.length) throw problem('Each required role once');
  for (const role of roles) {
    if (!(PERSON_ROLES as readonly string[]).includes(role)) throw problem(`Unknown role ${String(role)}`);
    if (!roleFitsKind(role, party.kind)) throw problem(`A ${party.kind} cannot sign through a ${role}`);
  }
  return [...roles];
}

/**
 * Any number of municipal parties (none for a police-only agreement, several
 * municipalities with one police area) and exactly one police party, each once.
 */
function validParties(parties: readonly PartyToDraft[]): AgreementParty[] {
  if (!Array.isArray(parties)) throw invalidParties('parties must be a list');
  const seen = new Set<string>();
  const valid = parties.map((party) => {
    if (!isNonEmptyText(party?.organisationId) || !isNonEmptyText(party.name)) {
      throw invalidParties('Every party needs an organisation id and a name');
    }
    if (!PARTY_KINDS.includes(party.kind)) throw invalidParties(`Unknown party kind ${String(party.kind)}`);
    if (seen.has(party.organisationId)) throw invalidParties('A party appears twice', { organisationId: party.organisationId });
    seen.add(party.organisationId);
    const { organisationId, kind, name } = party;
    return { organisationId, kind, name, requiredSignatoryRoles: validSignatorySet(party) };
  });
  if (valid.filter((p) => POLICE_PARTY_KINDS.includes(p.kind)).length !== 1) {
    throw invalidParties('Exactly one police party (a local police area or police district)');
  }
  return valid;
}

export function draft({ data }: DraftAgreement, state: AgreementState): AgreementEvent[] {
  if (state.status !== 'None') {
    throw new DomainError('AGREEMENT_ALREADY_EXISTS', `Agreement ${data.agreementId} already exists`, { agreementId: data.agreementId });
  }
  requireText(data.title, 'INVALID_AGREEMENT', 'title');
  const parties = validParties(data.parties);
  requireValidPeriod({ from: data.validFrom, to: data.validTo }, 'validFrom..validTo');
  const { agreementId, title, validFrom, validTo } = data;
  return [{ type: 'AgreementDrafted', data: { agreementId, title, parties, validFrom, validTo } }];
}

/** A party is done when every required role has signed (or, with no set, when anyone has). */
function partyComplete(party: AgreementParty, roles: readonly (string | null)[]): boolean {
  if (party.requiredSignatoryRoles.length === 0) return roles.length > 0;
  return party.requiredSignatoryRoles.every((role) => roles.includes(role));
}

export function sign({ data }: SignAgreement, state: AgreementState): AgreementEvent[] {
  const agreement = requireAgreement(state, data.agreementId);
  if (!isNonEmptyText(data.signatory?.name) || !isNonEmptyText(data.signatory.title)) {
    throw new DomainError('INVALID_SIGNATORY', 'A signatory needs a name and a title', { field: 'signatory' });
  }
  requireLocalDate(data.signedOn, 'signedOn');
  const partyId = data.partyOrganisationId;
  const party = agreement.parties.find((p) => p.organisationId === partyId);
  if (!party) {
    throw new DomainError('NOT_A_PARTY', `Organisation ${partyId} is not a party to the agreement`, { organisationId: partyId });
  }
  const role = data.signatory.role ?? null;
  const signedRoles = (id: string) => agreement.signatures.filter((s) => s.partyOrganisationId === id).map((s) => s.signatory.role);
  // An Active agreement has every signature, so signing it again lands here too.
  if (partyComplete(party, signedRoles(partyId)) || (role !== null && signedRoles(partyId).includes(role))) {
    throw new DomainError('ALREADY_SIGNED', `Organisation ${partyId} has already signed${role ? ` as ${role}` : ''}`, { organisationId: partyId });
  }
  if (agreement.status !== 'Draft') {
    throw new DomainError('AGREEMENT_NOT_DRAFT', `Only a draft is signed; this agreement is ${agreement.status}`, { status: agreement.status });
  }
  if (party.requiredSignatoryRoles.length > 0 && (role === null || !party.requiredSignatoryRoles.includes(role))) {
    throw new DomainError('SIGNATORY_ROLE_NOT_REQUIRED', `${partyId} signs through ${party.requiredSignatoryRoles.join(', ')}`, {
      field: 'signatory.role',
      organisationId: partyId,
    });
  }
  const { agreementId, signedOn, place } = data;
  const signatory = { name: data.signatory.name, title: data.signatory.title, role };
  const events: AgreementEvent[] = [{ type: 'AgreementSigned', data: { agreementId, partyOrganisationId: partyId, signatory, signedOn, place } }];
  const rolesAfter = (id: string) => (id === partyId ? [...signedRoles(id), role] : signedRoles(id));
  if (agreement.parties.every((p) => partyComplete(p, rolesAfter(p.organisationId)))) {
    events.push({ type: 'AgreementActivated', data: { agreementId, activatedOn: signedOn } });
  }
  return events;
}
