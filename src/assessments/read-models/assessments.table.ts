export interface AssessmentsTable {
  id: string;
  title: string;
  agreement_id: string | null;
  /** Owner of an assessment without an agreement (null for one under an agreement, and for ones recorded before owners). */
  started_by_organisation_id: string | null;
  period_from: string | null;
  period_to: string | null;
  status: string;
  completed_on: string | null;
  seq: number;
}

/**
 * Sources, problems and focus areas of an assessment in one table (`item_kind`):
 * they are always read together, for one assessment or a page of them.
 * Source: kind, title = summary, organisation_id = provided by.
 * Problem: title = description, detail = cause analysis.
 * FocusArea: title = name, item_order = priority (0 first), problem_ids = JSON array.
 */
export interface AssessmentItemsTable {
  assessment_id: string;
  item_kind: 'Source' | 'Problem' | 'FocusArea';
  item_id: string;
  item_order: number;
  kind: string | null;
  title: string;
  detail: string | null;
  organisation_id: string | null;
  problem_ids: string | null;
}
