import { AllSubscription, EventStore, EventToAppend, RecordedEvent } from '../../event-store/event-store.port';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors';
import { positionFromString, positionToString } from '../../event-store/position';
import { deterministicUuid } from '../../shared/commands/deterministic-id';
import { EVENT_SCHEMA_VERSION } from '../../shared/commands/command-context';
import { chainLink } from './chain-link';
import { ChainVerifier, GENESIS } from './chain-verifier';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, checkpointFromData, CheckpointClaim, checkpointToData, signCheckpoint } from './checkpoint';
import { checkAuthenticator } from './event-authenticator';
import { IntegrityRecords, RecordedLink } from './integrity-records';
import { SigningKey } from './signing-key';
import { verifyStore } from './verify-store';
import { VerifyReport } from './verify-report';

export interface CheckpointPolicy {
  /** Sign a checkpoint once this many events (other than checkpoints) were chained since the last one. */
  readonly everyEvents: number;
  /** ...or when this much time passed and anything new was chained. */
  readonly everyMinutes: number;
}

export interface ChainerHooks {
  readonly clock?: () => Date;
  /** The chain does not hold (a forged or changed event): the chainer stops and chains nothing more. */
  readonly onFailure?: (report: VerifyReport) => void;
  /** Anything else that went wrong (the store or the records unreachable). */
  readonly onError?: (error: unknown) => void;
}

const MAX_BATCH = 1000;
const CHECKPOINT_ATTEMPTS = 5;

/** Checkpoints are recorded by the service itself, under a system actor. */
const SYSTEM_ACTOR = { userId: 'system:integrity', displayName: 'Integrity checkpointer', organisationId: null, role: 'system' };

/**
 * Links every event into the hash chain and, per the policy, appends a signed
 * checkpoint over the chain head to the store itself. One instance chains at a
 * time (the projection leader, see IntegrityService), but nothing breaks if
 * two briefly overlap: links are computed from the same events, and a
 * checkpoint is appended with the checkpoint stream's exact revision and only
 * when it covers more than the last one, so two writers never interleave.
 *
 * Nothing is chained on trust: an event enters the chain only once its
 * authenticator (made by the writing service) checks out, or a signed
 * checkpoint already covers it. A forged event stops the chainer there.
 */
