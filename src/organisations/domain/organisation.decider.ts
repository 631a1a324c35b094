import { assertNever, Decider } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import { requireText } from '../../shared/domain/value-objects';
import type { OrganisationCommand, RegisterLocalPoliceArea, RegisterMunicipality } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';

export type OrganisationKind = RegisteredOrganisation['kind'];

/** What every registered organisation has; people with roles can be added here later. */
type Registered = { readonly registered: true; readonly organisationId: string; readonly name: string };

export type LocalPoliceAreaState = Registered & {
  readonly kind: 'LocalPoliceArea';
  readonly policeDistrict: string;
  readonly policeRegion: string;
};
export type MunicipalityState = Registered & { readonly kind: 'Municipality'; readonly municipalityCode: string };

/** New kinds (PoliceRegion, PoliceDistrict, CityDistrict) are new members of this union. */
export type RegisteredOrganisation = LocalPoliceAreaState | MunicipalityState;
export type OrganisationState = { readonly registered: false } | RegisteredOrganisation;

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

function registerLocalPoliceArea({ data }: RegisterLocalPoliceArea, state: OrganisationState): OrganisationEvent[] {
  requireNotRegistered(state, data.organisationId);
  requireText(data.name, 'INVALID_NAME', 'name');
  requireText(data.policeDistrict, 'INVALID_NAME', 'policeDistrict');
  requireText(data.policeRegion, 'INVALID_NAME', 'policeRegion');
  const { organisationId, name, policeDistrict, policeRegion } = data;
  return [{ type: 'LocalPoliceAreaRegistered', data: { organisationId, name, policeDistrict, policeRegion } }];
}

function registerMunicipality({ data }: RegisterMunicipality, state: OrganisationState): OrganisationEvent[] {
  requireNotRegistered(state, data.organisationId);
  requireText(data.name, 'INVALID_NAME', 'name');
  if (!isMunicipalityCode(data.municipalityCode)) {
    throw new DomainError('INVALID_MUNICIPALITY_CODE', 'municipalityCode must be a four-digit kommunkod such as 0643', {
      field: 'municipalityCode',
      value: String(data.municipalityCode),
    });
  }
  const { organisationId, name, municipalityCode } = data;
  return [{ type: 'MunicipalityRegistered', data: { organisationId, name, municipalityCode } }];
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: () => ({ registered: false }),

  decide(command, state) {
    switch (command.type) {
      case 'RegisterLocalPoliceArea':
        return registerLocalPoliceArea(command, state);
      case 'RegisterMunicipality':
        return registerMunicipality(command, state);
      default:
        return assertNever(command);
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'LocalPoliceAreaRegistered': {
        const { organisationId, name, policeDistrict, policeRegion } = event.data;
        return { registered: true, kind: 'LocalPoliceArea', organisationId, name, policeDistrict, policeRegion };
      }
      case 'MunicipalityRegistered': {
        const { organisationId, name, municipalityCode } = event.data;
        return { registered: true, kind: 'Municipality', organisationId, name, municipalityCode };
      }
      default:
        return assertNever(event);
    }
  },
};
