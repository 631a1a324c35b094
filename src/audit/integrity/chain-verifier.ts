import { JsonObject } from '../../event-store/event-store.port';
import { ChainedEventContent, chainLink, chainLinkAssumingSortedKeys, chainLinkOfStoredText, GENESIS_LINK, StoredEventContent } from './chain-link';
import { checkpointSignatureValid, KeptCheckpoint, SignedCheckpoint } from './checkpoint';
import { AuthenticatorVerdict, describeVerdict } from './event-authenticator';
import { RecordedLink } from './integrity-records';
import { PublicSigningKey } from './signing-key';
import { FailureKind, IntegrityFailure, VerifyReport } from './verify-report';

/** Where an event stands in the store: all a failure report needs of it. */
export interface EventPlace {
  readonly id: string | null;
  /** "commit/prepare" */
  readonly position: string;
}

/** A verified point of the chain: its first `count` events end in `head`, the last of them at `position`. */
export interface ChainPoint {
  readonly count: bigint;
  readonly head: string;
  readonly position: string | null;
}

export const GENESIS: ChainPoint = { count: 0n, head: GENESIS_LINK, position: null };

/** What an export line states about its event. */
export interface StatedLink {
  readonly count: bigint;
  readonly previous: string;
  readonly link: string;
}

export interface EventEvidence {
  /** Store: the link the service recorded for this place in the chain. */
  readonly recorded?: RecordedLink;
  /** Store, when `recorded` names another event: where this event's id was chained (null: nowhere). */
  readonly elsewhere?: RecordedLink | null;
  /** File: what the export says. */
  readonly stated?: StatedLink;
  /** Checks the event's authenticator; called only where a link disagrees, to tell who changed what. */
  readonly authenticate?: (content: ChainedEventContent | StoredEventContent) => AuthenticatorVerdict;
}

export type CheckpointResult = 'ok' | 'mismatch' | 'failed';

/** An event whose recorded link disagrees although its content is authentic: the event's time or place, or the record, changed. */
interface Suspect extends EventPlace {
  readonly count: bigint;
  readonly before: string | null;
}

/**
 * Recomputes the chain one event at a time and weighs it against the evidence
 * given: recorded or stated links (which say where and how), signed
 * checkpoints and authenticators (which prove). Holds only the running head,
 * counters and at most one suspect: constant memory, whatever the source.
 */
export class ChainVerifier {
  private count: bigint;
  private head: string;
  private lastPosition: string | null;
  private lastEventId: string | null = null;
  private provenCount: bigint;
  private provenPosition: string | null;
  /** The first event after the last proven point: where a failed checkpoint's range starts. */
  private firstUnproven: (EventPlace & { count: bigint; before: string | null }) | null = null;
  private suspect: Suspect | null = null;
  private eventsChecked = 0;
  private linksCompared = 0;
  private checkpointsChecked = 0;
  private authenticatorsChecked = 0;
  private latest: KeptCheckpoint | null = null;
  private failure: IntegrityFailure | null = null;
  private failedAfter: string | null = null;

  constructor(
    private readonly keys: readonly PublicSigningKey[],
    start: ChainPoint = GENESIS,
  ) {
    this.count = start.count;
    this.head = start.head;
    this.lastPosition = start.position;
    this.provenCount = start.count;
    this.provenPosition = start.position;
  }

  get chainCount(): bigint {
    return this.count;
  }

  get chainHead(): string {
    return this.head;
  }

  get lastVerified(): { position: string | null; eventId: string | null } {
    return { position: this.lastPosition, eventId: this.lastEventId };
  }