export class IntegrityChainer {
  private count = 0n;
  private head = GENESIS.head;
  private lastPosition: string | null = null;
  private lastEventId: string | null = null;
  private sinceCheckpoint = 0;
  private failure: VerifyReport | null = null;
  private subscription?: AllSubscription;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private pending: RecordedLink[] = [];
  private recording: Promise<void> = Promise.resolve();
  private checkpointing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly records: IntegrityRecords,
    private readonly key: SigningKey,
    private readonly policy: CheckpointPolicy,
    private readonly hooks: ChainerHooks = {},
  ) {}

  status(): { chained: bigint; head: string; lastPosition: string | null; failed: boolean } {
    return { chained: this.count, head: this.head, lastPosition: this.lastPosition, failed: this.failure !== null };
  }

  /** Chains everything stored so far, signing checkpoints as due (the CLI, tests and benchmarks; the service uses `start`). */
  async catchUp(): Promise<VerifyReport | null> {
    for (let before = -1n; before !== this.count;) {
      before = this.count;
      if (!(await this.resume())) return this.failure;
      await this.checkpointIfDue(false);
    }
    return null;
  }

  /** Resumes after the last recorded link, then follows every new event live. */
  async start(): Promise<void> {
    if (!(await this.resume())) return;
    this.subscription = this.store.subscribeToAll({ after: this.lastPosition ? positionFromString(this.lastPosition) : undefined });
    this.loop = this.follow(this.subscription);
    this.timer = setInterval(() => void this.checkpointIfDue(true).catch(this.hooks.onError), this.policy.everyMinutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    await this.loop;
    void this.flush(); // never rejects (see flush); awaited through `recording` below
    await this.recording.catch(() => undefined);
    await this.checkpointing.catch(() => undefined);
  }

  /** Signs the current head now, if anything was chained since the last checkpoint. */
  checkpointNow(): Promise<void> {
    return this.checkpointIfDue(true);
  }

  /**
   * Picks up after the last link recorded (none, if the records were lost): everything since is
   * verified on the way, vouched for by the store's signed checkpoints or the events' authenticators,
   * and its links are recorded. A lost tail of links is repaired here, never reported as tampering.
   */
  private async resume(): Promise<boolean> {
    const last = await this.records.lastLink();
    const from = last ? { count: last.count, head: last.link, position: last.position } : GENESIS;
    let lastEventId = last?.eventId ?? null;
    const report = await verifyStore(this.store, {
      keys: [this.key.publicKey],
      eventKeys: [this.key.eventKey],
      records: this.records,
      from,
      onVouched: async (links) => {
        await this.records.record(links);
        lastEventId = links[links.length - 1].eventId;
      },
    });
    if (!report.intact) {
      this.fail(report);
      return false;
    }
    this.count = report.chainCount;
    this.head = report.head;
    this.lastPosition = report.intactUpTo;
    this.lastEventId = lastEventId;
    const [latest] = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
    // Roughly the events since the last checkpoint (the checkpoint event itself excluded): enough for the policy.
    const since = latest ? this.count - checkpointFromData(latest.data).count - 1n : this.count;
    this.sinceCheckpoint = Math.max(0, Number(since));
    return true;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      let scheduled = false;
      for await (const event of subscription) {
        if (!this.chain(event)) {
          await subscription.stop();
          break;
        }
        if (this.pending.length >= MAX_BATCH) void this.flush(); // never rejects: recording failures go to onError
        else if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            void this.flush();
          });
        }
      }
    } catch (error) {
      this.hooks.onError?.(error);
    }
  }

  /** A new event: chained only if the service wrote it as it stands. */
  private chain(event: RecordedEvent): boolean {
    if (this.failure) return false;
    const position = positionToString(event.position);
    const verdict = checkAuthenticator(event, [this.key.eventKey]);
    if (!verdict.ok) {
      const verifier = new ChainVerifier([this.key.publicKey], { count: this.count, head: this.head, position: this.lastPosition });
      verifier.authenticated(verdict, { id: event.id, position }, this.count + 1n, this.lastPosition, false);
      this.fail(verifier.report());
      return false;
    }
    const link = chainLink(event, this.head);
    this.count += 1n;
    this.head = link;
    this.lastPosition = position;
    this.lastEventId = event.id;
    this.pending.push({ count: this.count, position, eventId: event.id, link });
    if (event.streamName !== CHECKPOINT_STREAM) this.sinceCheckpoint++;
    // Exactly every N events, however the events arrive (one page or one at a time).
    if (this.sinceCheckpoint >= this.policy.everyEvents) void this.checkpointIfDue(false).catch(this.hooks.onError);
    return true;
  }

  private fail(report: VerifyReport): void {
    this.failure ??= report;
    this.hooks.onFailure?.(report);
  }

  /** Links are recorded in order, one batch after the other. */
  private flush(): Promise<void> {
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      this.recording = this.recording.then(() => this.records.record(batch)).catch((error: unknown) => this.hooks.onError?.(error));
    }
    return this.recording;
  }

  /** Checkpoints never trigger checkpoints: only other events count towards the next one. */
  private checkpointIfDue(timeIsUp: boolean): Promise<void> {
    const due = this.sinceCheckpoint > 0 && (timeIsUp || this.sinceCheckpoint >= this.policy.everyEvents) && !this.failure;
    if (!due || this.lastPosition === null || this.lastEventId === null) return this.checkpointing;
    this.sinceCheckpoint = 0;
    const claim = { count: this.count, position: this.lastPosition, eventId: this.lastEventId, head: this.head };
    const recorded = this.flush();
    this.checkpointing = this.checkpointing.then(() => recorded).then(() => this.append(claim));
    return this.checkpointing;
  }

  /**
   * Appends the checkpoint after the last one, at its exact revision, and only if it covers more:
   * a checkpoint stream whose counts only grow is what verify expects, whoever signed each one.
   */
  private async append(claim: Omit<CheckpointClaim, 'signedAt'>): Promise<void> {
    for (let attempt = 1; attempt <= CHECKPOINT_ATTEMPTS; attempt++) {
      const [latest] = await this.store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
      if (latest && checkpointFromData(latest.data).count >= claim.count) return; // another chainer signed as far
      const signedAt = (this.hooks.clock ?? (() => new Date()))().toISOString();
      const checkpoint = signCheckpoint({ ...claim, signedAt }, this.key);
      const commandId = deterministicUuid('integrity-checkpoint', claim.count.toString(), claim.head);
      const event: EventToAppend = {
        id: deterministicUuid('event', commandId, CHECKPOINT_STREAM, '0'),
        type: CHECKPOINT_EVENT_TYPE,
        data: checkpointToData(checkpoint),
        metadata: {
          commandId, commandType: 'RecordIntegrityCheckpoint', correlationId: commandId, causationId: commandId,
          actor: { ...SYSTEM_ACTOR }, occurredAt: signedAt, schemaVersion: EVENT_SCHEMA_VERSION,
        },
      };
      try {
        const result = await this.store.append(CHECKPOINT_STREAM, [event], { expectedRevision: latest ? latest.revision : 'no_stream' });
        await this.records.keepCheckpoint({ ...checkpoint, eventPosition: positionToString(result.position), eventRevision: result.nextExpectedRevision });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
}
