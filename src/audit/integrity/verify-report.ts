import { KeptCheckpoint } from './checkpoint';

/** How the first failure came about, as far as the evidence shows. */
export type FailureKind =
  | 'EDITED' // the event is at its place, but its content (or recorded time) is not what was written and chained
  | 'FORGED' // the event carries no valid authenticator, and nothing recorded says it was ever there: added without the key
  | 'DELETED' // an event that was chained is no longer in the store (its recorded link names it)
  | 'INSERTED' // an event that was never chained sits where another one was
  | 'REORDERED' // an event chained elsewhere sits in this place
  | 'TRUNCATED' // a signed checkpoint covers events the store (or file) no longer holds at its end
  | 'LINK_ALTERED' // the events are as signed, but the link recorded for this one was changed (the records were tampered with)
  | 'CHECKPOINT_MISMATCH' // the events since the previous checkpoint do not give the chain a signed checkpoint covers
  | 'BAD_SIGNATURE' // a checkpoint's signature is not valid (named at the checkpoint event itself)
  | 'UNKNOWN_KEY' // a checkpoint signed by a key not trusted here
  | 'BROKEN_LINK' // (export file) an event does not follow the one before it
  | 'MALFORMED'; // (export file) a line that is not what the format says

export interface IntegrityFailure {
  readonly kind: FailureKind;
  /**
   * Position ("commit/prepare") of the first event that fails; for a checkpoint's own failure
   * (BAD_SIGNATURE, UNKNOWN_KEY) the checkpoint event's; for TRUNCATED without a recorded link
   * to name the first missing event, the last event the checkpoint proves existed.
   */
  readonly position: string;
  /** Its place in the chain (1-based), when known; for TRUNCATED, the first missing place. */
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
  /** Events whose authenticator was checked (the tail after the last checkpoint, and wherever a failure is pinned down). */
  readonly authenticatorsChecked: number;
  /** Position of the last event verified before the failure (or of the last event, when intact). */
  readonly intactUpTo: string | null;
  /** The last position a signature (checkpoint) or an authenticator vouches for; events after it are only recomputed. */
  readonly provenUpTo: string | null;
  /** Events after `provenUpTo`: without the service's key, only a later signed checkpoint can vouch for them. */
  readonly unprovenEvents: number;
  readonly head: string;
  readonly chainCount: bigint;
  /** The latest signed checkpoint found valid (to keep, and pass later as an expected checkpoint). */
  readonly latestCheckpoint: KeptCheckpoint | null;
  readonly failure: IntegrityFailure | null;
  readonly trustedKeyIds: readonly string[];
}

export function describeReport(report: VerifyReport): string {
  if (report.failure) {
    const f = report.failure;
    return `FAILED at position ${f.position}${f.count === null ? '' : ` (event #${f.count})`}: ${f.kind}: ${f.reason}. ` +
      `Intact up to ${report.intactUpTo ?? 'the start'}.`;
  }
  const tail = report.unprovenEvents > 0
    ? `; the ${report.unprovenEvents} newest events come after the last signed checkpoint, and their authenticators need the service's key`
    : '';
  return `Intact up to position ${report.intactUpTo ?? '(empty)'}: ${report.eventsChecked} events, ` +
    `${report.linksCompared} links, ${report.checkpointsChecked} signed checkpoints and ${report.authenticatorsChecked} authenticators checked${tail}.`;
}
