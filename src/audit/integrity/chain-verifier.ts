import { JsonObject } from '../../event-store/event-store.port';
import { ChainedEventContent, chainLink, chainLinkAssumingSortedKeys, chainLinkOfStoredText, GENESIS_LINK, StoredEventContent } from './chain-link';
import { RecordedLink } from './chain-links-db';
import { checkpointSignatureValid, SignedCheckpoint } from './checkpoint';
import { PublicSigningKey } from './signing-key';
import { FailureKind, IntegrityFailure, VerifyReport } from './verify-report';

/** Where an event stands in the store: all a failure report needs of it. */
interface EventPlace {
  readonly id: string;
  /** "commit/prepare" */
  readonly position: string;
}

/** What an export line states about its event. */
export interface StatedLink {
  readonly count: bigint;
  readonly previous: string;
  readonly link: string;
}

export interface EventEvidence {
  /** Store: the link the service recorded for this place in the chain. */
  readonly recorded?: RecordedLink;
  /** Store: where an event id was chained, to tell a reorder from an insertion. */
  readonly whereChained?: (eventId: string) => RecordedLink | undefined;
  /** File: what the export says. */
  readonly stated?: StatedLink;
}

/**
 * Recomputes the chain one event at a time and compares it with the evidence
 * given (recorded links, stated links, signed checkpoints). Holds only the
 * running head and counters: constant memory, whatever the source.
 */
export class ChainVerifier {
  private count: bigint;
  private head: string;
  private lastPosition: string | null = null;
  private lastEventId: string | null = null;
  private eventsChecked = 0;
  private linksCompared = 0;
  private checkpointsChecked = 0;
  private unchainedEvents = 0;
  private failure: IntegrityFailure | null = null;

  constructor(
    private readonly keys: readonly PublicSigningKey[],
    start: { count: bigint; head: string } = { count: 0n, head: GENESIS_LINK },
  ) {
    this.count = start.count;
    this.head = start.head;
  }

  get chainCount(): bigint {
    return this.count;
  }

  get chainHead(): string {
    return this.head;
  }

