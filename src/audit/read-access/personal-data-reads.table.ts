/** One row per personal-data field read: who read what, when, through which operation. */
export interface PersonalDataReadsTable {
  /** Global position of the PersonalDataRead event. */
  seq: number;
  /** Index of the read within the event. */
  entry: number;
  event_id: string;
  read_at: string;
  reader_user_id: string;
  reader_name: string;
  reader_organisation_id: string | null;
  reader_role: string;
  correlation_id: string;
  operation_name: string | null;
  field: string;
  path: string;
  subject_id: string | null;
}
