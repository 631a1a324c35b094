/** Stream per reader and day: `personaldataread-<userId>-<yyyy-mm-dd>` keeps streams short and a person's reads together. */
export const PERSONAL_DATA_READ_CATEGORY = 'personaldataread';
export const PERSONAL_DATA_READ_EVENT_TYPE = 'PersonalDataRead';

/**
 * How many fields of one kind one operation read about one subject. The value itself is never logged (that would
 * copy it), nor the request: no query text, no variables, no response paths, so an entry cannot grow with them.
 */
export type PersonalDataReadCount = {
  /** The agreement, promise or person the data is about (the nearest enclosing one in the response). */
  subjectId: string;
  /** Schema coordinate, e.g. `Signature.signatoryName`. */
  field: string;
  count: number;
};

/** What one GraphQL operation read: at most MAX_COUNTS_PER_ENTRY counts (more spill into further entries). */
export type PersonalDataReadData = {
  version: 2;
  operationName: string | null;
  /** sha256 (hex) of the printed operation and its fragments: which document, without storing its text. */
  documentHash: string;
  reads: PersonalDataReadCount[];
};

/** As recorded before version 2 (frozen): a copy of the request and one read per response path. Still readable. */
export type PersonalDataReadDataV1 = {
  operationName: string | null;
  query: string;
  variables: string;
  reads: { field: string; path: string; subjectId: string | null }[];
};

/** One row of the read-access log, whichever version recorded it. */
export type PersonalDataReadRowData = { field: string; subjectId: string | null; count: number; path: string | null };

/** Upcasts either version to rows; old entries keep their path, new ones have none. */
export function readsOf(data: unknown): { operationName: string | null; documentHash: string | null; reads: PersonalDataReadRowData[] } {
  const d = data as Partial<PersonalDataReadData> & Partial<PersonalDataReadDataV1>;
  const operationName = typeof d.operationName === 'string' ? d.operationName : null;
  const reads = Array.isArray(d.reads) ? d.reads : [];
  if (d.version === 2) {
    return {
      operationName, documentHash: d.documentHash ?? null,
      reads: (reads as PersonalDataReadCount[]).map((r) => ({ field: r.field, subjectId: r.subjectId, count: r.count, path: null })),
    };
  }
  return {
    operationName, documentHash: null,
    reads: (reads as PersonalDataReadDataV1['reads']).map((r) => ({ field: r.field, subjectId: r.subjectId ?? null, count: 1, path: r.path ?? null })),
  };
}

export const personalDataReadStream = (userId: string, day: string) =>
  `${PERSONAL_DATA_READ_CATEGORY}-${userId.replace(/[^\w.:@]/g, '_')}-${day}`;
