import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';
import type { LocalDate } from '../../shared/domain/value-objects';
import type { PersonRole } from './organisation-roles';

/**
 * One event per kind of organisation rather than one generic `OrganisationRegistered`:
 * each kind has its own identifying facts (a municipality its SCB code, a local
 * police area its district and region) and its own parent.
 */
export type PoliceRegionRegistered = DomainEvent<'PoliceRegionRegistered', { organisationId: string; name: string }>;

export type PoliceDistrictRegistered = DomainEvent<
  'PoliceDistrictRegistered',
  { organisationId: string; name: string; policeRegionId: string }
>;

/**
 * v2: `policeDistrictId` links a registered police district (null when only its
 * name is known). v1 payloads (without it) are upcast on read: see
 * organisation.upcast.ts and the frozen sample in organisation.events.v1.ts.
 */
export type LocalPoliceAreaRegistered = DomainEvent<
  'LocalPoliceAreaRegistered',
  { organisationId: string; name: string; policeDistrict: string; policeRegion: string; policeDistrictId: string | null }
>;

/** `municipalityCode`: the four-digit kommunkod, e.g. '0643' for Habo (county 06 + number). */
export type MunicipalityRegistered = DomainEvent<
  'MunicipalityRegistered',
  { organisationId: string; name: string; municipalityCode: string }
>;

/** A stadsdel (Stockholm, Göteborg ...) under its municipality. */
export type CityDistrictRegistered = DomainEvent<
  'CityDistrictRegistered',
  { organisationId: string; name: string; municipalityId: string }
>;

export type PersonAppointed = DomainEvent<
  'PersonAppointed',
  { organisationId: string; personId: string; name: string; role: PersonRole; appointedOn: LocalDate }
>;

/** The appointment ends; the person stays in the history of every event they took part in. */
export type PersonRemoved = DomainEvent<
  'PersonRemoved',
  { organisationId: string; personId: string; removedOn: LocalDate; reason: string | null }
>;

/** The municipalities a local police area serves (the whole set, replacing the previous one). */
export type ServedMunicipalitiesRecorded = DomainEvent<
  'ServedMunicipalitiesRecorded',
  { organisationId: string; municipalityIds: string[] }
>;

export type OrganisationEvent = JsonEvents<
  | PoliceRegionRegistered
  | PoliceDistrictRegistered
  | LocalPoliceAreaRegistered
  | MunicipalityRegistered
  | CityDistrictRegistered
  | PersonAppointed
  | PersonRemoved
  | ServedMunicipalitiesRecorded
>;
