/**
 * Kinds of organisation and the roles people hold in them. Police roles belong
 * in police organisations and municipal roles in municipal ones; 'Other' (an
 * analyst, a communications officer) fits anywhere.
 */
export const POLICE_KINDS = ['PoliceRegion', 'PoliceDistrict', 'LocalPoliceArea'] as const;
export const MUNICIPAL_KINDS = ['Municipality', 'CityDistrict'] as const;
export const ORGANISATION_KINDS = [...POLICE_KINDS, ...MUNICIPAL_KINDS] as const;
export type OrganisationKindName = (typeof ORGANISATION_KINDS)[number];

export const POLICE_ROLES = [
  'LocalPoliceAreaChief', // chef lokalpolisområde
  'DeputyLocalPoliceAreaChief',
  'MunicipalPoliceOfficer', // kommunpolis
  'NeighbourhoodPoliceOfficer', // områdespolis
] as const;
export const MUNICIPAL_ROLES = [
  'ExecutiveBoardChair', // kommunstyrelsens ordförande (KSO)
  'MunicipalChiefExecutive', // kommundirektör
  'CrimePreventionCoordinator', // brottsförebyggande samordnare
] as const;
export const PERSON_ROLES = [...POLICE_ROLES, ...MUNICIPAL_ROLES, 'Other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const isPoliceKind = (kind: string): boolean => (POLICE_KINDS as readonly string[]).includes(kind);
export const isMunicipalKind = (kind: string): boolean => (MUNICIPAL_KINDS as readonly string[]).includes(kind);

/** Whether someone with `role` may act for an organisation of `kind` (appointment, signature). */
export function roleFitsKind(role: string, kind: string): boolean {
  if (role === 'Other') return true;
  if ((POLICE_ROLES as readonly string[]).includes(role)) return isPoliceKind(kind);
  if ((MUNICIPAL_ROLES as readonly string[]).includes(role)) return isMunicipalKind(kind);
  return false;
}
