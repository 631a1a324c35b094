import { assertNever } from '../../shared/domain/decider';
import type { LocalDate } from '../../shared/domain/value-objects';
import type { PersonRole } from './organisation-roles';
import type { OrganisationEvent } from './organisation.events';
import { StoredOrganisationEvent, upcastOrganisationEvent } from './organisation.upcast';

/** Someone currently appointed (removed people leave the state; their events stay). */
export type AppointedPerson = { readonly personId: string; readonly name: string; readonly role: PersonRole; readonly appointedOn: LocalDate };

/** What every registered organisation has. */
type Registered = {
  readonly registered: true;
  readonly organisationId: string;
  readonly name: string;
  readonly people: readonly AppointedPerson[];
};

export type PoliceRegionState = Registered & { readonly kind: 'PoliceRegion' };
export type PoliceDistrictState = Registered & { readonly kind: 'PoliceDistrict'; readonly policeRegionId: string };
export type LocalPoliceAreaState = Registered & {
  readonly kind: 'LocalPoliceArea';
  readonly policeDistrict: string;
  readonly policeRegion: string;
  readonly policeDistrictId: string | null;
  /** One local police area often serves several municipalities. */
  readonly servedMunicipalityIds: readonly string[];
};
export type MunicipalityState = Registered & { readonly kind: 'Municipality'; readonly municipalityCode: string };
export type CityDistrictState = Registered & { readonly kind: 'CityDistrict'; readonly municipalityId: string };

export type RegisteredOrganisation =
  | PoliceRegionState
  | PoliceDistrictState
  | LocalPoliceAreaState
  | MunicipalityState
  | CityDistrictState;
export type OrganisationKind = RegisteredOrganisation['kind'];
export type OrganisationState = { readonly registered: false } | RegisteredOrganisation;

/** Events after a registration need a registered organisation; anything else is a corrupt stream. */
function registered(state: OrganisationState, eventType: string): RegisteredOrganisation {
  if (!state.registered) throw new Error(`${eventType} before the organisation was registered`);
  return state;
}

export function evolveOrganisation(state: OrganisationState, stored: OrganisationEvent): OrganisationState {
  const event = upcastOrganisationEvent(stored as StoredOrganisationEvent);
  const common = { registered: true as const, people: [] };
  switch (event.type) {
    case 'PoliceRegionRegistered':
      return { ...common, kind: 'PoliceRegion', organisationId: event.data.organisationId, name: event.data.name };
    case 'PoliceDistrictRegistered': {
      const { organisationId, name, policeRegionId } = event.data;
      return { ...common, kind: 'PoliceDistrict', organisationId, name, policeRegionId };
    }
    case 'LocalPoliceAreaRegistered': {
      const { organisationId, name, policeDistrict, policeRegion, policeDistrictId } = event.data;
      return { ...common, kind: 'LocalPoliceArea', organisationId, name, policeDistrict, policeRegion, policeDistrictId, servedMunicipalityIds: [] };
    }
    case 'MunicipalityRegistered': {
      const { organisationId, name, municipalityCode } = event.data;
      return { ...common, kind: 'Municipality', organisationId, name, municipalityCode };
    }
    case 'CityDistrictRegistered': {
      const { organisationId, name, municipalityId } = event.data;
      return { ...common, kind: 'CityDistrict', organisationId, name, municipalityId };
    }
    case 'PersonAppointed': {
      const current = registered(state, event.type);
      const { personId, name, role, appointedOn } = event.data;
      return { ...current, people: [...current.people, { personId, name, role, appointedOn }] };
    }
    case 'PersonRemoved': {
      const current = registered(state, event.type);
      return { ...current, people: current.people.filter((p) => p.personId !== event.data.personId) };
    }
    case 'ServedMunicipalitiesRecorded': {
      const current = registered(state, event.type);
      if (current.kind !== 'LocalPoliceArea') throw new Error(`${event.type} on a ${current.kind}`);
      return { ...current, servedMunicipalityIds: [...event.data.municipalityIds] };
    }
    default:
      return assertNever(event);
  }
}
