/** How the first failure came about, as far as the evidence shows. */
export type FailureKind =
  | 'EDITED' // the event's content no longer gives the link recorded for it
  | 'DELETED' // an event that was chained is no longer in the store
  | 'INSERTED' // an event that was never chained sits in the chain
  | 'REORDERED' // an event chained elsewhere sits in this place
  | 'BROKEN_LINK' // (export file) an event does not follow the one before it
  | 'CHECKPOINT_MISMATCH' // the recomputed chain differs from a signed checkpoint
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'TRUNCATED' // (export file) the file ends before its end line
  | 'MALFORMED'; // (export file) a line that is not what the format says

export interface IntegrityFailure {
  readonly kind: FailureKind;
  /** Position ("commit/prepare") of the first event that fails. */
  readonly position: string;
  /** Its place in the chain (1-based), when known. */
  readonly count: bigint | null;
  readonly eventId: string | null;
  readonly reason: string;
}

export interface VerifyReport {
  readonly intact: boolean;
  readonly eventsChecked: number;
  /** Events whose recomputed link was compared with a recorded (store) or stated (file) link. */
  readonly linksCompared: number;
  readonly checkpointsChecked: number;
  /** Position of the last event verified before the failure (or of the last event, when intact). */
  readonly intactUpTo: string | null;
  readonly head: string;
  /** Events after the last recorded link (not chained yet): only checkpoints vouch for them. */
  readonly unchainedEvents: number;
  readonly failure: IntegrityFailure | null;
  readonly trustedKeyIds: readonly string[];
}

export function describeReport(report: VerifyReport): string {
  if (report.failure) {
    const f = report.failure;
    return `FAILED at position ${f.position}${f.count === null ? '' : ` (event #${f.count})`}: ${f.kind}: ${f.reason}. ` +
      `Intact up to ${report.intactUpTo ?? 'the start'}.`;
  }
  const tail = report.unchainedEvents > 0 ? `; ${report.unchainedEvents} newest events not chained yet` : '';
  return `Intact up to position ${report.intactUpTo ?? '(empty)'}: ${report.eventsChecked} events, ` +
    `${report.linksCompared} links and ${report.checkpointsChecked} signed checkpoints checked${tail}.`;
}
