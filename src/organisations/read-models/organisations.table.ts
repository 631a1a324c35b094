export interface OrganisationsTable {
  id: string;
  kind: string;
  name: string;
  municipality_code: string | null;
  police_district: string | null;
  police_region: string | null;
  registered_at: string;
}
