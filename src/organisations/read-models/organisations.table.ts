export interface OrganisationsTable {
  id: string;
  kind: string;
  name: string;
  municipality_code: string | null;
  police_district: string | null;
  police_region: string | null;
  registered_at: string;
  /** The registered parent: region of a district, district of a local police area, municipality of a city district. */
  parent_id: string | null;
}

/** One row per appointment; a removal closes it (the row stays, like the events). */
export interface OrganisationPeopleTable {
  organisation_id: string;
  person_id: string;
  name: string;
  role: string;
  appointed_on: string;
  removed_on: string | null;
  removal_reason: string | null;
  seq: number;
}

export interface ServedMunicipalitiesTable {
  police_area_id: string;
  municipality_id: string;
  served_order: number;
}
