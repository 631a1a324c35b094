import { Generated } from 'kysely';

/** One row per (subject, field) an operation read: who read what about whom, how often, when, through which operation. */
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
  /** Response path: only on rows recorded before entries counted reads (''). */
  path: string;
  /** Null only on rows recorded before every entry named its subject. */
  subject_id: string | null;
  /** How many times the operation returned this field about this subject. */
  count: Generated<number>;
  /** sha256 of the operation's document (null on rows recorded before). */
  document_hash: string | null;
}
