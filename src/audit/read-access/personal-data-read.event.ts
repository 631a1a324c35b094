/** Stream per reader and day: `personaldataread-<userId>-<yyyy-mm-dd>` keeps streams short and a person's reads together. */
export const PERSONAL_DATA_READ_CATEGORY = 'personaldataread';
export const PERSONAL_DATA_READ_EVENT_TYPE = 'PersonalDataRead';

/** One personal-data field returned to a reader. The value itself is never logged (that would copy it). */
export type PersonalDataReadEntry = {
  /** Schema coordinate, e.g. `Signature.signatoryName`. */
  field: string;
  /** Response path, e.g. `agreement.parties.1.signature.signatoryName`. */
  path: string;
  /** The id of the object read, when the parent object has one. */
  subjectId: string | null;
};

/** What one GraphQL operation read (a long list of reads is split over several events of one append). */
export type PersonalDataReadData = {
  operationName: string | null;
  /** The operation's text, shortened if very long. */
  query: string;
  /** JSON text of the variables, shortened if very long. */
  variables: string;
  reads: PersonalDataReadEntry[];
};

export const personalDataReadStream = (userId: string, day: string) =>
  `${PERSONAL_DATA_READ_CATEGORY}-${userId.replace(/[^\w.:@]/g, '_')}-${day}`;
