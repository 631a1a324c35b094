import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';

/**
 * One event per kind of organisation rather than one generic `OrganisationRegistered`:
 * each kind has its own identifying facts (a municipality its SCB code, a local
 * police area its district and region), and PoliceRegion, PoliceDistrict and
 * CityDistrict can join later as new events without touching these.
 * District and region are names for now; a later upcaster can add their ids.
 */
export type LocalPoliceAreaRegistered = DomainEvent<
  'LocalPoliceAreaRegistered',
  { organisationId: string; name: string; policeDistrict: string; policeRegion: string }
>;

/** `municipalityCode`: the four-digit kommunkod, e.g. '0643' for Habo (county 06 + number). */
export type MunicipalityRegistered = DomainEvent<
  'MunicipalityRegistered',
  { organisationId: string; name: string; municipalityCode: string }
>;

export type OrganisationEvent = JsonEvents<LocalPoliceAreaRegistered | MunicipalityRegistered>;
