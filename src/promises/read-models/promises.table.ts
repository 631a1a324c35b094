export interface PromisesTable {
  id: string;
  agreement_id: string;
  title: string;
  status: string;
  rationale: string | null;
  /** The current period (the latest extension's). */
  period_from: string;
  period_to: string;
  adopted_on: string | null;
  adopted_place: string | null;
  /** JSON array of { name, title, organisationId } */
  adopted_signatories: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  drafted_at: string;
  seq: number;
  /** Set once published to citizens: only then does the public view show the promise. */
  published_on: string | null;
  /** JSON array of channel names */
  published_channels: string | null;
  completed_on: string | null;
  /** The situation assessment whose focus areas the promise answers, and those focus area ids (JSON array). */
  assessment_id: string | null;
  focus_area_ids: string | null;
}

export interface PromisePartiesTable {
  promise_id: string;
  organisation_id: string;
}

/** Every period the promise has covered: the first, then one per extension. */
export interface PromisePeriodsTable {
  promise_id: string;
  period_order: number;
  period_from: string;
  period_to: string;
  extension_reason: string | null;
  /** The extension's decision (migration 070); null for the first period and for extensions recorded without one. */
  extension_decided_by: string | null;
  extension_decided_on: string | null;
  extension_reference: string | null;
}

export interface PromiseFocusAreasTable {
  promise_id: string;
  focus_order: number;
  name: string;
}

export interface PlannedActivitiesTable {
  promise_id: string;
  id: string;
  activity_order: number;
  description: string;
  /** JSON array of organisation ids */
  responsible_organisation_ids: string;
  /** 0 when an extension replaced it with revised activities */
  current: number;
  /** "at least three times a year": 3, 'Year', the words */
  target_quantity: number | null;
  target_per: string | null;
  target_text: string | null;
  /** JSON array of indicators { indicatorId, name, kind, unit, baseline, target, source } */
  indicators: string;
}