  /** For exports of one stream or category: each event is checked against the link stated before it. */
  resumeAt(count: bigint, head: string): void {
    this.count = count;
    this.head = head;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Returns false once something failed; the caller stops there. `position` is "commit/prepare". */
  checkEvent(content: ChainedEventContent | StoredEventContent, position: string, evidence: EventEvidence = {}): boolean {
    if (this.failure) return false;
    const event: EventPlace = { id: content.id, position };
    const count = this.count + 1n;
    const { recorded, stated } = evidence;
    if (stated) {
      if (stated.previous !== this.head && this.eventsChecked > 0) {
        return this.fail('BROKEN_LINK', event, count, 'it does not follow the event before it in the file (one is missing, added or moved)');
      }
      if (this.eventsChecked === 0) this.head = stated.previous; // a file may start mid-chain
    }
    const link = this.linkOf(content, recorded?.link ?? stated?.link);
    if (recorded) {
      const misplaced = this.misplaced(event, recorded, evidence.whereChained);
      if (misplaced) return false;
      if (recorded.link !== link) return this.fail('EDITED', event, count, 'its content differs from when it was chained');
      this.linksCompared++;
    } else if (stated) {
      if (stated.link !== link) return this.fail('EDITED', event, count, 'its content differs from its stated chain link');
      this.linksCompared++;
    } else {
      this.unchainedEvents++;
    }
    this.count = stated?.count ?? count;
    this.head = link;
    this.lastPosition = event.position;
    this.lastEventId = event.id;
    this.eventsChecked++;
    return true;
  }

  /** The fast encoding when it reproduces the expected link; the canonical one otherwise (see chain-link.ts). */
  private linkOf(content: ChainedEventContent | StoredEventContent, expected: string | undefined): string {
    const stored = 'dataJson' in content;
    if (expected !== undefined) {
      const fast = stored ? chainLinkOfStoredText(content, this.head) : chainLinkAssumingSortedKeys(content, this.head);
      if (fast === expected) return fast;
    }
    if (!stored) return chainLink(content, this.head);
    return chainLink({
      streamName: content.streamName, revision: BigInt(content.revision), id: content.id, type: content.type,
      data: JSON.parse(content.dataJson) as JsonObject, metadata: JSON.parse(content.metadataJson) as JsonObject,
      recordedAt: new Date(content.recordedAt),
    }, this.head);
  }

  /** A signed checkpoint, checked when the chain has exactly `checkpoint.count` events. */
  checkCheckpoint(checkpoint: SignedCheckpoint): boolean {
    if (this.failure) return false;
    const at = { position: checkpoint.position, id: checkpoint.eventId };
    const key = this.keys.find((k) => k.keyId === checkpoint.keyId);
    if (!key) return this.fail('UNKNOWN_KEY', at, checkpoint.count, `checkpoint signed by key ${checkpoint.keyId}, which is not trusted here`);
    if (!checkpointSignatureValid(checkpoint, key)) return this.fail('BAD_SIGNATURE', at, checkpoint.count, 'the checkpoint signature is not valid');
    if (checkpoint.count !== this.count || checkpoint.head !== this.head || checkpoint.position !== this.lastPosition) {
      return this.fail('CHECKPOINT_MISMATCH', at, checkpoint.count,
        `the chain recomputed up to event #${checkpoint.count} differs from the signed checkpoint (an event at or before it was changed)`);
    }
    this.checkpointsChecked++;
    return true;
  }

  /** For failures the source finds itself (a chained event missing at the end, a truncated file). */
  fail(kind: FailureKind, at: { position: string; id: string | null }, count: bigint | null, reason: string): false {
    this.failure ??= { kind, position: at.position, count, eventId: at.id, reason };
    return false;
  }

  report(): VerifyReport {
    return {
      intact: this.failure === null,
      eventsChecked: this.eventsChecked,
      linksCompared: this.linksCompared,
      checkpointsChecked: this.checkpointsChecked,
      intactUpTo: this.lastPosition,
      head: this.head,
      unchainedEvents: this.unchainedEvents,
      failure: this.failure,
      trustedKeyIds: this.keys.map((k) => k.keyId),
    };
  }

  get lastVerified(): { position: string | null; eventId: string | null } {
    return { position: this.lastPosition, eventId: this.lastEventId };
  }

  /** The recorded link belongs to another event: say which way the chain was disturbed. */
  private misplaced(event: EventPlace, recorded: RecordedLink, whereChained?: EventEvidence['whereChained']): boolean {
    const count = this.count + 1n;
    if (recorded.eventId === event.id && recorded.position === event.position) return false;
    const elsewhere = recorded.eventId === event.id ? recorded : whereChained?.(event.id);
    if (elsewhere === undefined) {
      const gone = recorded.position !== event.position && whereChained !== undefined && positionBefore(recorded.position, event.position);
      if (gone) {
        return !this.fail('DELETED', { position: recorded.position, id: recorded.eventId }, recorded.count,
          `event ${recorded.eventId} was chained here but is no longer in the store`);
      }
      return !this.fail('INSERTED', event, count, `event ${event.id} was never chained: it was added afterwards`);
    }
    if (elsewhere.count > count && positionBefore(recorded.position, event.position)) {
      return !this.fail('DELETED', { position: recorded.position, id: recorded.eventId }, recorded.count,
        `event ${recorded.eventId} was chained here but is no longer in the store`);
    }
    return !this.fail('REORDERED', event, count,
      `event ${event.id} was chained as #${elsewhere.count} at position ${elsewhere.position}, not here`);
  }
}

function positionBefore(a: string, b: string): boolean {
  const [ac, ap] = a.split('/').map(BigInt);
  const [bc, bp] = b.split('/').map(BigInt);
  return ac !== bc ? ac < bc : ap < bp;
}
