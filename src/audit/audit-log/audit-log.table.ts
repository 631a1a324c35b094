/** One row per stored event: who did what, when and why (no payload: history comes from the streams). */
export interface AuditLogTable {
  /** Global position (prepare part) as the sort key for cursors. */
  seq: number;
  /** "commit/prepare" */
  position: string;
  event_id: string;
  stream: string;
  /** The stream name up to its first '-': the aggregate kind. */
  category: string;
  revision: number;
  type: string;
  occurred_at: string | null;
  recorded_at: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  command_id: string | null;
  command_type: string | null;
  correlation_id: string | null;
  causation_id: string | null;
}
