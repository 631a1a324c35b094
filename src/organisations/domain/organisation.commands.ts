import type { DomainCommand } from '../../shared/domain/command';

export type RegisterLocalPoliceArea = DomainCommand<
  'RegisterLocalPoliceArea',
  { organisationId: string; name: string; policeDistrict: string; policeRegion: string }
>;

export type RegisterMunicipality = DomainCommand<
  'RegisterMunicipality',
  { organisationId: string; name: string; municipalityCode: string }
>;

export type OrganisationCommand = RegisterLocalPoliceArea | RegisterMunicipality;
