import { AllSubscription, EventStore, EventToAppend, RecordedEvent } from '../../event-store/event-store.port';
import { positionFromString, positionToString } from '../../event-store/position';
import { deterministicUuid } from '../../shared/commands/deterministic-id';
import { EVENT_SCHEMA_VERSION } from '../../shared/commands/command-context';
import { chainLink, GENESIS_LINK } from './chain-link';
import { ChainLinksDb, RecordedLink } from './chain-links-db';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, checkpointToData, signCheckpoint } from './checkpoint';
import { SigningKey } from './signing-key';

export interface CheckpointPolicy {
  /** Sign a checkpoint once this many events (other than checkpoints) were chained since the last one. */
  readonly everyEvents: number;
  /** ...or when this much time passed and anything new was chained. */
  readonly everyMinutes: number;
}

const CATCH_UP_PAGE = 2000;
const MAX_BATCH = 1000;

/** Checkpoints are recorded by the service itself, under a system actor. */
const SYSTEM_ACTOR = { userId: 'system:integrity', displayName: 'Integrity checkpointer', organisationId: null, role: 'system' };

/**
 * Follows `$all`, links every event into the hash chain (recording each link
 * as it first sees the event) and, per the policy, appends a signed checkpoint
 * over the chain head to the store itself.
 */
export class IntegrityChainer {
  private count: bigint;
  private head: string;
  private lastPosition: string | null;
  private lastEventId: string | null;
  private sinceCheckpoint = 0;
  private subscription?: AllSubscription;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private pending: RecordedLink[] = [];
  private checkpointing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly links: ChainLinksDb,
    private readonly key: SigningKey,
    private readonly policy: CheckpointPolicy,
    private readonly clock: () => Date = () => new Date(),
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    const last = links.lastLink();
    this.count = last?.count ?? 0n;
    this.head = last?.link ?? GENESIS_LINK;
    this.lastPosition = last?.position ?? null;
    this.lastEventId = last?.eventId ?? null;
  }

  status(): { chained: bigint; head: string; lastPosition: string | null } {
    return { chained: this.count, head: this.head, lastPosition: this.lastPosition };
  }

  /** Chains everything stored so far, page by page (the CLI and tests; the service uses `start`). */
  async catchUp(): Promise<void> {
    for (;;) {
      const after = this.lastPosition ? positionFromString(this.lastPosition) : undefined;
      const page = await this.store.readAll({ after, maxCount: CATCH_UP_PAGE });
      for (const event of page) this.chain(event);
      this.flush();
      await this.checkpointing;
      // An empty page, not a short one, ends it: the checkpoint just appended is chained too.
      if (page.length === 0) return;
    }
  }

  /** Live: history first, then every new event, as the projections follow the log. */
  start(): void {
    this.subscription = this.store.subscribeToAll({ after: this.lastPosition ? positionFromString(this.lastPosition) : undefined });
    this.loop = this.follow(this.subscription);
    this.timer = setInterval(() => void this.checkpointIfDue(true).catch(this.onError), this.policy.everyMinutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.stop();
    await this.loop;
    this.flush();
    await this.checkpointing;
  }

  /** Signs the current head now, if anything was chained since the last checkpoint. */
  checkpointNow(): Promise<void> {
    return this.checkpointIfDue(true);
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      let scheduled = false;
      for await (const event of subscription) {
        this.chain(event);
        if (this.pending.length >= MAX_BATCH) this.flushQuietly();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            this.flushQuietly();
          });
        }
      }
    } catch (error) {
      this.onError(error);
    }
  }

  private chain(event: RecordedEvent): void {
    const link = chainLink(event, this.head);
    this.count += 1n;
    this.head = link;
    this.lastPosition = positionToString(event.position);
    this.lastEventId = event.id;
    this.pending.push({ count: this.count, position: this.lastPosition, eventId: event.id, link });
    if (event.streamName !== CHECKPOINT_STREAM) this.sinceCheckpoint++;
    // Exactly every N events, however the events arrive (one page or one at a time).
    if (this.sinceCheckpoint >= this.policy.everyEvents) void this.checkpointIfDue(false).catch(this.onError);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.links.record(this.pending);
    this.pending = [];
  }

  private flushQuietly(): void {
    try {
      this.flush();
    } catch (error) {
      this.onError(error);
    }
  }

  /** Checkpoints never trigger checkpoints: only other events count towards the next one. */
  private checkpointIfDue(timeIsUp: boolean): Promise<void> {
    const due = this.sinceCheckpoint > 0 && (timeIsUp || this.sinceCheckpoint >= this.policy.everyEvents);
    if (!due) return this.checkpointing;
    this.flush();
    this.sinceCheckpoint = 0;
    const claim = { count: this.count, position: this.lastPosition!, eventId: this.lastEventId!, head: this.head };
    this.checkpointing = this.checkpointing.then(() => this.append(claim));
    return this.checkpointing;
  }

  private async append(claim: { count: bigint; position: string; eventId: string; head: string }): Promise<void> {
    const signedAt = this.clock().toISOString();
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
    await this.store.append(CHECKPOINT_STREAM, [event], { expectedRevision: 'any' });
  }
}
