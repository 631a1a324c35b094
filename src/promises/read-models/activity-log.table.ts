export interface ActivityLogTable {
  id: string;
  promise_id: string;
  date: string;
  kind: string;
  responsible_organisation_id: string;
  count: number;
  place: string | null;
  outcome: string | null;
  notes: string | null;
  planned_activity_id: string | null;
  /** Global position of the ActivityLogged event: a stable, unique sort key for cursors. */
  seq: number;
  hours: number | null;
  cost: number | null;
  /** Set on a correction: the entry it supersedes, and why. */
  corrects_entry_id: string | null;
  correction_reason: string | null;
  /** Set on an entry a later correction superseded (it stays, marked). */
  superseded_by: string | null;
}
