export interface AgreementsTable {
  id: string;
  title: string;
  status: string;
  valid_from: string;
  /** null: until further notice (tills vidare) */
  valid_to: string | null;
  activated_on: string | null;
  drafted_at: string;
  /** Global position of the last event applied; the stable sort key for cursors. */
  seq: number;
}

/** One row per party; the signature columns fill in when that party signs. */
export interface AgreementPartiesTable {
  agreement_id: string;
  organisation_id: string;
  kind: string;
  name: string;
  party_order: number;
  signatory_name: string | null;
  signatory_title: string | null;
  signed_on: string | null;
  signed_place: string | null;
}
