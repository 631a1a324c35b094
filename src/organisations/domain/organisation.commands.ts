import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate } from '../../shared/domain/value-objects';

/** What a handler read from another organisation's stream: `kind: null` when nothing is registered there. */
export type OrganisationSnapshot = { organisationId: string; kind: string | null };

export type RegisterPoliceRegion = DomainCommand<'RegisterPoliceRegion', { organisationId: string; name: string }>;

export type RegisterPoliceDistrict = DomainCommand<
  'RegisterPoliceDistrict',
  { organisationId: string; name: string; policeRegion: OrganisationSnapshot }
>;

/** `parentDistrict`: the registered police district, when there is one (names alone are still accepted). */
export type RegisterLocalPoliceArea = DomainCommand<
  'RegisterLocalPoliceArea',
  { organisationId: string; name: string; policeDistrict: string; policeRegion: string; parentDistrict?: OrganisationSnapshot | null }
>;

export type RegisterMunicipality = DomainCommand<
  'RegisterMunicipality',
  { organisationId: string; name: string; municipalityCode: string }
>;

export type RegisterCityDistrict = DomainCommand<
  'RegisterCityDistrict',
  { organisationId: string; name: string; municipality: OrganisationSnapshot }
>;

export type AppointPerson = DomainCommand<
  'AppointPerson',
  { organisationId: string; personId: string; name: string; role: string; appointedOn: LocalDate }
>;

export type RemovePerson = DomainCommand<
  'RemovePerson',
  { organisationId: string; personId: string; removedOn: LocalDate; reason: string | null }
>;

export type RecordServedMunicipalities = DomainCommand<
  'RecordServedMunicipalities',
  { organisationId: string; municipalities: OrganisationSnapshot[] }
>;

export type OrganisationCommand =
  | RegisterPoliceRegion
  | RegisterPoliceDistrict
  | RegisterLocalPoliceArea
  | RegisterMunicipality
  | RegisterCityDistrict
  | AppointPerson
  | RemovePerson
  | RecordServedMunicipalities;
