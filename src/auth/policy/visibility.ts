import { belongsTo, hasRole, Viewer } from '../identity';

/**
 * What is public and what is not. Published documents (an active agreement, an
 * adopted, extended or withdrawn promise, and the activities logged under it)
 * are public; drafts and free-text notes are for the parties' people and for
 * auditors only. Names of signatories on a published document are part of that
 * document. Who did what (event history) is issue 5's audit view and guarded by
 * role there.
 */
export const mayReadNonPublic = (viewer: Viewer, partyIds: readonly string[]): boolean =>
  hasRole(viewer, 'auditor') || belongsTo(viewer, partyIds);

interface AgreementLike {
  status: string;
  parties: readonly { organisationId: string }[];
}
interface PromiseLike {
  status: string;
  partyIds: readonly string[];
}

export const isPublishedAgreement = (agreement: AgreementLike) => agreement.status !== 'Draft';
export const isPublishedPromise = (promise: PromiseLike) => promise.status !== 'Draft';

export const canSeeAgreement = (viewer: Viewer, agreement: AgreementLike): boolean =>
  isPublishedAgreement(agreement) || mayReadNonPublic(viewer, agreement.parties.map((p) => p.organisationId));

export const canSeePromise = (viewer: Viewer, promise: PromiseLike): boolean =>
  isPublishedPromise(promise) || mayReadNonPublic(viewer, promise.partyIds);

/** Notes are internal working text: null for anyone not entitled to them. */
export function redactNotes<E extends { notes?: string | null }>(entry: E, visible: boolean): E {
  return visible || entry.notes == null ? entry : { ...entry, notes: null };
}
