/** A planned follow-up point; the report columns fill in when it is recorded. */
export interface FollowUpsTable {
  promise_id: string;
  follow_up_id: string;
  period_from: string;
  period_to: string;
  due_on: string;
  label: string;
  reported_on: string | null;
  summary: string | null;
  /** JSON array of { plannedActivityId, status, comment } */
  activity_statuses: string | null;
  /** JSON array of { indicatorId, value, measuredOn, note } */
  measurements: string | null;
  communicated_to_citizens: string | null;
  /** JSON array of channel names */
  communication_channels: string | null;
}

/** The final report of one period: due (from the follow-up plan) and/or submitted. */
export interface FinalReportsTable {
  promise_id: string;
  period_from: string;
  period_to: string;
  due_on: string | null;
  submitted_on: string | null;
  summary: string | null;
}
