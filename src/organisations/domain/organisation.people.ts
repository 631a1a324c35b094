import { DomainError } from '../../shared/domain/domain-error';
import { requireLocalDate, requireText } from '../../shared/domain/value-objects';
import { PERSON_ROLES, PersonRole, roleFitsKind } from './organisation-roles';
import type { AppointPerson, RecordServedMunicipalities, RemovePerson } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState, RegisteredOrganisation } from './organisation.state';

function requireRegistered(state: OrganisationState, organisationId: string): RegisteredOrganisation {
  if (!state.registered) {
    throw new DomainError('ORGANISATION_NOT_FOUND', `No registered organisation ${organisationId}`, { organisationId });
  }
  return state;
}

export function appointPerson({ data }: AppointPerson, state: OrganisationState): OrganisationEvent[] {
  const organisation = requireRegistered(state, data.organisationId);
  requireText(data.personId, 'INVALID_PERSON', 'personId');
  requireText(data.name, 'INVALID_NAME', 'name');
  requireLocalDate(data.appointedOn, 'appointedOn');
  if (!(PERSON_ROLES as readonly string[]).includes(data.role)) {
    throw new DomainError('INVALID_ROLE', `Unknown role ${String(data.role)}`, { field: 'role' });
  }
  // A municipal police officer is police staff, a coordinator municipal staff: the role says which side.
  if (!roleFitsKind(data.role, organisation.kind)) {
    throw new DomainError('ROLE_NOT_FOR_ORGANISATION', `A ${data.role} cannot be appointed in a ${organisation.kind}`, {
      field: 'role',
      role: data.role,
      kind: organisation.kind,
    });
  }
  if (organisation.people.some((p) => p.personId === data.personId)) {
    throw new DomainError('PERSON_ALREADY_APPOINTED', `${data.personId} already holds a role here`, { personId: data.personId });
  }
  const { organisationId, personId, name, appointedOn } = data;
  return [{ type: 'PersonAppointed', data: { organisationId, personId, name, role: data.role as PersonRole, appointedOn } }];
}

export function removePerson({ data }: RemovePerson, state: OrganisationState): OrganisationEvent[] {
  const organisation = requireRegistered(state, data.organisationId);
  if (!organisation.people.some((p) => p.personId === data.personId)) {
    throw new DomainError('PERSON_NOT_APPOINTED', `${data.personId} holds no role here`, { personId: data.personId });
  }
  requireLocalDate(data.removedOn, 'removedOn');
  const { organisationId, personId, removedOn, reason } = data;
  return [{ type: 'PersonRemoved', data: { organisationId, personId, removedOn, reason } }];
}

/** Every municipality must be registered as one; listing one twice is a mistake, not a wish. */
export function recordServedMunicipalities({ data }: RecordServedMunicipalities, state: OrganisationState): OrganisationEvent[] {
  const organisation = requireRegistered(state, data.organisationId);
  if (organisation.kind !== 'LocalPoliceArea') {
    throw new DomainError('NOT_A_LOCAL_POLICE_AREA', 'Only a local police area serves municipalities', { kind: organisation.kind });
  }
  const ids = data.municipalities.map((m) => m.organisationId);
  if (ids.length === 0 || new Set(ids).size !== ids.length) {
    throw new DomainError('INVALID_MUNICIPALITIES', 'One or more distinct municipalities', { field: 'municipalityIds' });
  }
  for (const municipality of data.municipalities) {
    if (municipality.kind !== 'Municipality') {
      throw new DomainError('INVALID_MUNICIPALITIES', `${municipality.organisationId} is not a registered municipality`, {
        field: 'municipalityIds',
        organisationId: municipality.organisationId,
      });
    }
  }
  return [{ type: 'ServedMunicipalitiesRecorded', data: { organisationId: data.organisationId, municipalityIds: ids } }];
}
