import { isPublishedAgreement } from '../../auth/policy/visibility';
import { isPublicPromise } from '../../promises/public/to-public';

/** Whom read data is about, and whether its document is on the public record. */
export interface ReadSubject {
  id: string;
  /** Published: the names and titles of its signatories are public (PUBLIC_WHEN_PUBLISHED). */
  published: boolean;
}

type Source = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
/** `agreement-<id>` → `<id>`: history and snapshots are about their aggregate. */
const aggregateOf = (stream: unknown): string | null => {
  const s = text(stream);
  return s && s.includes('-') ? s.slice(s.indexOf('-') + 1) : s;
};

/**
 * Object types that say whom the data under them is about: the agreement, the promise, the person (an
 * officer, or an actor in the audit views). A personal-data field takes the nearest such object above it.
 */
export const SUBJECT_TYPES: Readonly<Record<string, (source: Source) => ReadSubject | null>> = {
  CollaborationAgreement: (s) => (text(s.id) ? { id: s.id as string, published: isPublishedAgreement(s as never) } : null),
  CitizenPromise: (s) => (text(s.id) ? { id: s.id as string, published: isPublicPromise(s as never) } : null),
  PublicPromise: (s) => (text(s.id) ? { id: s.id as string, published: true } : null),
  OrganisationPerson: (s) => (text(s.personId) ? { id: s.personId as string, published: false } : null),
  ActivityLogEntry: (s) => (text(s.promiseId) ? { id: s.promiseId as string, published: false } : null),
  FollowUp: (s) => (text(s.promiseId) ? { id: s.promiseId as string, published: false } : null),
  AuditActor: (s) => (text(s.userId) ? { id: s.userId as string, published: false } : null),
  HistoryEntry: (s) => (aggregateOf(s.stream) ? { id: aggregateOf(s.stream)!, published: false } : null),
  Snapshot: (s) => (aggregateOf(s.stream) ? { id: aggregateOf(s.stream)!, published: false } : null),
};

/** Part of a published agreement or promise, as citizens see it: reading these there needs no log entry. */
export const PUBLIC_WHEN_PUBLISHED: ReadonlySet<string> = new Set([
  'Signature.signatoryName', 'Signature.signatoryTitle', 'PromiseSignatory.name', 'PromiseSignatory.title',
]);

/** When no subject type encloses the field: the parent's own id, never the personal value. */
export function fallbackSubject(source: unknown, parentType: string): string {
  const s = (source && typeof source === 'object' ? source : {}) as Source;
  return text(s.promiseId) ?? text(s.agreementId) ?? text(s.personId) ?? text(s.id) ?? text(s.entryId) ?? text(s.organisationId) ?? `unknown:${parentType}`;
}
