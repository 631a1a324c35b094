/**
 * Frozen payloads as the first release stored them. Never edit: tests fold
 * these through the current code to prove old streams stay readable.
 */
export const LOCAL_POLICE_AREA_REGISTERED_V1 = {
  type: 'LocalPoliceAreaRegistered',
  data: {
    organisationId: 'lpo-sodra-vatterbygden',
    name: 'Lokalpolisområde Södra Vätterbygden',
    policeDistrict: 'Jönköping',
    policeRegion: 'Öst',
  },
} as const;