  /** The last point a signature or authenticators vouch for. */
  get proven(): { count: bigint; position: string | null } {
    return { count: this.provenCount, position: this.provenPosition };
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** For exports of one stream or category: each event is checked against the link stated before it. */
  resumeAt(count: bigint, head: string): void {
    this.count = count;
    this.head = head;
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
    if (recorded && this.suspect) {
      // A later link agreeing proves every event up to here is as chained: only the suspect's record was changed.
      if (recorded.link === link) return this.failLinkAltered();
    } else if (recorded) {
      if (this.misplaced(content, event, recorded, evidence)) return false;
      if (recorded.link !== link) {
        const verdict = this.authenticate(content, evidence);
        if (verdict && !verdict.ok) return this.fail('EDITED', event, count, describeVerdict(verdict));
        this.suspect = { ...event, count, before: this.lastPosition };
      } else {
        this.linksCompared++;
      }
    } else if (stated) {
      if (stated.link !== link) return this.fail('EDITED', event, count, 'its content differs from its stated chain link');
      this.linksCompared++;
    }
    this.firstUnproven ??= { ...event, count, before: this.lastPosition };
    this.count = stated?.count ?? count;
    this.head = link;
    this.lastPosition = event.position;
    this.lastEventId = event.id;
    this.eventsChecked++;
    return true;
  }

  /**
   * A signed checkpoint, checked when the chain has exactly `checkpoint.count` events. `at` is the
   * checkpoint's own event (or, for one kept outside the store, the event it covers). On 'mismatch'
   * nothing is recorded yet: the caller may pin the failure down (see `checkpointMismatch`).
   */
  checkCheckpoint(checkpoint: SignedCheckpoint, at: EventPlace, source: string, kept?: KeptCheckpoint): CheckpointResult {
    if (this.failure) return 'failed';
    const key = this.keys.find((k) => k.keyId === checkpoint.keyId);
    if (!key) {
      this.fail('UNKNOWN_KEY', at, checkpoint.count, `${source} is signed by key ${checkpoint.keyId}, which is not trusted here`);
      return 'failed';
    }
    if (!checkpointSignatureValid(checkpoint, key)) {
      this.fail('BAD_SIGNATURE', at, checkpoint.count, `the signature of ${source} is not valid`);
      return 'failed';
    }
    const matches = checkpoint.count === this.count && checkpoint.head === this.head && checkpoint.position === this.lastPosition;
    if (this.suspect) {
      if (matches) this.failLinkAltered();
      else this.failSuspect(`and ${source} does not match the chain through it`);
      return 'failed';
    }
    if (!matches) return 'mismatch';
    this.checkpointsChecked++;
    this.prove(checkpoint.count, checkpoint.position);
    if (kept && (this.latest === null || kept.count > this.latest.count)) this.latest = kept;
    return 'ok';
  }

  /** A checkpoint that does not match, when no authenticator pins the failure to one event. */
  checkpointMismatch(checkpoint: SignedCheckpoint, at: EventPlace, source: string): void {
    const first = this.firstUnproven;
    const range = first ? `#${first.count} (position ${first.position}) to #${checkpoint.count}` : `up to #${checkpoint.count}`;
    this.fail('CHECKPOINT_MISMATCH', first ?? at, first?.count ?? checkpoint.count,
      `events ${range} do not give the chain ${source} (at ${at.position}) signs: one of them was changed, removed, added or moved`,
      this.provenPosition);
  }

  /** The outcome of checking one event's authenticator out of line (the tail, or a failed checkpoint's range). */
  authenticated(verdict: AuthenticatorVerdict, event: EventPlace, count: bigint, before: string | null, chainedHere: boolean): boolean {
    this.authenticatorsChecked++;
    if (verdict.ok) return true;
    // Chained at this place, or carrying the service's authenticator: written by the service and edited since.
    // Anything else was slipped in by someone without the key.
    const kind = chainedHere || verdict.problem === 'mismatch' ? 'EDITED' : 'FORGED';
    return this.fail(kind, event, count, describeVerdict(verdict), before);
  }

  /** The events up to `count` are vouched for (by a checkpoint, or by their authenticators). */
  prove(count: bigint, position: string | null): void {
    this.provenCount = count;
    this.provenPosition = position;
    if (count >= this.count) this.firstUnproven = null;
  }

  /** No more events: a suspect nothing cleared stays a failure. */
  endOfEvents(): void {
    if (this.suspect && !this.failure) this.failSuspect('and no later link or checkpoint shows the events are as chained');
  }

  /** For failures the source finds itself (a chained event missing at the end, a truncated file). */
  fail(kind: FailureKind, at: EventPlace, count: bigint | null, reason: string, intactUpTo: string | null = this.lastPosition): false {
    if (!this.failure) {
      this.failure = { kind, position: at.position, count, eventId: at.id, reason };
      this.failedAfter = intactUpTo;
    }
    return false;
  }

  report(): VerifyReport {
    return {
      intact: this.failure === null,
      eventsChecked: this.eventsChecked,
      linksCompared: this.linksCompared,
      checkpointsChecked: this.checkpointsChecked,
      authenticatorsChecked: this.authenticatorsChecked,
      intactUpTo: this.failure ? this.failedAfter : this.lastPosition,
      provenUpTo: this.provenPosition,
      unprovenEvents: Number(this.count - this.provenCount),
      head: this.head,
      chainCount: this.count,
      latestCheckpoint: this.latest,
      failure: this.failure,
      trustedKeyIds: this.keys.map((k) => k.keyId),
    };
  }

  private authenticate(content: ChainedEventContent | StoredEventContent, evidence: EventEvidence): AuthenticatorVerdict | undefined {
    if (!evidence.authenticate) return undefined;
    this.authenticatorsChecked++;
    return evidence.authenticate(content);
  }

  private failLinkAltered(): false {
    const s = this.suspect!;
    return this.fail('LINK_ALTERED', s, s.count,
      `the link recorded for event ${s.id} was changed in the integrity records: the events themselves are as they were chained`, s.before);
  }

  private failSuspect(why: string): void {
    const s = this.suspect!;
    this.fail('EDITED', s, s.count,
      `its content is authentic, but its recorded time or place differs from when it was chained (its recorded link no longer matches, ${why})`, s.before);
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

  /** The recorded link belongs to another event: say which way the chain was disturbed. */
  private misplaced(content: ChainedEventContent | StoredEventContent, event: EventPlace, recorded: RecordedLink, evidence: EventEvidence): boolean {
    const count = this.count + 1n;
    if (recorded.eventId === event.id && recorded.position === event.position) return false;
    const elsewhere = recorded.eventId === event.id ? recorded : evidence.elsewhere;
    if (!elsewhere) {
      const gone = recorded.position !== event.position && elsewhere === null && positionBefore(recorded.position, event.position);
      if (gone) {
        return !this.fail('DELETED', { position: recorded.position, id: recorded.eventId }, recorded.count,
          `event ${recorded.eventId} was chained here but is no longer in the store`);
      }
      const verdict = this.authenticate(content, evidence);
      const forged = verdict && !verdict.ok ? `, and ${describeVerdict(verdict)}` : '';
      return !this.fail('INSERTED', event, count, `event ${event.id} was never chained: it was added afterwards${forged}`);
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
