export interface AgreementsTable {
  id: string;
  title: string;
  status: string;
  valid_from: string;
  /** null: until further notice (tills vidare) */
  valid_to: string | null;
  activated_on: string | null;
  drafted_at: string;
  /** Global position of the AgreementDrafted event; the stable sort key for cursors. */
  seq: number;
  /** 1 when drafted, +1 per revision. */
  version: number;
  extended_on: string | null;
  extension_reason: string | null;
  /** Terminated or superseded on. */
  ended_on: string | null;
  end_reason: string | null;
  superseded_by: string | null;
}

/** One row per party; the signature columns hold the party's first signature (all are in agreement_signatures). */
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
  /** JSON array of role names this party must sign through ([] = anyone, once). */
  required_signatory_roles: string;
}

export interface AgreementSignaturesTable {
  agreement_id: string;
  organisation_id: string;
  role: string | null;
  signatory_name: string;
  signatory_title: string;
  signed_on: string;
  place: string | null;
  seq: number;
}

/** Every version as it read: version 1 as drafted, then one per revision. */
export interface AgreementVersionsTable {
  agreement_id: string;
  version: number;
  title: string;
  valid_from: string;
  valid_to: string | null;
  revised_on: string | null;
  reason: string | null;
}
