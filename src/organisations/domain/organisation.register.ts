import { DomainError } from '../../shared/domain/domain-error';
import { requireText } from '../../shared/domain/value-objects';
import type {
  OrganisationSnapshot, RegisterCityDistrict, RegisterLocalPoliceArea, RegisterMunicipality, RegisterPoliceDistrict,
  RegisterPoliceRegion,
} from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState } from './organisation.state';

/**
 * Swedish county codes (länskod): the first two digits of every kommunkod.
 * Checking them catches typos such as '6430' that a bare /^\d{4}$/ would accept.
 */
const COUNTY_CODES = new Set(['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14']
  .concat(['17', '18', '19', '20', '21', '22', '23', '24', '25']));

export function isMunicipalityCode(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}$/.test(value) && COUNTY_CODES.has(value.slice(0, 2));
}

function requireNotRegistered(state: OrganisationState, organisationId: string): void {
  if (state.registered) {
    throw new DomainError('ORGANISATION_ALREADY_REGISTERED', `Organisation ${organisationId} is already registered`, {
      organisationId,
      kind: state.kind,
    });
  }
}

/** The hierarchy: region > district > local police area; municipality > city district. */
function requireParent(parent: OrganisationSnapshot, kind: string, field: string): void {
  if (parent.kind === null) {
    throw new DomainError('PARENT_NOT_FOUND', `No registered organisation ${parent.organisationId}`, { field, organisationId: parent.organisationId });
  }
  if (parent.kind !== kind) {
    throw new DomainError('WRONG_PARENT_KIND', `${field} must be a ${kind}, not a ${parent.kind}`, {
      field,
      organisationId: parent.organisationId,
      expected: kind,
      actual: parent.kind,
    });
  }
}

function requireNew(state: OrganisationState, data: { organisationId: string; name: string }): void {
  requireNotRegistered(state, data.organisationId);
  requireText(data.name, 'INVALID_NAME', 'name');
}

export function registerPoliceRegion({ data }: RegisterPoliceRegion, state: OrganisationState): OrganisationEvent[] {
  requireNew(state, data);
  return [{ type: 'PoliceRegionRegistered', data: { organisationId: data.organisationId, name: data.name } }];
}

export function registerPoliceDistrict({ data }: RegisterPoliceDistrict, state: OrganisationState): OrganisationEvent[] {
  requireNew(state, data);
  requireParent(data.policeRegion, 'PoliceRegion', 'policeRegionId');
  const { organisationId, name } = data;
  return [{ type: 'PoliceDistrictRegistered', data: { organisationId, name, policeRegionId: data.policeRegion.organisationId } }];
}

export function registerLocalPoliceArea({ data }: RegisterLocalPoliceArea, state: OrganisationState): OrganisationEvent[] {
  requireNew(state, data);
  requireText(data.policeDistrict, 'INVALID_NAME', 'policeDistrict');
  requireText(data.policeRegion, 'INVALID_NAME', 'policeRegion');
  if (data.parentDistrict) requireParent(data.parentDistrict, 'PoliceDistrict', 'policeDistrictId');
  const { organisationId, name, policeDistrict, policeRegion } = data;
  const policeDistrictId = data.parentDistrict?.organisationId ?? null;
  return [{ type: 'LocalPoliceAreaRegistered', data: { organisationId, name, policeDistrict, policeRegion, policeDistrictId } }];
}

export function registerMunicipality({ data }: RegisterMunicipality, state: OrganisationState): OrganisationEvent[] {
  requireNew(state, data);
  if (!isMunicipalityCode(data.municipalityCode)) {
    throw new DomainError('INVALID_MUNICIPALITY_CODE', 'municipalityCode must be a four-digit kommunkod such as 0643', {
      field: 'municipalityCode',
      value: String(data.municipalityCode),
    });
  }
  const { organisationId, name, municipalityCode } = data;
  return [{ type: 'MunicipalityRegistered', data: { organisationId, name, municipalityCode } }];
}

export function registerCityDistrict({ data }: RegisterCityDistrict, state: OrganisationState): OrganisationEvent[] {
  requireNew(state, data);
  requireParent(data.municipality, 'Municipality', 'municipalityId');
  const { organisationId, name } = data;
  return [{ type: 'CityDistrictRegistered', data: { organisationId, name, municipalityId: data.municipality.organisationId } }];
}
